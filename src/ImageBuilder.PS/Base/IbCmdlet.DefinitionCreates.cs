using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Base
{
    public abstract partial class IbCmdlet
    {
        // The creates of versioned definitions, shared by New-Ib* and Publish-Ib*: the request is checked and
        // confirmed by the caller; these send it and write the new resource as Get- would (see WriteCreated).

        private protected void SendCreateComponent(CreateComponentRequest request, string target)
        {
            if (Call(IbOperations.CreateComponent, request, target) is { ComponentBuildVersionArn: { } arn })
            {
                WriteCreated(IbOperations.GetComponent, new GetComponentRequest { ComponentBuildVersionArn = arn }, arn,
                    r => r.Component,
                    () => new Component
                    {
                        Arn = arn, Name = request.Name, Version = NameAndVersionOf(arn).Version, Platform = request.Platform, Description = request.Description,
                        ChangeDescription = request.ChangeDescription, SupportedOsVersions = request.SupportedOsVersions, KmsKeyId = request.KmsKeyId, Tags = request.Tags,
                    },
                    $"Get-IbComponent -Arn {arn}");
            }
        }

        private protected void SendCreateWorkflow(CreateWorkflowRequest request, string target)
        {
            if (Call(IbOperations.CreateWorkflow, request, target) is { WorkflowBuildVersionArn: { } arn })
            {
                WriteCreated(IbOperations.GetWorkflow, new GetWorkflowRequest { WorkflowBuildVersionArn = arn }, arn,
                    r => r.Workflow,
                    () => new Workflow
                    {
                        Arn = arn, Name = request.Name, Version = NameAndVersionOf(arn).Version, Type = request.Type, Description = request.Description,
                        ChangeDescription = request.ChangeDescription, KmsKeyId = request.KmsKeyId, Tags = request.Tags,
                    },
                    $"Get-IbWorkflow -Arn {arn}");
            }
        }

        private protected void SendCreateImageRecipe(CreateImageRecipeRequest request, string target)
        {
            if (Call(IbOperations.CreateImageRecipe, request, target) is { ImageRecipeArn: { } arn })
            {
                WriteCreated(IbOperations.GetImageRecipe, new GetImageRecipeRequest { ImageRecipeArn = arn }, arn,
                    r => r.ImageRecipe,
                    () => new ImageRecipe
                    {
                        Arn = arn, Name = request.Name, Version = NameAndVersionOf(arn).Version, ParentImage = request.ParentImage, Components = request.Components,
                        Description = request.Description, BlockDeviceMappings = request.BlockDeviceMappings, WorkingDirectory = request.WorkingDirectory, Tags = request.Tags,
                    },
                    $"Get-IbRecipe -Arn {arn}");
            }
        }
    }
}
