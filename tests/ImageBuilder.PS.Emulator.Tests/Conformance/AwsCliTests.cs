using System.Text.Json;
using ImageBuilder.PS.Emulator.Tests.Support;

namespace ImageBuilder.PS.Emulator.Tests.Conformance;

/// <summary>The AWS CLI (its own bundled models) against the emulator: the commands a user types first.</summary>
public sealed class AwsCliTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public AwsCliTests(EmulatorFixture fixture) => _fixture = fixture;

    private string Url => _fixture.Emulator.Url;

    [SkippableFact]
    public void Cli_lists_creates_and_deletes()
    {
        Skip.IfNot(ExternalTool.HasAwsCli, "The AWS CLI is not installed.");
        _fixture.Emulator.Reset();

        var amazon = Json(ExternalTool.Aws(Url, "imagebuilder", "list-images", "--owner", "Amazon"));
        Assert.Contains(amazon.GetProperty("imageVersionList").EnumerateArray(), i => i.GetProperty("name").GetString() == "amazon-linux-2023-x86");

        var infra = Json(ExternalTool.Aws(Url, "imagebuilder", "create-infrastructure-configuration", "--name", "cli-infra", "--instance-profile-name", "ImageBuilderProfile"));
        var arn = infra.GetProperty("infrastructureConfigurationArn").GetString()!;
        Assert.Equal($"arn:aws:imagebuilder:us-east-1:{_fixture.Emulator.AccountId}:infrastructure-configuration/cli-infra", arn);

        var detail = Json(ExternalTool.Aws(Url, "imagebuilder", "get-infrastructure-configuration", "--infrastructure-configuration-arn", arn));
        Assert.Equal("ImageBuilderProfile", detail.GetProperty("infrastructureConfiguration").GetProperty("instanceProfileName").GetString());

        ExternalTool.Aws(Url, "imagebuilder", "tag-resource", "--resource-arn", arn, "--tags", "team=cli");
        var tags = Json(ExternalTool.Aws(Url, "imagebuilder", "list-tags-for-resource", "--resource-arn", arn));
        Assert.Equal("cli", tags.GetProperty("tags").GetProperty("team").GetString());

        Json(ExternalTool.Aws(Url, "imagebuilder", "delete-infrastructure-configuration", "--infrastructure-configuration-arn", arn));
        var missing = ExternalTool.Aws(Url, "imagebuilder", "get-infrastructure-configuration", "--infrastructure-configuration-arn", arn);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("ResourceNotFoundException", missing.All);
    }

    [SkippableFact]
    public void Cli_pages_through_a_listing_and_reports_errors()
    {
        Skip.IfNot(ExternalTool.HasAwsCli, "The AWS CLI is not installed.");
        _fixture.Emulator.Reset();
        _fixture.Emulator.SeedImages(60, "cli-paged");

        // The CLI follows nextToken itself; a small page size makes it take several pages.
        var all = Json(ExternalTool.Aws(Url, "imagebuilder", "list-images", "--page-size", "7"));
        Assert.Equal(60, all.GetProperty("imageVersionList").GetArrayLength());

        var bad = ExternalTool.Aws(Url, "imagebuilder", "list-images", "--starting-token", "forged-token");
        Assert.NotEqual(0, bad.ExitCode);

        var invalid = ExternalTool.Aws(Url, "imagebuilder", "get-component", "--component-build-version-arn", "arn:aws:imagebuilder:us-east-1:123456789012:component/x/1.0");
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("InvalidParameterValueException", invalid.All);
    }

    [SkippableFact]
    public void Cli_imports_into_appstream_and_workspaces()
    {
        Skip.IfNot(ExternalTool.HasAwsCli, "The AWS CLI is not installed.");
        _fixture.Emulator.Reset();
        _fixture.Emulator.SetClock(ClockMode.Stepped);

        var workspaces = Json(ExternalTool.Aws(Url, "workspaces", "import-workspace-image", "--ec2-image-id", "ami-0123456789abcdef0",
            "--ingestion-process", "BYOL_REGULAR_WSP", "--image-name", "cli-image", "--image-description", "From the CLI"));
        var id = workspaces.GetProperty("ImageId").GetString()!;
        var described = Json(ExternalTool.Aws(Url, "workspaces", "describe-workspace-images", "--image-ids", id));
        Assert.Equal("PENDING", described.GetProperty("Images")[0].GetProperty("State").GetString());

        _fixture.Emulator.AdvanceClock(_fixture.Emulator.StageDuration);
        described = Json(ExternalTool.Aws(Url, "workspaces", "describe-workspace-images", "--image-ids", id));
        Assert.Equal("AVAILABLE", described.GetProperty("Images")[0].GetProperty("State").GetString());

        var appstream = ExternalTool.Aws(Url, "appstream", "describe-images", "--type", "PUBLIC");
        Assert.True(appstream.ExitCode == 0, appstream.All);
        Assert.True(Json(appstream).GetProperty("Images").GetArrayLength() >= 1);
    }

    private static JsonElement Json(ToolResult result)
    {
        Assert.True(result.ExitCode == 0, result.All);
        return result.Output.Trim().Length == 0 ? default : JsonDocument.Parse(result.Output).RootElement;
    }
}
