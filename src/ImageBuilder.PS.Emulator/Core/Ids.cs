using System.Security.Cryptography;
using System.Text;

namespace ImageBuilder.PS.Emulator.Core;

/// <summary>Identifiers in the forms the services use: ami-…, wf-UUID, step-UUID, lce-UUID, wsi-….</summary>
internal static class Ids
{
    public static string WorkflowExecution() => "wf-" + Guid.NewGuid().ToString("D");
    public static string StepExecution() => "step-" + Guid.NewGuid().ToString("D");
    public static string LifecycleExecution() => "lce-" + Guid.NewGuid().ToString("D");
    public static string WorkSpacesImage() => "wsi-" + Hex(Guid.NewGuid().ToString("N"), 9);

    /// <summary>An AMI id that stays the same for the same image and region, so results repeat across runs.</summary>
    public static string Ami(string imageArn, string region) => "ami-" + Hex(imageArn + "|" + region, 17);

    /// <summary>A stable hex string of the given length derived from some text.</summary>
    public static string Hex(string seed, int length)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return Convert.ToHexString(hash).ToLowerInvariant().Substring(0, length);
    }

    /// <summary>A stable non-negative number derived from some text (for deterministic generated content).</summary>
    public static int Stable(string seed) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), 0) & int.MaxValue;
}
