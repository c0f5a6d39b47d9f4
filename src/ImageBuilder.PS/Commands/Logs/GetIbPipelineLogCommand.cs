using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Logs;

namespace ImageBuilder.PS.Commands.Logs
{
    /// <summary>
    /// Reads a pipeline's execution log from CloudWatch Logs (FilterLogEvents over its log group): when each run
    /// started or was skipped, and why. The pipeline is named, piped in, or stands behind an image it built.
    /// </summary>
    [ApiOperation("CloudWatch Logs", "FilterLogEvents")]
    [Cmdlet(VerbsCommon.Get, "IbPipelineLog", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(PipelineLogEvent))]
    public sealed class GetIbPipelineLogCommand : LogReadingCmdlet
    {
        private const string NameSet = "Name";
        private const string ArnSet = "Arn";

        /// <summary>A pipeline ARN, or an image ARN standing for the pipeline that built it.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ArnSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ImagePipelineArn", "PipelineArn")]
        [ArgumentCompleter(typeof(PipelineArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(PipelineNameCompleter))]
        public string Name { get; set; } = "";

        protected override void ProcessRecord()
        {
            foreach (var pipeline in ParameterSetName == NameSet ? Named(Name) : ByArn(Arn))
            {
                var group = pipeline.LoggingConfiguration?.PipelineLogGroupName ?? "/aws/imagebuilder/pipeline/" + pipeline.Name;
                Verbose($"The execution log of pipeline {pipeline.Name} is log group {group}.");
                if (!Missing(group, pipeline))
                {
                    WriteLines(group, pipeline);
                }
            }
        }

        private void WriteLines(string group, ImagePipeline pipeline)
        {
            var pattern = SearchPattern;
            if (Match is not null)
            {
                Verbose(pattern is null
                    ? "-Match is matched here, on each line read: CloudWatch Logs' filter patterns cannot express it."
                    : $"-Match is a plain text: CloudWatch Logs searches for it (filter pattern {pattern}).");
            }
            if (Tail is not null)
            {
                Verbose("-Tail: the log is read from " + (Since is null ? "its start" : "-Since") + " and its last lines kept (a pipeline writes a few lines a run).");
            }
            var request = new FilterLogEventsRequest { LogGroupName = group, StartTime = SinceMilliseconds, FilterPattern = pattern };
            var lines = ReadPages(LogsOperations.FilterLogEvents, request, pipeline.Arn)
                .Select(e => Line(e, pipeline, group))
                .Where(l => Matches(l.Message));
            foreach (var line in Tail is { } tail ? LastOf(lines, tail) : lines)
            {
                WriteObject(line);
            }
        }

        private static PipelineLogEvent Line(FilteredLogEvent e, ImagePipeline pipeline, string group)
        {
            var line = PipelineLogEvent.Parse(e.Timestamp ?? 0, e.Message ?? "");
            line.PipelineName = pipeline.Name;
            line.PipelineArn = pipeline.Arn;
            line.LogGroupName = group;
            line.LogStreamName = e.LogStreamName;
            return line;
        }

        /// <summary>
        /// Says why there is nothing to read when the group is missing or empty, instead of passing on the bare
        /// ResourceNotFoundException. The look only explains: when it fails otherwise (no logs:DescribeLogStreams),
        /// the read goes ahead.
        /// </summary>
        private bool Missing(string group, ImagePipeline pipeline)
        {
            var look = TracedCall(LogsOperations.DescribeLogStreams, new DescribeLogStreamsRequest { LogGroupName = group, Limit = 1 }, pipeline.Arn, out var failure);
            string why;
            if (failure is null)
            {
                if (look is { LogStreams.Count: > 0 })
                {
                    return false;
                }
                why = $"Pipeline {pipeline.Name} has no execution log yet: log group {group} has no log stream. The pipeline has not run, or skipped a scheduled run, since the group was made.";
            }
            else if (failure.Record.Exception is AwsServiceException { Error.Code: "ResourceNotFoundException" })
            {
                why = $"Pipeline {pipeline.Name} has no execution log yet: there is no log group {group}. Image Builder makes it the first time the pipeline runs or skips a scheduled run; " +
                    "if it has, the group may have been deleted, or (for a group outside /aws/imagebuilder/) the pipeline's execution role may lack logs:CreateLogGroup, logs:CreateLogStream and logs:PutLogEvents.";
            }
            else
            {
                Verbose($"Could not look for the log streams of {group} ({failure.Reason}); reading the log all the same.");
                return false;
            }
            WriteError(new ErrorRecord(new ItemNotFoundException(why), "PipelineLogNotFound", ErrorCategory.ObjectNotFound, pipeline.Arn));
            return true;
        }

        /// <summary>The pipelines a name or wildcard pattern matches; a plain name that matches none is an error.</summary>
        private IEnumerable<ImagePipeline> Named(string name)
        {
            var filters = new ListFilters(null, Warn).AddName(name);
            var list = new ListImagePipelinesRequest { Filters = filters.ToList() };
            var pattern = filters.NamePattern;
            var failedBefore = FailedCalls;
            int found = 0;
            foreach (var pipeline in ReadPages(IbOperations.ListImagePipelines, list, name))
            {
                if (pattern is null || pattern.IsMatch(pipeline.Name ?? ""))
                {
                    found++;
                    yield return pipeline;
                }
            }
            // A listing that failed (its error is written) says nothing about whether the name exists.
            if (found == 0 && FailedCalls == failedBefore)
            {
                WriteNameNotFound("pipeline", name);
            }
        }

        /// <summary>The pipeline of a pipeline ARN, or of the image an image ARN names (the pipeline that built it).</summary>
        private IEnumerable<ImagePipeline> ByArn(string arn)
        {
            var pipelineArn = arn;
            if (IbArn.TryParse(arn, out var parsed) && parsed.ResourceType == "image")
            {
                var get = new GetImageRequest { ImageBuildVersionArn = arn };
                if (!Validate(get, arn) || Call(IbOperations.GetImage, get, arn) is not { Image: { } image })
                {
                    yield break;
                }
                if (image.SourcePipelineArn is null)
                {
                    WriteError(ErrorRecords.InvalidInput("ImageNotFromPipeline", $"The image {arn} was not built by a pipeline, so it has no pipeline log. Its build log: Get-IbImageLog -Arn {image.Arn ?? arn}", arn));
                    yield break;
                }
                Verbose($"{arn} is an image; the log of the pipeline that built it, {image.SourcePipelineArn}, is read.");
                pipelineArn = image.SourcePipelineArn;
            }
            var request = new GetImagePipelineRequest { ImagePipelineArn = pipelineArn };
            if (Validate(request, pipelineArn) && Call(IbOperations.GetImagePipeline, request, pipelineArn) is { ImagePipeline: { } pipeline })
            {
                yield return pipeline;
            }
        }
    }
}
