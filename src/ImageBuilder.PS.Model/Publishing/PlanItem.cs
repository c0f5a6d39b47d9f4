using System;
using System.Collections.Generic;

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
        public PlanItem(string kind, string name, PlanAction action, IReadOnlyList<string>? changed = null, string? version = null, string? arn = null)
        {
            Kind = kind;
            Name = name;
            Action = action;
            Changed = changed ?? Array.Empty<string>();
            Version = version;
            Arn = arn;
        }

        /// <summary>Component, Workflow, ImageRecipe, InfrastructureConfiguration, DistributionConfiguration, ImagePipeline.</summary>
        public string Kind { get; }
        public string Name { get; }
        public PlanAction Action { get; }
        /// <summary>The properties that differ, each with how ("Document: 2 lines removed, 3 added"); empty for Unchanged and Create.</summary>
        public IReadOnlyList<string> Changed { get; }
        /// <summary>For a versioned definition: the version kept or created (under -WhatIf, the one that would be).</summary>
        public string? Version { get; }
        /// <summary>The resource's ARN after publishing; null under -WhatIf for what does not exist yet.</summary>
        public string? Arn { get; }

        public override string ToString() => $"{Kind} {Name}: {Action}" + (Changed.Count > 0 ? $" ({string.Join("; ", Changed)})" : "");
    }
}
