using System.Collections;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Protocol;
using ImageBuilder.PS.Validation;

namespace ImageBuilder.PS.Emulator.Http;

/// <summary>How a service reports input that breaks its model's rules.</summary>
internal enum ValidationStyle
{
    /// <summary>Image Builder: InvalidRequestException for a missing member, InvalidParameterValueException for a bad value.</summary>
    ImageBuilder,
    /// <summary>Image Builder's tagging operations: InvalidParameterException.</summary>
    ImageBuilderTagging,
    /// <summary>AppStream (Coral): ValidationException.</summary>
    Coral,
    /// <summary>WorkSpaces: InvalidParameterValuesException.</summary>
    WorkSpaces,
    /// <summary>CloudWatch Logs: InvalidParameterException.</summary>
    Logs,
}

/// <summary>
/// Checks an operation's input against its model (required members, lengths, ranges, patterns, unions through the
/// shared <see cref="RequestValidator"/>, plus enum value sets, which the service enforces) and raises the error
/// the service would, worded the way AWS's validation layer words it.
/// </summary>
internal static class InputChecks
{
    public static void Validate(IAwsStructure input, ValidationStyle style)
    {
        var violations = RequestValidator.Validate(input);
        foreach (var member in input.GetShape().Members)
        {
            if (input.GetMember(member.Index) is { } value)
            {
                CheckEnums(member.Shape, member.WireName, value, violations, member);
            }
        }
        if (violations.Count == 0)
        {
            return;
        }
        var first = violations[0];
        var missing = first.Value is null;
        var message = violations.Count == 1
            ? "1 validation error detected: " + Describe(first)
            : $"{violations.Count} validation errors detected: " + string.Join("; ", violations.Take(5).Select(Describe));
        throw style switch
        {
            ValidationStyle.ImageBuilderTagging or ValidationStyle.Logs => ServiceError.InvalidParameter(message),
            ValidationStyle.Coral => new ServiceError("ValidationException", 400, message),
            ValidationStyle.WorkSpaces => new ServiceError("InvalidParameterValuesException", 400, message),
            _ => missing ? ServiceError.InvalidRequest(message) : ServiceError.InvalidParameterValue(message),
        };
    }

    private static string Describe(Violation v)
    {
        if (v.Value is null)
        {
            return $"Value null at '{v.Path}' failed to satisfy constraint: Member must not be null";
        }
        var shown = v.Value is string s ? s : v.Value is ICollection c ? $"[{c.Count} items]" : Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture);
        if (shown is not null && shown.Length > 200)
        {
            shown = shown.Substring(0, 200) + "...";
        }
        return $"Value '{shown}' at '{v.Path}' failed to satisfy constraint: Member {v.Rule}";
    }

    private static void CheckEnums(ShapeDef shape, string path, object value, List<Violation> violations, MemberDef top)
    {
        switch (shape.Kind)
        {
            case ShapeKind.String when shape.EnumValues is { Count: > 0 } allowed && value is string text:
                if (!allowed.Contains(text))
                {
                    violations.Add(new Violation(top, path, text, "must satisfy enum value set: [" + string.Join(", ", allowed) + "]"));
                }
                break;
            case ShapeKind.Structure when value is IAwsStructure structure:
                foreach (var member in shape.Members)
                {
                    if (structure.GetMember(member.Index) is { } memberValue)
                    {
                        CheckEnums(member.Shape, path + "." + member.WireName, memberValue, violations, top);
                    }
                }
                break;
            case ShapeKind.List when value is IEnumerable items:
                int i = 0;
                foreach (var item in items)
                {
                    if (item is not null) CheckEnums(shape.Element!, $"{path}[{i}]", item, violations, top);
                    i++;
                }
                break;
            case ShapeKind.Map when value is IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    if (entry.Value is not null) CheckEnums(shape.Value!, $"{path}['{entry.Key}']", entry.Value, violations, top);
                }
                break;
        }
    }
}
