using System.Text;

namespace ImageBuilder.PS.Emulator.Core;

/// <summary>
/// Forms Image Builder ARNs as the service does: the resource name lower-cased with spaces turned into hyphens,
/// then the version and build number for versioned resources.
/// </summary>
internal sealed class ArnBuilder
{
    public ArnBuilder(string partition, string region, string account)
    {
        Partition = partition;
        Region = region;
        Account = account;
    }

    public string Partition { get; }
    public string Region { get; }
    public string Account { get; }

    /// <summary>The name as it appears in an ARN.</summary>
    public static string ArnName(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            text.Append(c == ' ' ? '-' : char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    /// <summary>arn:aws:imagebuilder:REGION:OWNER:TYPE/name[/version[/build]]; owner is the account, or "aws" for Amazon's.</summary>
    public string Build(string resourceType, string name, string? version = null, int? build = null, string? owner = null)
    {
        var text = new StringBuilder("arn:").Append(Partition).Append(":imagebuilder:").Append(Region).Append(':')
            .Append(owner ?? Account).Append(':').Append(resourceType).Append('/').Append(ArnName(name));
        if (version is not null)
        {
            text.Append('/').Append(version);
            if (build is not null)
            {
                text.Append('/').Append(build.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return text.ToString();
    }
}
