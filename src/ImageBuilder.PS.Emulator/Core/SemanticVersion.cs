using System.Globalization;

namespace ImageBuilder.PS.Emulator.Core;

/// <summary>A major.minor.patch version as Image Builder uses them (each part a non-negative integer).</summary>
internal readonly record struct SemanticVersion(int Major, int Minor, int Patch) : IComparable<SemanticVersion>
{
    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = default;
        var parts = text?.Split('.');
        if (parts is null || parts.Length != 3)
        {
            return false;
        }
        if (!TryPart(parts[0], out var major) || !TryPart(parts[1], out var minor) || !TryPart(parts[2], out var patch))
        {
            return false;
        }
        version = new SemanticVersion(major, minor, patch);
        return true;
    }

    public int CompareTo(SemanticVersion other)
    {
        int c = Major.CompareTo(other.Major);
        if (c != 0) return c;
        c = Minor.CompareTo(other.Minor);
        return c != 0 ? c : Patch.CompareTo(other.Patch);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");

    private static bool TryPart(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

/// <summary>
/// A version selector with wildcards: "1.2.3", "1.x.x", "x.x.x". The service allows wildcards only from the right
/// (a fixed part after an 'x' is refused), as in "1.x.x" but not "x.2.x".
/// </summary>
internal sealed class VersionPattern
{
    private readonly int?[] _parts;

    private VersionPattern(int?[] parts) => _parts = parts;

    public bool IsExact => _parts[2] is not null;

    public static bool TryParse(string? text, out VersionPattern pattern)
    {
        pattern = null!;
        var parts = text?.Split('.');
        if (parts is null || parts.Length != 3)
        {
            return false;
        }
        var values = new int?[3];
        bool wildcardSeen = false;
        for (int i = 0; i < 3; i++)
        {
            if (parts[i] == "x")
            {
                wildcardSeen = true;
                continue;
            }
            if (wildcardSeen || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }
            values[i] = n;
        }
        pattern = new VersionPattern(values);
        return true;
    }

    public bool Matches(SemanticVersion version) =>
        (_parts[0] is null || _parts[0] == version.Major)
        && (_parts[1] is null || _parts[1] == version.Minor)
        && (_parts[2] is null || _parts[2] == version.Patch);

    public override string ToString() => string.Join(".", _parts.Select(p => p?.ToString(CultureInfo.InvariantCulture) ?? "x"));
}
