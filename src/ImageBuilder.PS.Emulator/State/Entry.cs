using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.State;

/// <summary>
/// One stored resource: the service's own structure (the generated type the Get operation returns) plus what the
/// emulator needs to find, order and own it.
/// </summary>
internal sealed class Entry<T> where T : class, IAwsStructure
{
    public Entry(string arn, string family, Ownership owner, T value, long sequence)
    {
        Arn = arn;
        Family = family;
        Owner = owner;
        Value = value;
        Sequence = sequence;
    }

    /// <summary>The ARN the resource is addressed by (build version ARN where the resource has builds).</summary>
    public string Arn { get; }
    /// <summary>The ARN without version and build: all versions of one resource share it.</summary>
    public string Family { get; }
    public Ownership Owner { get; }
    public T Value { get; }
    /// <summary>Creation order, for stable listings.</summary>
    public long Sequence { get; }
    public SemanticVersion Version { get; init; }
    public int Build { get; init; }
    /// <summary>The resource policy set with Put*Policy, if any.</summary>
    public string? Policy { get; set; }

    /// <summary>The version ARN (family/version).</summary>
    public string VersionArn => Family + "/" + Version;

    public override string ToString() => Arn;
}

/// <summary>Orders entries as the listings do: by resource, then version, then build.</summary>
internal sealed class EntryOrder<T> : IComparer<Entry<T>> where T : class, IAwsStructure
{
    public static readonly EntryOrder<T> Instance = new();

    public int Compare(Entry<T>? x, Entry<T>? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int c = string.CompareOrdinal(x.Family, y.Family);
        if (c != 0) return c;
        c = x.Version.CompareTo(y.Version);
        return c != 0 ? c : x.Build.CompareTo(y.Build);
    }
}
