using System;
using System.Globalization;
using System.Text;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>Text forms of scalar values shared by bodies, headers, query strings and URI labels.</summary>
    public static class WireFormat
    {
        private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static string FormatTimestamp(DateTime value, TimestampFormat format)
        {
            var utc = ToUtc(value);
            switch (format)
            {
                case TimestampFormat.EpochSeconds:
                    return FormatEpochSeconds(utc);
                case TimestampFormat.HttpDate:
                    return utc.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);
                default:
                    return FormatIso8601(utc);
            }
        }

        public static string FormatIso8601(DateTime value)
        {
            var utc = ToUtc(value);
            return utc.Millisecond == 0 && utc.Ticks % TimeSpan.TicksPerMillisecond == 0
                ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        public static string FormatEpochSeconds(DateTime value)
        {
            var seconds = EpochSeconds(value);
            return seconds == Math.Floor(seconds)
                ? ((long)seconds).ToString(CultureInfo.InvariantCulture)
                : seconds.ToString("0.###", CultureInfo.InvariantCulture);
        }

        public static double EpochSeconds(DateTime value) =>
            Math.Round((ToUtc(value) - Epoch).TotalMilliseconds) / 1000.0;

        public static DateTime FromEpochSeconds(double seconds) =>
            Epoch.AddTicks((long)Math.Round(seconds * 1000.0) * TimeSpan.TicksPerMillisecond);

        /// <summary>Reads a timestamp in any of the three wire forms (services are not always faithful to their model).</summary>
        public static bool TryParseTimestamp(string text, out DateTime value)
        {
            text = text.Trim();
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                value = FromEpochSeconds(seconds);
                return true;
            }
            if (DateTime.TryParse(text, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value))
            {
                value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
                return true;
            }
            value = default;
            return false;
        }

        public static DateTime ToUtc(DateTime value) => value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };

        public static string FormatDouble(double value)
        {
            if (double.IsNaN(value)) return "NaN";
            if (double.IsPositiveInfinity(value)) return "Infinity";
            if (double.IsNegativeInfinity(value)) return "-Infinity";
            return value.ToString("R", CultureInfo.InvariantCulture);
        }

        public static string FormatFloat(float value)
        {
            if (float.IsNaN(value)) return "NaN";
            if (float.IsPositiveInfinity(value)) return "Infinity";
            if (float.IsNegativeInfinity(value)) return "-Infinity";
            return value.ToString("R", CultureInfo.InvariantCulture);
        }

        public static bool TryParseDouble(string text, out double value)
        {
            switch (text)
            {
                case "NaN": value = double.NaN; return true;
                case "Infinity": value = double.PositiveInfinity; return true;
                case "-Infinity": value = double.NegativeInfinity; return true;
                default: return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            }
        }

        /// <summary>The text of a scalar outside a JSON body (header, query string, label), per its shape.</summary>
        public static string FormatScalar(ShapeDef shape, object value, TimestampFormat timestampFormat)
        {
            switch (value)
            {
                case string s: return s;
                case bool b: return b ? "true" : "false";
                case DateTime d:
                    return shape.IsDateString ? FormatIso8601(d) : FormatTimestamp(d, timestampFormat);
                case double d: return FormatDouble(d);
                case float f: return FormatFloat(f);
                case byte[] bytes: return Convert.ToBase64String(bytes);
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString() ?? "";
            }
        }

        /// <summary>Parses the text of a header, query parameter or label into the shape's CLR type.</summary>
        public static object? ParseScalar(ShapeDef shape, string text)
        {
            switch (shape.Kind)
            {
                case ShapeKind.String:
                    if (shape.IsDateString && TryParseTimestamp(text, out var date)) return date;
                    return text;
                case ShapeKind.Boolean: return bool.Parse(text.Trim());
                case ShapeKind.Byte: return sbyte.Parse(text.Trim(), CultureInfo.InvariantCulture);
                case ShapeKind.Short: return short.Parse(text.Trim(), CultureInfo.InvariantCulture);
                case ShapeKind.Integer: return int.Parse(text.Trim(), CultureInfo.InvariantCulture);
                case ShapeKind.Long: return long.Parse(text.Trim(), CultureInfo.InvariantCulture);
                case ShapeKind.Float: return TryParseDouble(text.Trim(), out var f) ? (float)f : throw new FormatException($"'{text}' is not a number.");
                case ShapeKind.Double: return TryParseDouble(text.Trim(), out var d) ? d : throw new FormatException($"'{text}' is not a number.");
                case ShapeKind.BigInteger:
                case ShapeKind.BigDecimal: return decimal.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
                case ShapeKind.Timestamp:
                    return TryParseTimestamp(text, out var ts) ? ts : throw new FormatException($"'{text}' is not a timestamp.");
                case ShapeKind.Blob: return Convert.FromBase64String(text);
                default: throw new FormatException($"A {shape.Kind} cannot be read from text.");
            }
        }

        /// <summary>Percent-encodes per RFC 3986: everything but unreserved characters (and '/' when asked).</summary>
        public static string UriEncode(string value, bool keepSlash = false)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            var text = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes)
            {
                char c = (char)b;
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/'))
                {
                    text.Append(c);
                }
                else
                {
                    text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            return text.ToString();
        }
    }
}
