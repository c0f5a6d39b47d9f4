using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Publishing;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    /// <summary>Publish-IbComponent, -Workflow and -Recipe's common step (<see cref="Publish{TResource}"/>).</summary>
    internal sealed class DefinitionPublisher
    {
        private readonly IbCmdlet _cmdlet;

        public DefinitionPublisher(IbCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>
        /// Publishes a definition so that running it again changes nothing: reads the newest version that -Version
        /// matches and, when nothing compared differs, writes that version and creates nothing. Otherwise it creates
        /// the version -Version gives (exact) or the next one it allows (a pattern), and writes it; an exact version
        /// that exists and differs is an error naming what differs. Says what it did in a verbose and an information
        /// line; -WhatIf names the version it would create and why.
        /// </summary>
        public void Publish<TResource>(Publication<TResource> p) where TResource : class
        {
            if (!VersionPattern.TryParse(p.Version, out var pattern, out var problem))
            {
                _cmdlet.WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid", $"The value '{p.Version}' of -Version is not valid: {problem}", p.Version));
                return;
            }
            // The request is checked before anything is sent, with the first version the pattern allows.
            var subject = $"{p.Noun} {p.Name}";
            if (!_cmdlet.Validate(p.Request(pattern!.Next(null)!), subject))
            {
                return;
            }
            var failedBefore = _cmdlet.FailedCalls;
            var versions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in p.Versions(subject))
            {
                if (IbArn.TryParse(item.Arn, out var arn)
                    && arn.Version is { } listedVersion && p.Belongs(arn))
                {
                    versions[listedVersion] = arn.VersionArn;
                }
            }
            if (_cmdlet.FailedCalls != failedBefore)
            {
                // What exists is not known, so nothing is created; the error is written.
                return;
            }
            var newest = pattern.Newest(versions.Keys);
            DefinitionDifferences? differences = null;
            if (newest is not null)
            {
                var stored = p.Get(versions[newest]);
                if (stored is null)
                {
                    return;
                }
                differences = p.Compare(stored);
                if (!differences.Any)
                {
                    Say($"The {subject} {newest} is what was given; nothing was created.");
                    if (p.Found is null) _cmdlet.WriteObject(stored);
                    else p.Found(stored);
                    return;
                }
                _cmdlet.Verbose($"The {subject} {newest} differs from what was given: {differences}.");
                if (pattern.IsExact)
                {
                    var message = $"The {subject} {newest} exists and differs from what was given in {differences}. A version cannot change: " +
                                  $"give a version that does not exist, or a pattern such as {PatternFor(newest)} to create the next one.";
                    _cmdlet.WriteError(new ErrorRecord(new InvalidOperationException(message), "PublishedVersionDiffers", ErrorCategory.ResourceExists, versions[newest])
                    {
                        ErrorDetails = new ErrorDetails(message),
                    });
                    return;
                }
            }
            var next = pattern.Next(newest);
            if (next is null)
            {
                _cmdlet.WriteError(ErrorRecords.InvalidInput("VersionPatternExhausted", $"-Version {pattern} allows no version after {newest}; widen the pattern.", p.Version));
                return;
            }
            var reason = newest is null
                ? (versions.Count == 0 ? $"there is no {p.Noun} named '{p.Name}' yet" : $"no version of it matches {pattern} yet")
                : $"{newest} differs in {differences!.Names}";
            var request = p.Request(next);
            if (!_cmdlet.Validate(request, subject) || !_cmdlet.ShouldProcess($"{subject} {next}", $"Create {p.Noun} version {next} because {reason}"))
            {
                return;
            }
            var failedBeforeCreate = _cmdlet.FailedCalls;
            p.Send(request, $"{subject} {next}");
            if (_cmdlet.FailedCalls == failedBeforeCreate)
            {
                Say(differences is null
                    ? $"Created the {subject} {next}: {reason}."
                    : $"Created the {subject} {next}: {newest} differs in {differences}.");
            }
        }

        /// <summary>A line for -Verbose and for the information stream (6), where a CI log or -InformationVariable keeps it.</summary>
        private void Say(string message)
        {
            _cmdlet.Verbose(message);
            _cmdlet.WriteInformation(message, new[] { "ImageBuilder.PS", "Publish" });
        }

        /// <summary>The pattern whose next version follows <paramref name="version"/>'s patch: 1.2.x for 1.2.3.</summary>
        private static string PatternFor(string version) => string.Join(".", version.Split('.').Take(2)) + ".x";
    }
}
