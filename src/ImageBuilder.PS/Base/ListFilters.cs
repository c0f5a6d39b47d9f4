using System;
using System.Collections.Generic;
using System.Linq;
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
        private readonly Action<string> _warn;

        /// <param name="warn">Where a value the module does not know is reported (the cmdlet's WriteWarning).</param>
        public ListFilters(IEnumerable<Filter>? raw, Action<string> warn)
        {
            _warn = warn;
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

        /// <summary>
        /// A filter whose values the model lists (-Platform, -Status, ...). The service compares filter values
        /// exactly, so a value typed in another case (windows) is sent as the service spells it (Windows), as
        /// request members are. A value the module does not know is sent as given, since the service adds values,
        /// with a warning naming the known ones: a typo (Linx) would otherwise just find nothing.
        /// </summary>
        public ListFilters Add(string filterName, string? value, IReadOnlyList<string> known)
        {
            if (string.IsNullOrEmpty(value))
            {
                return this;
            }
            var spelled = known.FirstOrDefault(k => string.Equals(k, value, StringComparison.Ordinal))
                ?? known.FirstOrDefault(k => string.Equals(k, value, StringComparison.OrdinalIgnoreCase));
            if (spelled is null)
            {
                var parameter = char.ToUpperInvariant(filterName[0]) + filterName.Substring(1);
                _warn($"-{parameter} '{value}' is not one of the values known to the module ({string.Join(", ", known)}); it is sent as given, in case the service has added it.");
            }
            return Add(filterName, spelled ?? value);
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
