using System;
using System.Collections;
using System.Management.Automation;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// Lets a parameter typed as one of the module's structures (or an array of them) take hashtables and
    /// PSCustomObjects with the same property names.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ShapeTransformationAttribute : ArgumentTransformationAttribute
    {
        private readonly Type _structureType;

        /// <param name="structureType">The module's structure type (the element type, for an array parameter).</param>
        public ShapeTransformationAttribute(Type structureType) => _structureType = structureType;

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var shape = StructureShapes.Of(_structureType);
            var given = inputData;
            if (inputData is PSObject ps)
            {
                inputData = ps.BaseObject;
            }
            try
            {
                if (inputData is IEnumerable items && inputData is not IDictionary && inputData is not string)
                {
                    var list = new ArrayList();
                    int i = 0;
                    foreach (var item in items)
                    {
                        list.Add(ShapeConverter.Convert(item, shape, $"item {i++}"));
                    }
                    var array = Array.CreateInstance(_structureType, list.Count);
                    list.CopyTo(array);
                    return array;
                }
                return ShapeConverter.Convert(given, shape, "the value");
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(e.Message, e);
            }
        }
    }
}
