using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>The name/value pairs of what a user typed: a hashtable's entries or an object's properties.</summary>
    internal static class PropertyBag
    {
        public static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;

        /// <summary>A hashtable, ordered dictionary or PSCustomObject: the forms a user writes a structure in.</summary>
        public static bool IsBag(object? value) => Unwrap(value) is IDictionary || Unwrap(value) is PSCustomObject;

        /// <summary>
        /// Give the value as it came, still wrapped: a PSCustomObject's properties live on its PSObject wrapper, not
        /// on the object inside.
        /// </summary>
        public static IEnumerable<KeyValuePair<string, object?>> Read(object value)
        {
            var unwrapped = Unwrap(value);
            if (unwrapped is IDictionary dictionary)
            {
                return dictionary.Cast<DictionaryEntry>()
                    .Select(e => new KeyValuePair<string, object?>(System.Convert.ToString(Unwrap(e.Key), CultureInfo.InvariantCulture) ?? "", e.Value))
                    .ToList();
            }
            return PSObject.AsPSObject(value).Properties.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)).ToList();
        }

        /// <summary>The Arn property of one of the module's objects (or any object that has one), else null. Give the value still wrapped.</summary>
        public static string? ArnOf(object value)
        {
            var unwrapped = Unwrap(value);
            if (unwrapped is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(System.Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture), "Arn", System.StringComparison.OrdinalIgnoreCase))
                    {
                        return Unwrap(entry.Value) as string;
                    }
                }
                return null;
            }
            return Unwrap(PSObject.AsPSObject(value).Properties["Arn"]?.Value) as string;
        }

        /// <summary>Several values, or one: a string or a hashtable counts as one.</summary>
        public static List<object?>? Items(object? value)
        {
            var unwrapped = Unwrap(value);
            if (unwrapped is IEnumerable items && unwrapped is not string && unwrapped is not IDictionary)
            {
                return items.Cast<object?>().ToList();
            }
            return null;
        }
    }
}
