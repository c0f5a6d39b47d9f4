using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Builds the filters of a List call from friendly parameters (-Name, -Platform, ...) plus a raw -Filter.
    /// A name with wildcards is not sent: it is matched here, on the items as they stream in. Each filter remembers
    /// the parameter it came from, so one given twice is refused as it is added, naming both parameters.
    /// </summary>
    internal sealed class ListFilters
    {
        private const string RawParameter = "Filter";

        private readonly List<Filter> _filters = new();
        /// <summary>Filter name → the parameter that gave it (case-insensitive, as the service treats names).</summary>
        private readonly Dictionary<string, string> _sources = new(StringComparer.OrdinalIgnoreCase);
        private readonly Action<string> _warn;

        /// <param name="raw">The filters of -Filter, as given.</param>
        /// <param name="warn">Where a value the module does not know is reported (the cmdlet's WriteWarning).</param>
        public ListFilters(IEnumerable<Filter>? raw, Action<string> warn)
        {
            _warn = warn;
            foreach (var filter in raw ?? Enumerable.Empty<Filter>())
            {
                Take(filter, RawParameter);
            }
        }

        public WildcardPattern? NamePattern { get; private set; }

        /// <summary>
        /// Why the filters cannot be sent: a filter given twice, which the service would join with OR (the
        /// opposite of what was meant). Null when they can. <see cref="IbCmdlet"/>'s Validate writes it.
        /// </summary>
        public string? Refusal { get; private set; }

        /// <summary>The filter name of the first refusal, the error's target when the call has none.</summary>
        public string? RefusedFilter { get; private set; }

        /// <param name="filterName">The filter as the service names it (osVersion).</param>
        /// <param name="parameter">The parameter that gives it, without the dash (OsVersion).</param>
        public ListFilters Add(string filterName, string parameter, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                Take(new Filter { Name = filterName, Values = new List<string> { value! } }, parameter);
            }
            return this;
        }

        /// <summary>
        /// A filter whose values the model lists (-Platform, -Status, ...). The service compares filter values
        /// exactly, so a value typed in another case (windows) is sent as the service spells it (Windows), as
        /// request members are. A value the module does not know is sent as given, since the service adds values,
        /// with a warning naming the known ones: a typo (Linx) would otherwise just find nothing.
        /// </summary>
        public ListFilters Add(string filterName, string parameter, string? value, IReadOnlyList<string> known)
        {
            if (string.IsNullOrEmpty(value))
            {
                return this;
            }
            var spelled = known.FirstOrDefault(k => string.Equals(k, value, StringComparison.Ordinal))
                ?? known.FirstOrDefault(k => string.Equals(k, value, StringComparison.OrdinalIgnoreCase));
            if (spelled is null)
            {
                _warn($"-{parameter} '{value}' is not one of the values known to the module ({string.Join(", ", known)}); it is sent as given, in case the service has added it.");
            }
            return Add(filterName, parameter, spelled ?? value);
        }

        /// <summary>Sends the name as a filter, unless it has wildcards (then it is matched client-side).</summary>
        public ListFilters AddName(string? name, string parameter = "Name")
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
            return Add("name", parameter, name);
        }

        public List<Filter>? ToList() => _filters.Count == 0 ? null : _filters;

        private void Take(Filter filter, string parameter)
        {
            if (filter.Name is { } name)
            {
                if (_sources.TryGetValue(name, out var earlier))
                {
                    var by = earlier == parameter ? $"twice in -{parameter}" : $"by -{earlier} and by -{parameter}";
                    Refusal ??= $"The filter '{name}' is given twice ({by}). Give it once, with all its values.";
                    RefusedFilter ??= name;
                }
                else
                {
                    _sources[name] = parameter;
                }
            }
            _filters.Add(filter);
        }
    }
}
