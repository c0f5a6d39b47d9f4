using System.Globalization;
using ImageBuilder.PS.Emulator.Builds;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Scans;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Control;

/// <summary>
/// Puts volume into the emulator directly, without calls or builds: many available images, or many scan findings
/// for one image, to measure listing speed and memory. Callers hold the lock.
/// </summary>
internal static class VolumeSeeder
{
    public const int MaxSeed = 1_000_000;

    /// <summary>Available images, one version each (0.0.0, 0.0.1, ...) of one image name, each with its AMI.</summary>
    public static List<string> Images(EmulatorState state, int count, string name, DateTime now)
    {
        CheckCount(count);
        var family = state.Arns.Build("image", name);
        var existing = state.Images.Family(family);
        int start = existing.Count == 0 ? 0 : existing.Max(e => Index(e.Version)) + 1;
        var arns = new List<string>(count);
        for (int i = start; i < start + count; i++)
        {
            var version = new SemanticVersion(i / 1_000_000, i / 1000 % 1000, i % 1000);
            var arn = state.Arns.Build("image", name, version.ToString(), 1);
            var image = new Image
            {
                Arn = arn,
                Type = "AMI",
                Name = name,
                Version = version.ToString(),
                Platform = "Linux",
                OsVersion = "Amazon Linux 2023",
                State = new ImageState { Status = "AVAILABLE" },
                DateCreated = now,
                BuildType = "USER_INITIATED",
                ImageSource = "CUSTOM",
                EnhancedImageMetadataEnabled = true,
            };
            var entry = new Entry<Image>(arn, family, Ownership.Self, image, state.NextSequence()) { Version = version, Build = 1 };
            image.OutputResources = ImageOutputs.For(state, entry);
            state.Images.Add(entry);
            arns.Add(arn);
        }
        return arns;
    }

    /// <summary>More findings for an existing image; returns how many it has now.</summary>
    public static int Findings(EmulatorState state, string imageBuildVersionArn, int count, DateTime now)
    {
        CheckCount(count);
        var image = state.Images.Get(imageBuildVersionArn) ?? throw ServiceError.NotFound($"The image {imageBuildVersionArn} does not exist.");
        image.Value.ImageScanningConfiguration ??= new ImageScanningConfiguration { ImageScanningEnabled = true };
        image.Value.ScanState = new ImageScanState { Status = "COMPLETED" };
        FindingGenerator.AddFindings(state, image, count, now);
        return state.FindingsByImage[image.Arn].Count;
    }

    private static int Index(SemanticVersion v) => v.Major * 1_000_000 + v.Minor * 1000 + v.Patch;

    private static void CheckCount(int count)
    {
        if (count < 1 || count > MaxSeed)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture, $"Seed between 1 and {MaxSeed} at a time."));
        }
    }
}
