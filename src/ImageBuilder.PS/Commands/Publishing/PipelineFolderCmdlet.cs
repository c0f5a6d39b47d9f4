using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Publishing;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Commands.Publishing
{
    /// <summary>
    /// Applies a pipeline folder step by step and writes a plan line per resource. Versioned definitions go through
    /// <see cref="IbCmdlet.Publish{TResource}"/> as the Publish- cmdlets do; configurations and the pipeline are found
    /// by name and created, or updated with only the settings the folder names. Under -WhatIf nothing is sent, and
    /// what does not exist yet is stood for by a planned ARN that is never sent.
    /// </summary>
    public abstract class PipelineFolderCmdlet : IbCmdlet
    {
        /// <summary>ARNs made up for the plan of what is not created (yet): nothing holding one may be sent.</summary>
        private readonly HashSet<string> _planned = new(StringComparer.Ordinal);
        /// <summary>An ARN of the account seen on the way, whose partition, region and account planned ARNs take.</summary>
        private IbArn? _seen;

        /// <summary>
        /// Publishes a component or workflow of the folder, or the recipe; gives the version's ARN (planned under
        /// -WhatIf), or null after an error. <paramref name="create"/> sends the create and gives the new version's ARN.
        /// </summary>
        private protected string? PublishDefinition<T>(string kind, string arnType, Publication<T> p, Func<IAwsStructure, string, string?> create) where T : class
        {
            T? found = null;
            DefinitionDifferences? differences = null;
            IbArn? storedArn = null;
            string? version = null;
            string? created = null;
            var failedBefore = FailedCalls;
            var compare = p.Compare;
            var request = p.Request;
            p.Found = stored => found = stored;
            p.Compare = stored =>
            {
                storedArn = ArnOf((IAwsStructure)stored);
                return differences = compare(stored);
            };
            p.Request = v => request(version = v);
            p.Send = (r, target) =>
            {
                if (Holding(r) is { } planned)
                {
                    WriteError(ErrorRecords.InvalidInput("DependencyNotPublished", $"The {p.Noun} {p.Name} was not created: it uses {planned}, which was not published.", target));
                    return;
                }
                if (IbArn.TryParse(create(r, target), out var arn))
                {
                    created = arn.ToString();
                    _seen = arn;
                }
            };
            Publish(p);
            if (FailedCalls != failedBefore)
            {
                return null;
            }
            if (found is not null)
            {
                // The ARN as the service gives it (a component's has its build), as Publish-IbComponent | Publish-IbRecipe passes it on.
                var arn = ArnOf((IAwsStructure)found);
                WriteObject(new PlanItem(kind, p.Name, PlanAction.Unchanged, version: arn?.Version, arn: arn?.ToString()));
                return arn?.ToString();
            }
            var action = differences is null ? PlanAction.Create : PlanAction.NewVersion;
            if (created is not null)
            {
                WriteObject(new PlanItem(kind, p.Name, action, differences?.Found, version, created));
                return created;
            }
            if (version is null)
            {
                // Publish stopped before it chose a version: it wrote why.
                return null;
            }
            WriteObject(new PlanItem(kind, p.Name, action, differences?.Found, version));
            // A new version's first build is 1.
            return Planned(storedArn?.Format(version, storedArn.Build is null ? null : "1"), arnType, $"{p.Name}/{version}");
        }

        /// <summary>
        /// Creates a configuration or the pipeline, or updates it with the settings the folder names; gives its ARN
        /// (planned under -WhatIf), or null after an error.
        /// </summary>
        private protected string? ApplySettings(ConfigurationKind kind, string arnType, IAwsStructure create, IEnumerable<string> given)
        {
            var name = Member(create, "name") as string ?? "";
            var failedBefore = FailedCalls;
            var currentArn = kind.Find(this, name);
            if (FailedCalls != failedBefore)
            {
                return null;
            }
            if (currentArn is null)
            {
                return CreateSettings(kind, arnType, name, create);
            }
            if (kind.Read(this, currentArn) is not { } current)
            {
                return null;
            }
            if (IbArn.TryParse(currentArn, out var seen)) _seen = seen;
            var before = kind.UpdateFrom(current);
            var after = kind.UpdateFrom(current);
            foreach (var wire in given)
            {
                if (after.GetShape().FindBodyMember(wire) is { } target && create.GetShape().FindBodyMember(wire) is { } source)
                {
                    after.SetMember(target.Index, create.GetMember(source.Index));
                }
            }
            var differences = new DefinitionDifferences().Members(before, after, wire => wire is "clientToken" || wire == kind.ArnMember);
            var settingsChanged = differences.Any;
            // Tags named in the folder are the resource's whole set of tags; tags the folder does not name are left.
            var wantedTags = given.Contains("tags") ? kind.WantedTags(create) ?? new Dictionary<string, string>() : null;
            var currentTags = kind.CurrentTags(current);
            var tagsChanged = false;
            if (wantedTags is not null)
            {
                var count = differences.Found.Count;
                tagsChanged = differences.Map("tags", currentTags, wantedTags).Found.Count > count;
            }
            if (!differences.Any)
            {
                WriteObject(new PlanItem(kind.Kind, name, PlanAction.Unchanged, arn: currentArn));
                return currentArn;
            }
            Set(after, kind.ArnMember, currentArn);
            Set(after, "clientToken", Guid.NewGuid().ToString());
            if (Holding(after) is null && Validate(after, currentArn) && ShouldProcess(currentArn, $"Update {kind.Noun} ({differences.Names})"))
            {
                if (settingsChanged && !kind.Update(this, after, currentArn))
                {
                    return null;
                }
                if (tagsChanged && !ConfigurationKind.SetTags(this, currentArn, currentTags, wantedTags!))
                {
                    return null;
                }
            }
            WriteObject(new PlanItem(kind.Kind, name, PlanAction.Update, differences.Found, arn: currentArn));
            return currentArn;
        }

        private string? CreateSettings(ConfigurationKind kind, string arnType, string name, IAwsStructure create)
        {
            Set(create, "clientToken", Guid.NewGuid().ToString());
            string? arn = null;
            if (Holding(create) is null && Validate(create, name) && ShouldProcess(name, $"Create {kind.Noun}"))
            {
                if ((arn = kind.Create(this, create, name)) is null)
                {
                    return null;
                }
                if (IbArn.TryParse(arn, out var seen)) _seen = seen;
            }
            WriteObject(new PlanItem(kind.Kind, name, PlanAction.Create, arn: arn));
            return arn ?? Planned(null, arnType, name);
        }

        /// <summary>
        /// An ARN for the plan of what was not created: the one it will have when a version of it exists, or one in
        /// the account as far as it is known. Remembered, so that no request holding it is sent.
        /// </summary>
        private string Planned(string? known, string arnType, string resource)
        {
            var arn = known ?? $"arn:{_seen?.Partition ?? "aws"}:imagebuilder:{_seen?.Region ?? "us-east-1"}:{_seen?.Account ?? "000000000000"}:{arnType}/{resource}";
            _planned.Add(arn);
            return arn;
        }

        /// <summary>The first planned ARN the request holds, anywhere in it, or null.</summary>
        private string? Holding(IAwsStructure request)
        {
            if (_planned.Count == 0) return null;
            return Values(request).OfType<string>().FirstOrDefault(_planned.Contains);
        }

        private static IEnumerable<object?> Values(object? value)
        {
            switch (value)
            {
                case IAwsStructure structure:
                    foreach (var member in structure.GetShape().Members)
                        foreach (var inner in Values(structure.GetMember(member.Index))) yield return inner;
                    break;
                case string s:
                    yield return s;
                    break;
                case IEnumerable items:
                    foreach (var item in items)
                        foreach (var inner in Values(item)) yield return inner;
                    break;
            }
        }

        private IbArn? ArnOf(IAwsStructure resource)
        {
            if (!IbArn.TryParse((resource as IHasArn)?.Arn, out var arn)) return null;
            _seen = arn;
            return arn;
        }

        private static object? Member(IAwsStructure structure, string wire) =>
            structure.GetShape().FindBodyMember(wire) is { } member ? structure.GetMember(member.Index) : null;

        private static void Set(IAwsStructure structure, string wire, object? value)
        {
            if (structure.GetShape().FindBodyMember(wire) is { } member) structure.SetMember(member.Index, value);
        }
    }
}
