using System.Text.Json;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Http;

/// <summary>
/// Checks that each JSON value has the type its member's shape calls for (a string for a string, an object for a
/// structure, ...), as the services' deserializers do: a number where a name belongs is a SerializationException,
/// not something to coerce. A null member is an absent one, but a null item of a list or value of a map is refused
/// the same way: the models' lists and maps are all dense. Members the model does not know are ignored, as the
/// services ignore them.
/// </summary>
internal static class JsonTypeCheck
{
    public static void Check(JsonElement value, ShapeDef shape, string path)
    {
        if (value.ValueKind == JsonValueKind.Null || shape.IsDocument)
        {
            return;
        }
        bool ok = shape.Kind switch
        {
            ShapeKind.Structure => value.ValueKind == JsonValueKind.Object,
            ShapeKind.Map => value.ValueKind == JsonValueKind.Object,
            ShapeKind.List => value.ValueKind == JsonValueKind.Array,
            ShapeKind.String or ShapeKind.Blob => value.ValueKind == JsonValueKind.String,
            ShapeKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            ShapeKind.Byte or ShapeKind.Short or ShapeKind.Integer or ShapeKind.Long or ShapeKind.BigInteger => IsWholeNumber(value, shape.Kind),
            ShapeKind.Float or ShapeKind.Double or ShapeKind.BigDecimal => value.ValueKind == JsonValueKind.Number
                || (value.ValueKind == JsonValueKind.String && value.GetString() is "NaN" or "Infinity" or "-Infinity"),
            ShapeKind.Timestamp => value.ValueKind is JsonValueKind.Number or JsonValueKind.String,
            _ => true,
        };
        if (!ok)
        {
            throw ServiceError.Serialization($"The value at '{path}' must be {Describe(shape.Kind)}, not {value.ValueKind.ToString().ToLowerInvariant()}.");
        }
        switch (shape.Kind)
        {
            case ShapeKind.Structure:
                foreach (var property in value.EnumerateObject())
                {
                    if (shape.FindBodyMember(property.Name) is { } member)
                    {
                        Check(property.Value, member.Shape, path.Length == 0 ? property.Name : path + "." + property.Name);
                    }
                }
                break;
            case ShapeKind.Map:
                foreach (var property in value.EnumerateObject())
                {
                    CheckItem(property.Value, shape.Value!, $"{path}['{property.Name}']");
                }
                break;
            case ShapeKind.List:
                int i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckItem(item, shape.Element!, $"{path}[{i++}]");
                }
                break;
        }
    }

    private static void CheckItem(JsonElement item, ShapeDef shape, string path)
    {
        if (item.ValueKind == JsonValueKind.Null && !shape.IsDocument)
        {
            throw ServiceError.Serialization($"The value at '{path}' must not be null.");
        }
        Check(item, shape, path);
    }

    private static bool IsWholeNumber(JsonElement value, ShapeKind kind) =>
        value.ValueKind == JsonValueKind.Number && kind switch
        {
            ShapeKind.Byte => value.TryGetSByte(out _),
            ShapeKind.Short => value.TryGetInt16(out _),
            ShapeKind.Integer => value.TryGetInt32(out _),
            ShapeKind.Long => value.TryGetInt64(out _),
            _ => value.TryGetDecimal(out _),
        };

    private static string Describe(ShapeKind kind) => kind switch
    {
        ShapeKind.Structure or ShapeKind.Map => "an object",
        ShapeKind.List => "an array",
        ShapeKind.String or ShapeKind.Blob => "a string",
        ShapeKind.Boolean => "true or false",
        ShapeKind.Timestamp => "a timestamp",
        ShapeKind.Float or ShapeKind.Double or ShapeKind.BigDecimal => "a number",
        _ => "a whole number in range",
    };
}
