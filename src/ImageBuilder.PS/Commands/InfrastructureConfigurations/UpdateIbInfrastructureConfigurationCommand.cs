using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.InfrastructureConfigurations
{
    /// <summary>
    /// Changes an infrastructure configuration (UpdateInfrastructureConfiguration). The operation replaces the whole
    /// configuration, so the cmdlet reads it first and sends it back with only the given parameters changed.
    /// </summary>
    [ApiOperation("imagebuilder", "UpdateInfrastructureConfiguration")]
    [Cmdlet(VerbsData.Update, "IbInfrastructureConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(InfrastructureConfiguration))]
    public sealed class UpdateIbInfrastructureConfigurationCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("InfrastructureConfigurationArn")]
        [ApiMember("infrastructureConfigurationArn")]
        [ArgumentCompleter(typeof(InfrastructureConfigurationArnCompleter))]
        public string Arn { get; set; } = "";

        [Parameter]
        public string? InstanceProfileName { get; set; }

        [Parameter]
        [Alias("InstanceTypes")]
        [ApiMember("instanceTypes")]
        public string[]? InstanceType { get; set; }

        [Parameter]
        public string? SubnetId { get; set; }

        [Parameter]
        [Alias("SecurityGroupIds")]
        [ApiMember("securityGroupIds")]
        public string[]? SecurityGroupId { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        public string? KeyPair { get; set; }

        [Parameter]
        public bool? TerminateInstanceOnFailure { get; set; }

        [Parameter]
        public string? SnsTopicArn { get; set; }

        [Parameter]
        [ApiMember("logging")]
        public string? S3LogBucketName { get; set; }

        [Parameter]
        public string? S3LogKeyPrefix { get; set; }

        [Parameter]
        [ShapeTransformation(typeof(InstanceMetadataOptions))]
        public InstanceMetadataOptions? InstanceMetadataOptions { get; set; }

        [Parameter]
        [ShapeTransformation(typeof(Placement))]
        public Placement? Placement { get; set; }

        [Parameter]
        [Alias("ResourceTags")]
        [ApiMember("resourceTags")]
        [ValidateTextValues]
        public Hashtable? ResourceTag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var get = new GetInfrastructureConfigurationRequest { InfrastructureConfigurationArn = Arn };
            if (!Validate(get, Arn) || Call(IbOperations.GetInfrastructureConfiguration, get, Arn) is not { InfrastructureConfiguration: { } current })
            {
                return;
            }
            var request = UpdateRequests.FromCurrent<UpdateInfrastructureConfigurationRequest>(current);
            request.InfrastructureConfigurationArn = current.Arn ?? Arn;
            request.ClientToken = ClientToken ?? Guid.NewGuid().ToString();
            var changed = Apply(request);
            if (request.Logging is { S3Logs: { S3BucketName: null, S3KeyPrefix: not null } })
            {
                WriteError(ErrorRecords.InvalidInput("ParameterRequired", "-S3LogKeyPrefix needs -S3LogBucketName: the prefix is a folder in that bucket, and the configuration has none.", Arn));
                return;
            }
            if (!ShouldSendUpdate(request, changed, current, Arn, "infrastructure configuration"))
            {
                return;
            }
            if (Call(IbOperations.UpdateInfrastructureConfiguration, request, Arn) is not null)
            {
                WriteUpdated(IbOperations.GetInfrastructureConfiguration, get, Arn, r => r.InfrastructureConfiguration, current, $"Get-IbInfrastructureConfiguration -Arn {Arn}");
            }
        }

        /// <summary>Sets what the user gave (an empty value clears an optional setting) and names what changed.</summary>
        private ChangeList Apply(UpdateInfrastructureConfigurationRequest request)
        {
            var changed = new ChangeList(this);
            if (changed.Given(nameof(InstanceProfileName))) request.InstanceProfileName = InstanceProfileName;
            if (changed.Given(nameof(InstanceType))) request.InstanceTypes = InstanceType is { Length: > 0 } ? InstanceType.ToList() : null;
            if (changed.Given(nameof(SubnetId))) request.SubnetId = ChangeList.OrNull(SubnetId);
            if (changed.Given(nameof(SecurityGroupId))) request.SecurityGroupIds = SecurityGroupId is { Length: > 0 } ? SecurityGroupId.ToList() : null;
            if (changed.Given(nameof(Description))) request.Description = ChangeList.OrNull(Description);
            if (changed.Given(nameof(KeyPair))) request.KeyPair = ChangeList.OrNull(KeyPair);
            if (changed.Given(nameof(TerminateInstanceOnFailure))) request.TerminateInstanceOnFailure = TerminateInstanceOnFailure;
            if (changed.Given(nameof(SnsTopicArn))) request.SnsTopicArn = ChangeList.OrNull(SnsTopicArn);
            // Both log settings live in one structure: each given one changes its half; an empty bucket stops S3 logging.
            // | (not ||) so that each given one is named as changed.
            if (changed.Given(nameof(S3LogBucketName)) | changed.Given(nameof(S3LogKeyPrefix)))
            {
                var logs = request.Logging?.S3Logs ?? new S3Logs();
                if (changed.Has(nameof(S3LogBucketName))) logs.S3BucketName = ChangeList.OrNull(S3LogBucketName);
                if (changed.Has(nameof(S3LogKeyPrefix))) logs.S3KeyPrefix = ChangeList.OrNull(S3LogKeyPrefix);
                else if (logs.S3BucketName is null) logs.S3KeyPrefix = null;
                request.Logging = logs.S3BucketName is null && logs.S3KeyPrefix is null ? null : new Logging { S3Logs = logs };
            }
            if (changed.Given(nameof(InstanceMetadataOptions))) request.InstanceMetadataOptions = InstanceMetadataOptions;
            if (changed.Given(nameof(Placement))) request.Placement = Placement;
            if (changed.Given(nameof(ResourceTag))) request.ResourceTags = ResourceTag is { Count: > 0 } ? Tags.From(ResourceTag) : null;
            return changed;
        }
    }
}
