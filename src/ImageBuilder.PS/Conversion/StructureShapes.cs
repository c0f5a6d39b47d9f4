using System;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// The model shape of one of the module's structure types, for the transformation attributes (which are given
    /// a Type): looked up in the generated registries, so nothing is made by reflection to ask it.
    /// </summary>
    internal static class StructureShapes
    {
        public static ShapeDef Of(Type type) =>
            Model.Ib.IbShapes.ShapeOf(type)
            ?? Model.AppStream.AppStreamShapes.ShapeOf(type)
            ?? Model.WorkSpaces.WorkSpacesShapes.ShapeOf(type)
            ?? Model.Logs.LogsShapes.ShapeOf(type)
            ?? throw new ArgumentException($"{type.Name} is not one of the module's structure types.", nameof(type));
    }
}
