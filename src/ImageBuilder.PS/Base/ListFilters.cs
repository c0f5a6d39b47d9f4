using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Builds the filters of a List call from friendly parameters (-Name, -Platform, ...) plus a raw -Filter.
    /// A name with wildcards is not sent: it is matched here, on the items as they stream in.
    /// </summary>
    internal sealed class ListFilters
    {
        private readonly List<Filter> _filters = new();

        public ListFilters(IEnumerable<Filter>? raw)
        {
            if (raw is not null)
            {
                _filters.AddRange(raw);
            }
        }

        public WildcardPattern? NamePattern { get; private set; }

        public ListFilters Add(string filterName, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                _filters.Add(new Filter { Name = filterName, Values = new List<string> { value! } });
            }
            return this;
        }

        /// <summary>Sends the name as a filter, unless it has wildcards (then it is matched client-side).</summary>
        public ListFilters AddName(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return this;
            }
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                NamePattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                return this;
            }
            return Add("name", name);
        }

        public List<Filter>? ToList() => _filters.Count == 0 ? null : _filters;
    }
}
