using System;
using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Turns an image, component or workflow ARN into the build-version ARNs the service acts on: a build ARN is
    /// itself, a version ARN (…/1.0.0, what list forms write) stands for each of its builds.
    /// </summary>
    internal sealed class BuildVersions
    {
        private readonly IbCmdlet _cmdlet;

        public BuildVersions(IbCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>
        /// The build-version ARNs an ARN stands for: itself when it names a build (…/1.0.0/2), every build of a
        /// version (…/1.0.0) listed with <paramref name="listBuilds"/>. Anything else is written as an error that
        /// says what to give instead, and gives nothing.
        /// </summary>
        /// <param name="resourceType">The ARN's resource type: image, component, workflow/build, ...</param>
        /// <param name="listBuilds">The ListXBuildVersions operation, whose input takes a version ARN.</param>
        public IEnumerable<string> Expand<TRequest, TResponse, TItem>(string arn, string resourceType, PagedOperationDef<TRequest, TResponse, TItem> listBuilds)
            where TRequest : class, Model.Ib.IBuildVersionsRequest
            where TResponse : class, IPage<TItem>
            where TItem : IHasArn
        {
            var noun = resourceType.StartsWith("workflow", StringComparison.Ordinal) ? "workflow" : resourceType.Replace('-', ' ');
            if (!Model.Ib.IbArn.TryParse(arn, out var parsed) || parsed.ResourceType != resourceType)
            {
                _cmdlet.WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid",
                    $"'{arn}' is not {(noun[0] == 'i' ? "an" : "a")} {noun} ARN. Pipe in the output of the Get- cmdlet, or pass an ARN such as arn:aws:imagebuilder:REGION:ACCOUNT:{resourceType}/NAME/1.0.0/1.", arn));
                yield break;
            }
            if (parsed.IsBuildVersion)
            {
                yield return arn;
                yield break;
            }
            if (!parsed.IsExactVersion)
            {
                _cmdlet.WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid",
                    $"'{arn}' names no single version. Give a version (…/1.0.0) or a build version (…/1.0.0/1).", arn));
                yield break;
            }
            var request = listBuilds.NewRequest();
            request.VersionArn = arn;
            int found = 0;
            foreach (var item in _cmdlet.ReadPages(listBuilds, request, arn))
            {
                if (item.Arn is { } buildArn)
                {
                    found++;
                    yield return buildArn;
                }
            }
            if (found == 0)
            {
                _cmdlet.WriteError(new ErrorRecord(new ItemNotFoundException($"The {noun} version '{arn}' has no builds."), "BuildVersionNotFound", ErrorCategory.ObjectNotFound, arn));
            }
        }

        /// <summary>
        /// The ARNs to act on for an ARN the service wants as one build: a version ARN of an image, component or
        /// workflow (…/1.0.0, as Get- list forms write) stands for each of its builds; any other ARN for itself.
        /// </summary>
        public IEnumerable<string> OrSelf(string arn)
        {
            if (!Model.Ib.IbArn.TryParse(arn, out var parsed) || !parsed.IsExactVersion)
            {
                return new[] { arn };
            }
            IEnumerable<string> Builds<TRequest, TResponse, TItem>(PagedOperationDef<TRequest, TResponse, TItem> listBuilds)
                where TRequest : class, Model.Ib.IBuildVersionsRequest
                where TResponse : class, IPage<TItem>
                where TItem : IHasArn
            {
                _cmdlet.Verbose($"{arn} names a version; each of its builds is used.");
                return Expand(arn, parsed.ResourceType, listBuilds);
            }
            return parsed.ResourceType switch
            {
                "image" => Builds(Model.Ib.IbOperations.ListImageBuildVersions),
                "component" => Builds(Model.Ib.IbOperations.ListComponentBuildVersions),
                _ when parsed.ResourceType.StartsWith("workflow/", StringComparison.Ordinal) => Builds(Model.Ib.IbOperations.ListWorkflowBuildVersions),
                _ => new[] { arn },
            };
        }
    }
}
