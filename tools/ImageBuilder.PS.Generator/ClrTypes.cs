using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Generator;

/// <summary>The CLR type the generated code uses for each shape.</summary>
public static class ClrTypes
{
    /// <summary>The property type of a member: reference types and nullable value types, so "unset" is visible.</summary>
    public static string Property(ShapeDef shape, string typeNamespace) => Element(shape, typeNamespace) + (IsValueType(shape) ? "?" : "?");

    /// <summary>The type of a list element or map value (value types not nullable).</summary>
    public static string Element(ShapeDef shape, string typeNamespace)
    {
        if (shape.IsDocument)
        {
            return "object";
        }
        return shape.Kind switch
        {
            ShapeKind.Structure => "global::" + typeNamespace + "." + CSharpNames.Identifier(shape.Name),
            ShapeKind.List => "global::System.Collections.Generic.List<" + Element(shape.Element!, typeNamespace) + ">",
            ShapeKind.Map => "global::System.Collections.Generic.Dictionary<string, " + Element(shape.Value!, typeNamespace) + ">",
            ShapeKind.String => shape.IsDateString ? "global::System.DateTime" : "string",
            ShapeKind.Boolean => "bool",
            ShapeKind.Byte => "sbyte",
            ShapeKind.Short => "short",
            ShapeKind.Integer => "int",
            ShapeKind.Long => "long",
            ShapeKind.Float => "float",
            ShapeKind.Double => "double",
            ShapeKind.BigInteger or ShapeKind.BigDecimal => "decimal",
            ShapeKind.Timestamp => "global::System.DateTime",
            ShapeKind.Blob => "byte[]",
            _ => "object",
        };
    }

    public static bool IsValueType(ShapeDef shape) => !shape.IsDocument && shape.Kind switch
    {
        ShapeKind.String => shape.IsDateString,
        ShapeKind.Boolean or ShapeKind.Byte or ShapeKind.Short or ShapeKind.Integer or ShapeKind.Long or ShapeKind.Float
            or ShapeKind.Double or ShapeKind.BigInteger or ShapeKind.BigDecimal or ShapeKind.Timestamp => true,
        _ => false,
    };
}
