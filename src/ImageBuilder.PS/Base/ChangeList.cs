using System.Collections.Generic;
using System.Management.Automation;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// What an Update- cmdlet changes. Only the parameters the user gave change anything (a parameter left out
    /// keeps the resource's setting), and each one applied is named, for the -WhatIf text and for the warning
    /// when nothing was given.
    /// </summary>
    internal sealed class ChangeList
    {
        private readonly IDictionary<string, object> _bound;
        private readonly List<string> _names = new();

        public ChangeList(PSCmdlet cmdlet) => _bound = cmdlet.MyInvocation.BoundParameters;

        public int Count => _names.Count;

        /// <summary>Whether the user gave <paramref name="parameter"/>; one that was given is named as a change.</summary>
        public bool Given(string parameter)
        {
            if (!_bound.ContainsKey(parameter))
            {
                return false;
            }
            _names.Add(parameter);
            return true;
        }

        /// <summary>Whether the user gave <paramref name="parameter"/>, without naming it again.</summary>
        public bool Has(string parameter) => _bound.ContainsKey(parameter);

        /// <summary>Names a change that is not a single parameter (e.g. "add eu-west-1").</summary>
        public void Add(string change) => _names.Add(change);

        public override string ToString() => string.Join(", ", _names);

        /// <summary>The value to send for an optional text setting: an empty string clears it.</summary>
        public static string? OrNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
