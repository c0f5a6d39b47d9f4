using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Publishing;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// What <see cref="IbCmdlet.Publish{TResource}"/> needs about one kind of versioned definition (component,
    /// workflow, image recipe): how its versions are listed and read, how a stored version compares with what was
    /// given, and the create request for a version.
    /// </summary>
    internal sealed class Publication<TResource> where TResource : class
    {
        public Publication(string noun, string name, string version)
        {
            Noun = noun;
            Name = name;
            Version = version;
        }

        /// <summary>What is published, as a user says it: "component", "image recipe".</summary>
        public string Noun { get; }
        public string Name { get; }
        /// <summary>-Version as given: an exact version or a pattern such as 1.2.x.</summary>
        public string Version { get; }
        /// <summary>The List operation whose items are the name's versions (their ARNs), and its request.</summary>
        public OperationDef List { get; set; } = null!;
        public IAwsStructure ListRequest { get; set; } = null!;
        /// <summary>Which listed ARNs belong to the definition (a workflow of another type does not).</summary>
        public Func<IbArn, bool> Belongs { get; set; } = _ => true;
        /// <summary>Reads a version in full by its ARN; null after an error was written.</summary>
        public Func<string, TResource?> Get { get; set; } = null!;
        /// <summary>The stored version's differences from what was given.</summary>
        public Func<TResource, DefinitionDifferences> Compare { get; set; } = null!;
        /// <summary>The create request for an exact version.</summary>
        public Func<string, IAwsStructure> Request { get; set; } = null!;
        /// <summary>Sends a checked and confirmed request and writes what it created.</summary>
        public Action<IAwsStructure, string> Send { get; set; } = null!;
        /// <summary>
        /// Takes the stored version when it is what was given; when not set, it is written to the pipeline.
        /// Publish-IbPipeline keeps it for its plan instead.
        /// </summary>
        public Action<TResource>? Found { get; set; }
    }

    public abstract partial class IbCmdlet
    {
        /// <summary>
        /// Publishes a definition so that running it again changes nothing: reads the newest version that -Version
        /// matches and, when nothing compared differs, writes that version and creates nothing. Otherwise it creates
        /// the version -Version gives (exact) or the next one it allows (a pattern), and writes it; an exact version
        /// that exists and differs is an error naming what differs. Says what it did in a verbose and an information
        /// line; -WhatIf names the version it would create and why.
        /// </summary>
        private protected void Publish<TResource>(Publication<TResource> p) where TResource : class
        {
            if (!VersionPattern.TryParse(p.Version, out var pattern, out var problem))
            {
                WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid", $"The value '{p.Version}' of -Version is not valid: {problem}", p.Version));
                return;
            }
            // The request is checked before anything is sent, with the first version the pattern allows.
            var subject = $"{p.Noun} {p.Name}";
            if (!Validate(p.Request(pattern!.Next(null)!), subject))
            {
                return;
            }
            var failedBefore = FailedCalls;
            var versions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in ReadPages(ServiceBinding.ImageBuilder, p.List, p.ListRequest, subject))
            {
                if (item is IAwsStructure listed && listed.GetShape().FindMember("arn") is { } member && IbArn.TryParse(listed.GetMember(member.Index) as string, out var arn)
                    && arn.Version is { } listedVersion && p.Belongs(arn))
                {
                    versions[listedVersion] = arn.VersionArn;
                }
            }
            if (FailedCalls != failedBefore)
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
                    if (p.Found is null) WriteObject(stored);
                    else p.Found(stored);
                    return;
                }
                Verbose($"The {subject} {newest} differs from what was given: {differences}.");
                if (pattern.IsExact)
                {
                    var message = $"The {subject} {newest} exists and differs from what was given in {differences}. A version cannot change: " +
                                  $"give a version that does not exist, or a pattern such as {PatternFor(newest)} to create the next one.";
                    WriteError(new ErrorRecord(new InvalidOperationException(message), "PublishedVersionDiffers", ErrorCategory.ResourceExists, versions[newest])
                    {
                        ErrorDetails = new ErrorDetails(message),
                    });
                    return;
                }
            }
            var next = pattern.Next(newest);
            if (next is null)
            {
                WriteError(ErrorRecords.InvalidInput("VersionPatternExhausted", $"-Version {pattern} allows no version after {newest}; widen the pattern.", p.Version));
                return;
            }
            var reason = newest is null
                ? (versions.Count == 0 ? $"there is no {p.Noun} named '{p.Name}' yet" : $"no version of it matches {pattern} yet")
                : $"{newest} differs in {differences!.Names}";
            var request = p.Request(next);
            if (!Validate(request, subject) || !ShouldProcess($"{subject} {next}", $"Create {p.Noun} version {next} because {reason}"))
            {
                return;
            }
            var failedBeforeCreate = FailedCalls;
            p.Send(request, $"{subject} {next}");
            if (FailedCalls == failedBeforeCreate)
            {
                Say(differences is null
                    ? $"Created the {subject} {next}: {reason}."
                    : $"Created the {subject} {next}: {newest} differs in {differences}.");
            }
        }

        /// <summary>A line for -Verbose and for the information stream (6), where a CI log or -InformationVariable keeps it.</summary>
        private void Say(string message)
        {
            Verbose(message);
            WriteInformation(message, new[] { "ImageBuilder.PS", "Publish" });
        }

        /// <summary>The pattern whose next version follows <paramref name="version"/>'s patch: 1.2.x for 1.2.3.</summary>
        private static string PatternFor(string version) => string.Join(".", version.Split('.').Take(2)) + ".x";
    }
}
