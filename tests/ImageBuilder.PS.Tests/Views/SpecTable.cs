using System.Text.RegularExpressions;

namespace ImageBuilder.PS.Tests.Views;

/// <summary>One row of the spec's cmdlet table: which cmdlet exposes an operation, what it binds from the pipeline, its impact.</summary>
public sealed record SpecRow(string ServiceId, string Operation, string Cmdlet, IReadOnlyList<(string Parameter, string? Alias)> PipelineParameters, string? Impact);

/// <summary>Reads ../shared/spec/cmdlets.md, the product's list of cmdlets, when it is beside the repository.</summary>
public static class SpecTable
{
    public static string? Path
    {
        get
        {
            var path = System.IO.Path.Combine(Support.PowerShellSession.RepoRoot, "..", "shared", "spec", "cmdlets.md");
            return File.Exists(path) ? path : null;
        }
    }

    public static IReadOnlyList<SpecRow> Rows()
    {
        var rows = new List<SpecRow>();
        foreach (var line in File.ReadAllLines(Path!))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length < 5 || !cells[2].Contains("-Ib", StringComparison.Ordinal) || cells[1].StartsWith("Cmdlet", StringComparison.Ordinal))
            {
                continue;
            }
            var service = "imagebuilder";
            var operationsText = Regex.Replace(cells[1], @"\(.*?\)", "").Trim();
            foreach (var prefix in new[] { "AppStream", "WorkSpaces" })
            {
                if (operationsText.StartsWith(prefix + " ", StringComparison.Ordinal))
                {
                    service = prefix;
                    operationsText = operationsText[(prefix.Length + 1)..];
                }
            }
            var operations = operationsText.Split(',').Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
            var cmdlets = cells[2].Split(',').Select(c => c.Trim()).ToList();
            var pipeline = Regex.Matches(cells[3], @"-(\w+)(?:\s*\((\w+)\))?")
                .Select(m => (m.Groups[1].Value, m.Groups[2].Success && char.IsUpper(m.Groups[2].Value[0]) && !m.Groups[2].Value.Contains(' ') ? m.Groups[2].Value : null))
                .ToList();
            var impact = cells.Length > 4 && cells[4].Length > 0 ? cells[4] : null;
            for (int i = 0; i < operations.Count; i++)
            {
                var cmdlet = cmdlets.Count == operations.Count ? cmdlets[i] : cmdlets[0];
                // A row pairing a Get- with a Set- cmdlet (the policies) gives the Set-'s impact; a Get- has none.
                rows.Add(new SpecRow(service, operations[i], cmdlet, pipeline, cmdlet.StartsWith("Get-", StringComparison.Ordinal) ? null : impact));
            }
        }
        // The shared spec does not list the log cmdlets yet (issue 14); until it does, their rows are here.
        if (!rows.Any(r => r.Cmdlet == "Get-IbImageLog"))
        {
            var arn = new List<(string, string?)> { ("Arn", "ImageBuildVersionArn") };
            rows.Add(new SpecRow("CloudWatch Logs", "GetLogEvents", "Get-IbImageLog", arn, null));
            rows.Add(new SpecRow("CloudWatch Logs", "FilterLogEvents", "Get-IbImageLog", arn, null));
        }
        if (!rows.Any(r => r.Cmdlet == "Get-IbPipelineLog"))
        {
            rows.Add(new SpecRow("CloudWatch Logs", "FilterLogEvents", "Get-IbPipelineLog", new List<(string, string?)> { ("Arn", "ImagePipelineArn") }, null));
        }
        return rows;
    }
}
