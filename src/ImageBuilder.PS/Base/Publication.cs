using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Publishing;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// What <see cref="DefinitionPublisher.Publish{TResource}"/> needs about one kind of versioned definition (component,
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
        /// <summary>The name's versions (their ARNs), listed for the given target (what errors name).</summary>
        public Func<object, IEnumerable<IHasArn>> Versions { get; set; } = null!;
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
}
