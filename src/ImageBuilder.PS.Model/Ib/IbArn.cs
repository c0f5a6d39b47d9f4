using System;

namespace ImageBuilder.PS.Model.Ib
{
    /// <summary>
    /// An Image Builder ARN taken apart: arn:PARTITION:imagebuilder:REGION:ACCOUNT:TYPE/NAME[/VERSION[/BUILD]].
    /// Versioned resources (images, components, recipes, workflows) have version ARNs (1.2.3, or wildcards like
    /// 1.x.x) and build-version ARNs (1.2.3/4); operations take one or the other.
    /// </summary>
    public sealed class IbArn
    {
        private IbArn(string partition, string region, string account, string resourceType, string name, string? version, string? build)
        {
            Partition = partition;
            Region = region;
            Account = account;
            ResourceType = resourceType;
            Name = name;
            Version = version;
            Build = build;
        }

        public string Partition { get; }
        public string Region { get; }
        public string Account { get; }
        /// <summary>image, component, image-recipe, ..., or workflow/build, workflow/test, workflow/distribution.</summary>
        public string ResourceType { get; }
        public string Name { get; }
        public string? Version { get; }
        public string? Build { get; }

        /// <summary>A specific build: x.y.z/n.</summary>
        public bool IsBuildVersion => Build is not null;

        /// <summary>A version without a build number and without wildcards.</summary>
        public bool IsExactVersion => Version is not null && Build is null && Version.IndexOf('x') < 0;

        public static bool TryParse(string? text, out IbArn arn)
        {
            arn = null!;
            if (text is null)
            {
                return false;
            }
            var parts = text.Split(new[] { ':' }, 6);
            if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "imagebuilder")
            {
                return false;
            }
            var path = parts[5].Split('/');
            int at = 0;
            var type = path[at++];
            if (type == "workflow" && path.Length > 1)
            {
                type += "/" + path[at++];
            }
            if (at >= path.Length || path[at].Length == 0)
            {
                return false;
            }
            var name = path[at++];
            var version = at < path.Length ? path[at++] : null;
            var build = at < path.Length ? path[at++] : null;
            if (at != path.Length)
            {
                return false;
            }
            arn = new IbArn(parts[1], parts[3], parts[4], type, name, version, build);
            return true;
        }

        /// <summary>This ARN without its build number (the version ARN of a build).</summary>
        public string VersionArn => Format(Version, null);

        public string Format(string? version, string? build)
        {
            var text = $"arn:{Partition}:imagebuilder:{Region}:{Account}:{ResourceType}/{Name}";
            if (version is not null) text += "/" + version;
            if (version is not null && build is not null) text += "/" + build;
            return text;
        }

        public override string ToString() => Format(Version, Build);
    }
}
