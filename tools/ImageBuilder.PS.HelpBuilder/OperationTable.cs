using System.Text;
using System.Text.RegularExpressions;

namespace ImageBuilder.PS.HelpBuilder;

/// <summary>
/// The API operations each cmdlet exposes, read from docs/Cmdlets.md (which the surface tests generate from the
/// cmdlets' [ApiOperation] attributes), so that every help page names them: AWS CLI and AWS Tools users search help
/// by the operation they know, and the same name finds the service's own API reference.
/// </summary>
public static class OperationTable
{
    private static readonly Regex Row = new(@"^\|\s*(?<cmdlet>[A-Z][A-Za-z]+-Ib[A-Za-z]+)\s*\|\s*(?<ops>[^|]*)\|", RegexOptions.CultureInvariant);

    /// <summary>The operations by cmdlet name, each as "service:Operation" with the service's AWS CLI name.</summary>
    public static Dictionary<string, (bool CallsOnly, List<(string Cli, string Operation)> Operations)> Read(string path)
    {
        var table = new Dictionary<string, (bool, List<(string, string)>)>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(path))
        {
            var match = Row.Match(line);
            if (!match.Success || match.Groups["ops"].Value.TrimStart().StartsWith('('))
            {
                continue;
            }
            // "calls A, B": a cmdlet built on operations other cmdlets expose (Publish-IbComponent, say).
            var text = match.Groups["ops"].Value.Trim();
            var callsOnly = text.StartsWith("calls ", StringComparison.Ordinal);
            if (callsOnly)
            {
                text = text.Substring("calls ".Length);
            }
            var operations = new List<(string, string)>();
            foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = entry.LastIndexOf(':');
                var service = colon < 0 ? "imagebuilder" : entry.Substring(0, colon);
                operations.Add((CliName(service), colon < 0 ? entry : entry.Substring(colon + 1)));
            }
            table[match.Groups["cmdlet"].Value] = (callsOnly, operations);
        }
        return table;
    }

    /// <summary>The sentence a help page's description ends with.</summary>
    public static string Sentence(bool callsOnly, IReadOnlyList<(string Cli, string Operation)> operations)
    {
        var names = string.Join(", ", operations.Select(o => o.Operation));
        var commands = string.Join(", ", operations.Select(o => $"aws {o.Cli} {Kebab(o.Operation)}"));
        var plural = operations.Count == 1 ? "" : "s";
        return callsOnly
            ? $"It calls the API operation{plural} {names} (in the AWS CLI: {commands})."
            : $"API operation{plural}: {names} (in the AWS CLI: {commands}).";
    }

    private static string CliName(string service) => service switch
    {
        "AppStream" => "appstream",
        "WorkSpaces" => "workspaces",
        "CloudWatch Logs" => "logs",
        _ => service.ToLowerInvariant(),
    };

    /// <summary>ListImageScanFindings → list-image-scan-findings, as the CLI names its commands.</summary>
    public static string Kebab(string operation)
    {
        var text = new StringBuilder();
        for (int i = 0; i < operation.Length; i++)
        {
            var c = operation[i];
            bool boundary = i > 0 && char.IsUpper(c) && (char.IsLower(operation[i - 1]) || (i + 1 < operation.Length && char.IsLower(operation[i + 1]) && char.IsUpper(operation[i - 1])));
            if (boundary)
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
