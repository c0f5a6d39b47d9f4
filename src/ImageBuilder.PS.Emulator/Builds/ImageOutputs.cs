using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Builds;

/// <summary>What a finished build produced: an AMI per distribution region, or container image URIs in ECR.</summary>
internal static class ImageOutputs
{
    public static OutputResources For(EmulatorState state, Entry<Image> entry)
    {
        var image = entry.Value;
        var regions = image.DistributionConfiguration?.Distributions?.Select(d => d.Region!).Where(r => r is not null).ToList();
        if (regions is null || regions.Count == 0)
        {
            regions = new List<string> { state.Settings.Region };
        }
        if (image.Type == "DOCKER")
        {
            var repository = image.ContainerRecipe?.TargetRepository?.RepositoryName ?? ArnBuilder.ArnName(image.Name ?? "image");
            return new OutputResources
            {
                Containers = regions.Select(region => new Container
                {
                    Region = region,
                    ImageUris = new List<string> { $"{state.Settings.Account}.dkr.ecr.{region}.amazonaws.com/{repository}:{image.Version}-{entry.Build}" },
                }).ToList(),
            };
        }
        return new OutputResources
        {
            Amis = regions.Select(region => new Ami
            {
                Region = region,
                Image = Ids.Ami(entry.Arn, region),
                Name = $"{image.Name} {image.DateCreated:yyyy-MM-dd'T'HH-mm-ss.fff'Z'}",
                Description = image.ImageRecipe?.Description ?? $"Built by EC2 Image Builder from {image.Name} {image.Version}",
                State = new ImageState { Status = "AVAILABLE" },
                AccountId = state.Settings.Account,
            }).ToList(),
        };
    }
}
