using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.State;

/// <summary>
/// The resources of one kind, by ARN, with the version look-ups the service offers: exact build, exact version
/// (its latest build), or a wildcard version such as 1.x.x (the latest match). Not thread-safe: the emulator
/// state's lock guards every store.
/// </summary>
internal sealed class ResourceStore<T> where T : class, IAwsStructure
{
    private readonly Dictionary<string, Entry<T>> _byArn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry<T>>> _byFamily = new(StringComparer.Ordinal);

    public int Count => _byArn.Count;

    public IEnumerable<Entry<T>> All => _byArn.Values;

    public void Add(Entry<T> entry)
    {
        _byArn.Add(entry.Arn, entry);
        if (!_byFamily.TryGetValue(entry.Family, out var versions))
        {
            _byFamily[entry.Family] = versions = new List<Entry<T>>();
        }
        versions.Add(entry);
    }

    public bool Remove(string arn)
    {
        if (!_byArn.Remove(arn, out var entry))
        {
            return false;
        }
        var versions = _byFamily[entry.Family];
        versions.Remove(entry);
        if (versions.Count == 0)
        {
            _byFamily.Remove(entry.Family);
        }
        return true;
    }

    public Entry<T>? Get(string arn) => _byArn.TryGetValue(arn, out var entry) ? entry : null;

    public bool Contains(string arn) => _byArn.ContainsKey(arn);

    /// <summary>Every build of every version of the resource named by a family ARN (type/name).</summary>
    public IReadOnlyList<Entry<T>> Family(string family) =>
        _byFamily.TryGetValue(family, out var versions) ? versions : Array.Empty<Entry<T>>();

    public bool HasFamily(string family) => _byFamily.ContainsKey(family);

    /// <summary>The entry an ARN selects: itself when it names a build, else the newest build of the newest matching version.</summary>
    public Entry<T>? Resolve(string family, string? version, int? build)
    {
        var versions = Family(family);
        if (versions.Count == 0)
        {
            return null;
        }
        VersionPattern? pattern = null;
        if (version is not null && !VersionPattern.TryParse(version, out pattern))
        {
            return null;
        }
        Entry<T>? best = null;
        foreach (var entry in versions)
        {
            if (pattern is not null && !pattern.Matches(entry.Version)) continue;
            if (build is not null && entry.Build != build) continue;
            if (best is null || EntryOrder<T>.Instance.Compare(entry, best) > 0) best = entry;
        }
        return best;
    }

    /// <summary>The newest build whose version satisfies a predicate, or null.</summary>
    public Entry<T>? Latest(string family, Func<SemanticVersion, bool> accept)
    {
        Entry<T>? best = null;
        foreach (var entry in Family(family))
        {
            if (accept(entry.Version) && (best is null || EntryOrder<T>.Instance.Compare(entry, best) > 0)) best = entry;
        }
        return best;
    }

    public int NextBuild(string family, SemanticVersion version)
    {
        int max = 0;
        foreach (var entry in Family(family))
        {
            if (entry.Version == version && entry.Build > max) max = entry.Build;
        }
        return max + 1;
    }

    public void Clear()
    {
        _byArn.Clear();
        _byFamily.Clear();
    }
}
