using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using ImageBuilder.PS.Protocol;
using ImageBuilder.PS.Validation;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// A request checked against the model's rules before it is sent, each broken rule said as an error that names
    /// the parameter the user typed (the one marked [ApiMember] for the member, else the one of its name).
    /// </summary>
    internal sealed class RequestChecks
    {
        private static readonly ConcurrentDictionary<Type, Dictionary<string, string>> ParameterNamesByType = new();
        private readonly PSCmdlet _cmdlet;

        public RequestChecks(PSCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>
        /// Checks a request against the model. Each broken rule becomes an error naming the parameter; nothing is
        /// sent for a request that fails.
        /// </summary>
        public bool Validate(IAwsStructure input, object? target)
        {
            KnownValues.MatchCase(input);
            var violations = RequestValidator.Validate(input);
            if (violations.Count == 0)
            {
                return true;
            }
            foreach (var violation in violations)
            {
                var parameter = ParameterFor(violation.Member);
                var subject = violation.Path == violation.Member.WireName ? "" : $" ({violation.Path})";
                var shown = violation.Value is null || violation.Value is ICollection || violation.Value is IAwsStructure ? "" : " " + Shown(violation.Value);
                var message = violation.Value is null && violation.Rule == "is required"
                    ? $"-{parameter}{subject} is required."
                    : $"The value{shown} of -{parameter}{subject} is not valid: it {violation.Rule}.{ArnHints.For(violation, _cmdlet.MyInvocation.MyCommand.Name, _cmdlet.InvokeCommand)}";
                _cmdlet.WriteError(ErrorRecords.InvalidInput(violation.Value is null ? "ParameterRequired" : "ParameterValueInvalid", message, target ?? violation.Value));
            }
            return false;
        }

        /// <summary>The longest value an error shows whole; a longer one is shown by its start and its length.</summary>
        private const int ShownLength = 200;

        /// <summary>
        /// A value as an error shows it: quoted, and for a long one (a 10,000-character name, a document in the wrong
        /// parameter) only its start and the user's own length, so the rule in the message can still be seen.
        /// </summary>
        private static string Shown(object? value)
        {
            var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            return text.Length <= ShownLength ? $"'{text}'" : $"'{text.Substring(0, ShownLength)}...' ({text.Length:N0} characters)";
        }

        /// <summary>The parameter that fills a request member: the one marked [ApiMember], else the one of the same name.</summary>
        private string ParameterFor(MemberDef member)
        {
            var map = ParameterNamesByType.GetOrAdd(_cmdlet.GetType(), type =>
            {
                var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    foreach (var attribute in property.GetCustomAttributes<ApiMemberAttribute>())
                    {
                        names[attribute.MemberName] = property.Name;
                    }
                    if (property.GetCustomAttributes<ParameterAttribute>().Any() && !names.ContainsKey(property.Name))
                    {
                        names[property.Name] = property.Name;
                    }
                }
                return names;
            });
            return map.TryGetValue(member.WireName, out var name) ? name : member.Name;
        }
    }
}
