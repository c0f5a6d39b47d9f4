using System;
using System.Collections;
using System.Collections.Generic;
using System.Text;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>Header text for members bound to headers: lists joined by commas (quoted where needed), JSON values base64-encoded.</summary>
    public static class HeaderValues
    {
        public static string Format(MemberDef member, object value)
        {
            var shape = member.Shape;
            var format = member.EffectiveTimestampFormat == TimestampFormat.Default ? TimestampFormat.HttpDate : member.EffectiveTimestampFormat;
            if (shape.Kind == ShapeKind.List)
            {
                var text = new StringBuilder();
                foreach (var item in (IEnumerable)value)
                {
                    if (text.Length > 0) text.Append(", ");
                    if (item is null) continue;
                    var element = WireFormat.FormatScalar(shape.Element!, item, format);
                    text.Append(item is string ? QuoteIfNeeded(element) : element);
                }
                return text.ToString();
            }
            if (member.IsJsonValue || (shape.MediaType is not null && shape.Kind == ShapeKind.String))
            {
                return Convert.ToBase64String(Encoding.UTF8.GetBytes(value is string s ? s : DocumentText(value)));
            }
            return WireFormat.FormatScalar(shape, value, format);
        }

        public static object? Parse(MemberDef member, string text)
        {
            var shape = member.Shape;
            if (shape.Kind == ShapeKind.List)
            {
                var list = (IList)(shape.Factory?.Invoke() ?? new List<object?>());
                var element = shape.Element!;
                var items = element.Kind == ShapeKind.Timestamp && IsHttpDateList(member) ? SplitHttpDates(text) : SplitList(text);
                foreach (var item in items)
                {
                    list.Add(WireFormat.ParseScalar(element, item));
                }
                return list;
            }
            if (member.IsJsonValue)
            {
                var json = Encoding.UTF8.GetString(Convert.FromBase64String(text));
                if (shape.Kind == ShapeKind.String)
                {
                    return json;
                }
                return JsonShapeReader.ReadBody(Encoding.UTF8.GetBytes(json), new ShapeDef("Document", ShapeKind.Document) { IsDocument = true });
            }
            return WireFormat.ParseScalar(shape, text);
        }

        private static bool IsHttpDateList(MemberDef member)
        {
            var format = member.EffectiveTimestampFormat != TimestampFormat.Default ? member.EffectiveTimestampFormat : member.Shape.Element!.TimestampFormat;
            return format == TimestampFormat.Default || format == TimestampFormat.HttpDate;
        }

        private static string QuoteIfNeeded(string value)
        {
            if (value.IndexOf(',') < 0 && value.IndexOf('"') < 0)
            {
                return value;
            }
            return "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        }

        /// <summary>Splits a comma-separated header, honouring double-quoted items with backslash escapes.</summary>
        public static List<string> SplitList(string text)
        {
            var items = new List<string>();
            var current = new StringBuilder();
            bool quoted = false, wasQuoted = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    if (c == '\\' && i + 1 < text.Length) current.Append(text[++i]);
                    else if (c == '"') quoted = false;
                    else current.Append(c);
                }
                else if (c == '"' && current.ToString().Trim().Length == 0)
                {
                    current.Clear();
                    quoted = true;
                    wasQuoted = true;
                }
                else if (c == ',')
                {
                    items.Add(wasQuoted ? current.ToString() : current.ToString().Trim());
                    current.Clear();
                    wasQuoted = false;
                }
                else if (!wasQuoted)
                {
                    current.Append(c);
                }
            }
            items.Add(wasQuoted ? current.ToString() : current.ToString().Trim());
            return items;
        }

        /// <summary>HTTP dates contain a comma of their own ("Mon, 16 Dec 2019 ..."), so a list of them pairs up the pieces.</summary>
        private static List<string> SplitHttpDates(string text)
        {
            var pieces = text.Split(',');
            var dates = new List<string>();
            for (int i = 0; i + 1 < pieces.Length; i += 2)
            {
                dates.Add((pieces[i] + "," + pieces[i + 1]).Trim());
            }
            return dates;
        }

        private static string DocumentText(object value) =>
            Encoding.UTF8.GetString(JsonBytes.Write(w => JsonShapeWriter.WriteDocument(w, value)));
    }
}
