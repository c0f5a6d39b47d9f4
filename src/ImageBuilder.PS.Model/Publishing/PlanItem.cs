using System;
using System.Collections.Generic;
using System.Linq;

namespace ImageBuilder.PS.Model.Publishing
{
    /// <summary>What Publish-IbPipeline does (or, under -WhatIf, would do) to one resource of a pipeline folder.</summary>
    public enum PlanAction
    {
        /// <summary>Nothing of that name exists: it is created.</summary>
        Create,
        /// <summary>A versioned definition (component, workflow, recipe) differs from its newest version: the next version is created.</summary>
        NewVersion,
        /// <summary>A configuration or the pipeline differs: it is changed in place.</summary>
        Update,
        /// <summary>What exists is what the folder gives: nothing is sent.</summary>
        Unchanged,
    }

    /// <summary>One line of Publish-IbPipeline's plan.</summary>
    public sealed class PlanItem
    {
        public PlanItem(string kind, string name, PlanAction action, IReadOnlyList<DefinitionDifference>? differences = null, string? version = null, string? arn = null)
        {
            Kind = kind;
            Name = name;
            Action = action;
            Differences = differences ?? Array.Empty<DefinitionDifference>();
            Changed = Differences.Select(d => d.Property).ToList();
            Version = version;
            Arn = arn;
        }

        /// <summary>As the cmdlets' nouns say it: Component, Workflow, Recipe, Infrastructure (configuration), Distribution (configuration), Pipeline.</summary>
        public string Kind { get; }
        public string Name { get; }
        public PlanAction Action { get; }
        /// <summary>The names of the properties that differ; empty for Unchanged and Create.</summary>
        public IReadOnlyList<string> Changed { get; }
        /// <summary>Each property that differs and how ("Document: 2 lines removed, 3 added").</summary>
        public IReadOnlyList<DefinitionDifference> Differences { get; }
        /// <summary>For a versioned definition: the version kept or created (under -WhatIf, the one that would be).</summary>
        public string? Version { get; }
        /// <summary>The resource's ARN after publishing; null under -WhatIf for what does not exist yet.</summary>
        public string? Arn { get; }

        public override string ToString() => $"{Kind} {Name}: {Action}" + (Differences.Count > 0 ? $" ({string.Join("; ", Differences)})" : "");
    }
}
