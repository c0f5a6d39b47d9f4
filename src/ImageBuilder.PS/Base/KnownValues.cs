using System;
using System.Collections;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// PowerShell users type values without minding case (-Owner amazon, -Action resume); the services do not. A
    /// value that is one of a member's known values but for case is sent as the service spells it. Values the
    /// module does not know are left alone, as the services add new ones.
    /// </summary>
    internal static class KnownValues
    {
        public static void MatchCase(IAwsStructure structure)
        {
            foreach (var member in structure.GetShape().Members)
            {
                var value = structure.GetMember(member.Index);
                if (value is string text && Spelled(member.Shape, text) is { } spelled)
                {
                    structure.SetMember(member.Index, spelled);
                }
                else if (value is IAwsStructure nested)
                {
                    MatchCase(nested);
                }
                else if (value is IList list && member.Shape.Element is { } element)
                {
                    MatchCase(list, element);
                }
            }
        }

        private static void MatchCase(IList list, ShapeDef element)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is string text && Spelled(element, text) is { } spelled)
                {
                    list[i] = spelled;
                }
                else if (list[i] is IAwsStructure nested)
                {
                    MatchCase(nested);
                }
            }
        }

        /// <summary>The known value <paramref name="text"/> stands for, when it differs from it only in case.</summary>
        private static string? Spelled(ShapeDef shape, string text)
        {
            if (shape.EnumValues is not { } known)
            {
                return null;
            }
            foreach (var value in known)
            {
                if (string.Equals(value, text, StringComparison.Ordinal)) return null;
            }
            foreach (var value in known)
            {
                if (string.Equals(value, text, StringComparison.OrdinalIgnoreCase)) return value;
            }
            return null;
        }
    }
}
