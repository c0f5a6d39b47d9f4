using System.Text.Json;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>Look-ups and answers the Image Builder handlers share: ARNs taken apart, owners, version references, policies.</summary>
internal static class IbSupport
{
    /// <summary>Takes an ARN apart, refusing one of another resource type.</summary>
    public static IbArn ParseArn(string arn, string parameter, params string[] types)
    {
        if (!IbArn.TryParse(arn, out var parsed) || (types.Length > 0 && !types.Contains(parsed.ResourceType)))
        {
            throw ServiceError.InvalidParameterValue($"The value supplied for parameter '{parameter}' is not a valid ARN of the expected resource type: {arn}");
        }
        return parsed;
    }

    /// <summary>The ARN without version or build, shared by every version of a resource.</summary>
    public static string Family(IbArn arn) => arn.Format(null, null);

    public static int? BuildNumber(IbArn arn) =>
        arn.Build is null ? null : int.TryParse(arn.Build, out var n) ? n : throw ServiceError.InvalidParameterValue($"'{arn.Build}' is not a build number.");

    /// <summary>The entry an ARN (exact, versioned, wildcard or build) selects, or ResourceNotFoundException.</summary>
    public static Entry<T> Resolve<T>(ResourceStore<T> store, string arnText, string parameter, params string[] types) where T : class, IAwsStructure
    {
        var arn = ParseArn(arnText, parameter, types);
        var entry = arn.Version is null ? store.Get(arnText) : store.Resolve(Family(arn), arn.Version, BuildNumber(arn));
        return entry ?? throw ServiceError.NotFound($"The resource {arnText} does not exist.");
    }

    /// <summary>An entry by its exact ARN, or ResourceNotFoundException.</summary>
    public static Entry<T> Require<T>(ResourceStore<T> store, string arn) where T : class, IAwsStructure =>
        store.Get(arn) ?? throw ServiceError.NotFound($"The resource {arn} does not exist.");

    /// <summary>Only the caller's own resources can be changed or deleted.</summary>
    public static void RequireOwn<T>(Entry<T> entry) where T : class, IAwsStructure
    {
        if (entry.Owner != Ownership.Self)
        {
            throw ServiceError.Forbidden($"The resource {entry.Arn} is owned by {entry.Owner} and cannot be changed by this account.");
        }
    }

    public static string OwnerText(Ownership owner, string account) => owner switch
    {
        Ownership.Self => account,
        Ownership.Amazon => "Amazon",
        Ownership.AWSMarketplace => "AWSMarketplace",
        Ownership.ThirdParty => "ThirdParty",
        _ => "210987654321",
    };

    public static Ownership ParseOwner(string? owner) => owner switch
    {
        null or "Self" => Ownership.Self,
        "Shared" => Ownership.Shared,
        "Amazon" => Ownership.Amazon,
        "ThirdParty" => Ownership.ThirdParty,
        _ => Ownership.AWSMarketplace,
    };

    /// <summary>The newest version overall, of the same major, of the same major.minor, and of the same version, as the service reports them.</summary>
    public static LatestVersionReferences LatestReferences<T>(ResourceStore<T> store, Entry<T> entry, bool withBuild) where T : class, IAwsStructure
    {
        var v = entry.Version;
        string? Arn(Func<SemanticVersion, bool> accept)
        {
            var latest = store.Latest(entry.Family, accept);
            return latest is null ? null : withBuild ? latest.Arn : latest.VersionArn;
        }
        return new LatestVersionReferences
        {
            LatestVersionArn = Arn(_ => true),
            LatestMajorVersionArn = Arn(x => x.Major == v.Major),
            LatestMinorVersionArn = Arn(x => x.Major == v.Major && x.Minor == v.Minor),
            LatestPatchVersionArn = Arn(x => x == v),
        };
    }

    public static SemanticVersion ParseVersion(string? text, string parameter)
    {
        if (!SemanticVersion.TryParse(text, out var version))
        {
            throw ServiceError.InvalidVersionNumber($"The value supplied for parameter '{parameter}' is not a valid semantic version (major.minor.patch): {text}");
        }
        return version;
    }

    /// <summary>A resource policy must be a JSON object; the service refuses anything else.</summary>
    public static string CheckPolicy(string policy)
    {
        try
        {
            using var document = JsonDocument.Parse(policy);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ServiceError.InvalidParameterValue("The resource policy must be a JSON object.");
            }
        }
        catch (JsonException e)
        {
            throw ServiceError.InvalidParameterValue("The resource policy is not valid JSON: " + e.Message);
        }
        return policy;
    }

    public static Dictionary<string, string>? CopyTags(Dictionary<string, string>? tags) =>
        tags is null ? null : new Dictionary<string, string>(tags, StringComparer.Ordinal);

    /// <summary>Data and uri are alternatives: exactly one of them.</summary>
    public static void RequireDataOrUri(string? data, string? uri, string what)
    {
        if (data is not null && uri is not null)
        {
            throw ServiceError.InvalidParameterCombination($"Specify either data or uri for the {what}, not both.");
        }
        if (data is null && uri is null)
        {
            throw ServiceError.InvalidParameterCombination($"Specify data or uri for the {what}.");
        }
    }
}
