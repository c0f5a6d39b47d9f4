using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.InfrastructureConfigurations
{
    /// <summary>
    /// Creates an infrastructure configuration, the instances and network builds run on
    /// (CreateInfrastructureConfiguration), and writes it.
    /// </summary>
    [ApiOperation("imagebuilder", "CreateInfrastructureConfiguration")]
    [Cmdlet(VerbsCommon.New, "IbInfrastructureConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(InfrastructureConfiguration))]
    public sealed class NewIbInfrastructureConfigurationCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true)]
        public string InstanceProfileName { get; set; } = "";

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

        /// <summary>The S3 bucket that receives the build logs.</summary>
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

        /// <summary>Tags for the build and test instances.</summary>
        [Parameter]
        [Alias("ResourceTags")]
        [ApiMember("resourceTags")]
        [ValidateTextValues]
        public Hashtable? ResourceTag { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ApiMember("tags")]
        [ValidateTextValues]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var request = new CreateInfrastructureConfigurationRequest
            {
                Name = Name,
                Description = Description,
                InstanceProfileName = InstanceProfileName,
                InstanceTypes = InstanceType?.ToList(),
                SubnetId = SubnetId,
                SecurityGroupIds = SecurityGroupId?.ToList(),
                KeyPair = KeyPair,
                TerminateInstanceOnFailure = TerminateInstanceOnFailure,
                SnsTopicArn = SnsTopicArn,
                Logging = S3LogBucketName is null && S3LogKeyPrefix is null
                    ? null
                    : new Logging { S3Logs = new S3Logs { S3BucketName = S3LogBucketName, S3KeyPrefix = S3LogKeyPrefix } },
                InstanceMetadataOptions = InstanceMetadataOptions,
                Placement = Placement,
                ResourceTags = Tags.From(ResourceTag),
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            if (S3LogBucketName is null && S3LogKeyPrefix is not null)
            {
                WriteError(ErrorRecords.InvalidInput("ParameterRequired", "-S3LogKeyPrefix needs -S3LogBucketName: the prefix is a folder in that bucket.", Name));
                return;
            }
            if (!Validate(request, Name) || !ShouldProcess(Name, "Create infrastructure configuration"))
            {
                return;
            }
            if (Call(IbOperations.CreateInfrastructureConfiguration, request, Name) is { InfrastructureConfigurationArn: { } arn })
            {
                WriteCreated(IbOperations.GetInfrastructureConfiguration,
                    new GetInfrastructureConfigurationRequest { InfrastructureConfigurationArn = arn }, arn,
                    r => r.InfrastructureConfiguration,
                    () => new InfrastructureConfiguration
                    {
                        Arn = arn, Name = Name, Description = Description, InstanceProfileName = InstanceProfileName, InstanceTypes = request.InstanceTypes,
                        SubnetId = SubnetId, SecurityGroupIds = request.SecurityGroupIds, KeyPair = KeyPair, TerminateInstanceOnFailure = TerminateInstanceOnFailure,
                        SnsTopicArn = SnsTopicArn, Logging = request.Logging, InstanceMetadataOptions = InstanceMetadataOptions, Placement = Placement,
                        ResourceTags = request.ResourceTags, Tags = request.Tags,
                    },
                    $"Get-IbInfrastructureConfiguration -Arn {arn}");
            }
        }
    }
}
