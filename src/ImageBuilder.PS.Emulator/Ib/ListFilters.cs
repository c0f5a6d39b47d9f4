using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>
/// The filters of a List call: each named filter must be one the operation supports; a value matches when it
/// equals any of the filter's values, and every filter must match.
/// </summary>
internal sealed class ListFilters
{
    private readonly Dictionary<string, HashSet<string>> _filters;

    /// <summary>Filter names are case-sensitive, as the model says of them.</summary>
    public ListFilters(IEnumerable<Filter>? filters, params string[] supported) : this(filters, StringComparer.Ordinal, supported)
    {
    }

    /// <summary>Filters whose names compare as <paramref name="names"/> says.</summary>
    public ListFilters(IEnumerable<Filter>? filters, StringComparer names, params string[] supported)
    {
        _filters = new Dictionary<string, HashSet<string>>(names);
        foreach (var filter in filters ?? Enumerable.Empty<Filter>())
        {
            var name = filter.Name ?? throw ServiceError.InvalidParameterValue("Every filter needs a name.");
            if (!supported.Contains(name, names))
            {
                throw ServiceError.InvalidParameterValue($"The filter name '{name}' is not supported. Supported filters: {string.Join(", ", supported)}.");
            }
            if (filter.Values is null || filter.Values.Count == 0)
            {
                throw ServiceError.InvalidParameterValue($"The filter '{name}' needs at least one value.");
            }
            if (!_filters.TryGetValue(name, out var values))
            {
                _filters[name] = values = new HashSet<string>(StringComparer.Ordinal);
            }
            values.UnionWith(filter.Values);
        }
    }

    public bool IsEmpty => _filters.Count == 0;

    /// <summary>byName lists one row per name, its newest version; a version filter contradicts that, and the service refuses the pair.</summary>
    public void RefuseVersionWithByName(bool? byName)
    {
        if (byName == true && Has("version"))
        {
            throw ServiceError.InvalidRequest("The version filter cannot be combined with byName.");
        }
    }

    public bool Has(string name) => _filters.ContainsKey(name);

    /// <summary>True when the filter is absent or the value is one of its values.</summary>
    public bool Matches(string name, string? value) =>
        !_filters.TryGetValue(name, out var values) || (value is not null && values.Contains(value));

    /// <summary>True when the filter is absent or any of the values is one of its values.</summary>
    public bool MatchesAny(string name, IEnumerable<string>? candidates) =>
        !_filters.TryGetValue(name, out var values) || (candidates is not null && candidates.Any(values.Contains));
}
