using System.Globalization;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Scans;

/// <summary>
/// Makes scan findings for a scanned image: deterministic from the image ARN and the finding's position, with
/// severities from INFORMATIONAL to CRITICAL, CVSS scores that fit the severity, and vulnerable packages.
/// </summary>
internal static class FindingGenerator
{
    private static readonly (string Name, string Version, string Fixed)[] Packages =
    {
        ("openssl", "3.0.8-1", "3.0.8-1.amzn2023.0.3"), ("curl", "8.0.1-1", "8.5.0-1"), ("glibc", "2.34-52", "2.34-100"),
        ("zlib", "1.2.11-31", "1.2.11-33"), ("python3", "3.9.16-1", "3.9.18-1"), ("sudo", "1.9.13-1", "1.9.15-1"),
        ("expat", "2.5.0-1", "2.6.0-1"), ("libxml2", "2.10.4-1", "2.10.4-5"), ("vim-minimal", "9.0.1592-1", "9.0.2120-1"),
        ("krb5-libs", "1.21-3", "1.21.3-1"), ("bind-libs", "9.16.38-1", "9.16.48-1"), ("nghttp2", "1.51.0-1", "1.59.0-1"),
    };

    // Severity and the range of base scores that goes with it.
    private static readonly (string Severity, double Low, double High)[] Severities =
    {
        ("CRITICAL", 9.0, 10.0), ("HIGH", 7.0, 8.9), ("MEDIUM", 4.0, 6.9), ("LOW", 0.1, 3.9), ("INFORMATIONAL", 0.0, 0.0),
    };

    public static void AddFindings(EmulatorState state, Entry<Image> image, int count, DateTime now)
    {
        if (!state.FindingsByImage.TryGetValue(image.Arn, out var list))
        {
            state.FindingsByImage[image.Arn] = list = new List<ImageScanFinding>();
        }
        int start = list.Count;
        list.Capacity = Math.Max(list.Capacity, start + count);
        state.Findings.Capacity = Math.Max(state.Findings.Capacity, state.Findings.Count + count);
        for (int i = start; i < start + count; i++)
        {
            var finding = Make(state.Settings.Account, image, i, now);
            list.Add(finding);
            state.Findings.Add(finding);
        }
    }

    public static ImageScanFinding Make(string account, Entry<Image> image, int index, DateTime now)
    {
        int seed = Ids.Stable(image.Arn + "#" + index.ToString(CultureInfo.InvariantCulture));
        // Spread severities: some critical, more high and medium, a few low and informational.
        var (severity, low, high) = Severities[(seed % 10) switch { 0 => 0, 1 or 2 or 3 => 1, 4 or 5 or 6 => 2, 7 or 8 => 3, _ => 4 }];
        double score = Math.Round(low + (high - low) * ((seed >> 8) % 101) / 100.0, 1);
        var package = Packages[(seed >> 4) % Packages.Length];
        var cve = $"CVE-{2020 + (seed >> 12) % 5}-{1000 + (seed >> 3) % 90000}";
        const string vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
        return new ImageScanFinding
        {
            AwsAccountId = account,
            ImageBuildVersionArn = image.Arn,
            ImagePipelineArn = image.Value.SourcePipelineArn,
            Type = "PACKAGE_VULNERABILITY",
            Title = $"{cve} - {package.Name}",
            Description = $"A flaw in {package.Name} {package.Version} allows a remote attacker to affect the system ({severity.ToLowerInvariant()} impact).",
            Remediation = new Remediation { Recommendation = new RemediationRecommendation { Text = $"Update {package.Name} to {package.Fixed} or later.", Url = $"https://nvd.nist.gov/vuln/detail/{cve}" } },
            Severity = severity,
            FirstObservedAt = now,
            UpdatedAt = now,
            InspectorScore = score,
            InspectorScoreDetails = new InspectorScoreDetails
            {
                AdjustedCvss = new CvssScoreDetails { ScoreSource = "NVD", CvssSource = "NVD", Version = "3.1", Score = score, ScoringVector = vector, Adjustments = new List<CvssScoreAdjustment>() },
            },
            PackageVulnerabilityDetails = new PackageVulnerabilityDetails
            {
                VulnerabilityId = cve,
                VulnerablePackages = new List<VulnerablePackage>
                {
                    new() { Name = package.Name, Version = package.Version.Split('-')[0], Release = package.Version.Split('-')[1], Arch = "X86_64", Epoch = 0, PackageManager = "OS", FixedInVersion = package.Fixed, Remediation = $"dnf update {package.Name}" },
                },
                Source = "NVD",
                Cvss = new List<CvssScore> { new() { BaseScore = score, ScoringVector = vector, Version = "3.1", Source = "NVD" } },
                RelatedVulnerabilities = new List<string>(),
                SourceUrl = $"https://nvd.nist.gov/vuln/detail/{cve}",
                VendorSeverity = severity,
                VendorCreatedAt = now,
                VendorUpdatedAt = now,
                ReferenceUrls = new List<string> { $"https://nvd.nist.gov/vuln/detail/{cve}" },
            },
            FixAvailable = "YES",
        };
    }
}
