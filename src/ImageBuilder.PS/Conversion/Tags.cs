using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>Tags come in as a hashtable (@{ Team = 'Platform' }) and go out as a string map.</summary>
    public static class Tags
    {
        public static Dictionary<string, string>? From(Hashtable? tags)
        {
            if (tags is null)
            {
                return null;
            }
            var map = new Dictionary<string, string>();
            foreach (DictionaryEntry entry in tags)
            {
                map[Text(entry.Key)] = Text(entry.Value);
            }
            return map;
        }

        private static string Text(object? value) =>
            value is PSObject ps ? Text(ps.BaseObject) : System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
    }
}
