namespace ImageBuilder.PS.Emulator.Http;

/// <summary>Parses a raw query string into decoded name/value pairs, keeping repeats (list members repeat a name).</summary>
internal static class QueryString
{
    public static List<KeyValuePair<string, string>> Parse(string? raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(raw))
        {
            return pairs;
        }
        foreach (var part in raw.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=');
            var name = eq < 0 ? part : part.Substring(0, eq);
            var value = eq < 0 ? "" : part.Substring(eq + 1);
            pairs.Add(new KeyValuePair<string, string>(Decode(name), Decode(value)));
        }
        return pairs;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
