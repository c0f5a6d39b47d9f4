using System;
using System.Collections;
using System.Globalization;
using System.Text;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>
    /// How a structure reads when PowerShell prints it inside another object: "AVAILABLE", "FAILED (reason)" for
    /// states, "@{Region=us-east-1; Image=ami-0abc}" for the rest, instead of a type name.
    /// </summary>
    public static class StructureText
    {
        public static string Format(IAwsStructure value)
        {
            var shape = value.GetShape();
            var status = shape.FindMember("status");
            if (status is not null && shape.Members.Count <= 2 && value.GetMember(status.Index) is string statusText)
            {
                var reason = shape.FindMember("reason") is { } r ? value.GetMember(r.Index) as string : null;
                return string.IsNullOrEmpty(reason) ? statusText : $"{statusText} ({reason})";
            }
            var text = new StringBuilder("@{");
            foreach (var member in shape.Members)
            {
                var memberValue = value.GetMember(member.Index);
                if (memberValue is null)
                {
                    continue;
                }
                if (text.Length > 2) text.Append("; ");
                text.Append(member.Name).Append('=').Append(member.IsSensitive ? "***" : Scalar(memberValue));
            }
            return text.Append('}').ToString();
        }

        private static string Scalar(object value) => value switch
        {
            string s => s,
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            IAwsStructure s => Format(s),
            IDictionary map => "{" + Join(map) + "}",
            ICollection items => "[" + JoinItems(items) + "]",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        private static string Join(IDictionary map)
        {
            var text = new StringBuilder();
            foreach (DictionaryEntry entry in map)
            {
                if (text.Length > 0) text.Append(", ");
                text.Append(entry.Key).Append('=').Append(entry.Value is null ? "" : Scalar(entry.Value));
            }
            return text.ToString();
        }

        private static string JoinItems(ICollection items)
        {
            var text = new StringBuilder();
            foreach (var item in items)
            {
                if (text.Length > 0) text.Append(", ");
                text.Append(item is null ? "" : Scalar(item));
            }
            return text.ToString();
        }
    }
}
