using System.Text;
using System.Text.RegularExpressions;
using ImageBuilder.PS.Emulator.Core;

namespace ImageBuilder.PS.Emulator.Logs;

/// <summary>
/// CloudWatch Logs filter patterns for unstructured events, as far as build logs need them: terms that must all
/// appear (case-sensitive), quoted phrases, <c>?term</c> alternatives (any one), <c>-term</c> exclusions and
/// <c>%regex%</c>. JSON and space-delimited patterns are refused, so nobody mistakes the emulator for the service there.
/// </summary>
internal sealed class FilterPattern
{
    private readonly List<Func<string, bool>> _all = new();
    private readonly List<Func<string, bool>> _any = new();
    private readonly List<Func<string, bool>> _none = new();

    private FilterPattern() { }

    public static FilterPattern Parse(string? pattern)
    {
        var parsed = new FilterPattern();
        var text = (pattern ?? "").Trim();
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            throw ServiceError.FromShape(Model.Logs.LogsShapes.InvalidParameterException, "The emulator reads text filter patterns only (terms, \"phrases\", ?alternatives, -exclusions, %regex%), not JSON or space-delimited ones.");
        }
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var list = parsed._all;
            if (text[i] == '?')
            {
                list = parsed._any;
                i++;
            }
            else if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                list = parsed._none;
                i++;
            }
            list.Add(ReadTerm(text, ref i));
        }
        return parsed;
    }

    public bool Matches(string message) =>
        _all.All(t => t(message)) && (_any.Count == 0 || _any.Any(t => t(message))) && !_none.Any(t => t(message));

    private static Func<string, bool> ReadTerm(string text, ref int i)
    {
        if (i < text.Length && (text[i] == '"' || text[i] == '%'))
        {
            var close = text[i];
            var value = new StringBuilder();
            i++;
            while (i < text.Length && text[i] != close)
            {
                if (text[i] == '\\' && close == '"' && i + 1 < text.Length)
                {
                    i++;
                }
                value.Append(text[i++]);
            }
            if (i >= text.Length)
            {
                throw ServiceError.FromShape(Model.Logs.LogsShapes.InvalidParameterException, $"Invalid filter pattern: a {close} is not closed.");
            }
            i++;
            if (close == '"')
            {
                var phrase = value.ToString();
                return m => m.Contains(phrase, StringComparison.Ordinal);
            }
            Regex regex;
            try
            {
                regex = new Regex(value.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException e)
            {
                throw ServiceError.FromShape(Model.Logs.LogsShapes.InvalidParameterException, "Invalid regular expression in the filter pattern: " + e.Message);
            }
            return regex.IsMatch;
        }
        int start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        var term = text.Substring(start, i - start);
        return m => m.Contains(term, StringComparison.Ordinal);
    }
}
