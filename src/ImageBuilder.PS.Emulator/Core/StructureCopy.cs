using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Core;

/// <summary>Deep copies of model structures, through their JSON form: an image keeps the recipe and configurations it was built with.</summary>
internal static class StructureCopy
{
    public static T? Of<T>(T? value) where T : class, IAwsStructure
    {
        if (value is null)
        {
            return null;
        }
        var bytes = JsonBytes.Write(w => JsonShapeWriter.WriteValue(w, value.GetShape(), value));
        return (T?)JsonShapeReader.ReadBody(bytes, value.GetShape());
    }
}
