using System.Text.Json;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Tests.Support;

namespace ImageBuilder.PS.Emulator.Tests.Behaviour;

/// <summary>
/// The build logs the emulator writes to its CloudWatch Logs: where they go, that they grow on the clock, what a
/// failure writes, and how GetLogEvents' tokens behave while a reader follows a stream.
/// </summary>
public sealed class BuildLogTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly ImageBuilderEmulator _emulator;
    private readonly RawClient _client;

    public BuildLogTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        _emulator.Reset();
        _emulator.SetClock(ClockMode.Stepped);
        _client = new RawClient(_emulator.Url);
    }

    public void Dispose() => _client.Dispose();

    private async Task<string> StartBuild(string name, string? logGroup = null)
    {
        var infrastructure = (await _client.OkAsync("PUT", "/CreateInfrastructureConfiguration", $"{{\"name\":\"{name}-infra\",\"instanceProfileName\":\"p\",\"clientToken\":\"{Guid.NewGuid()}\"}}"))
            .Json.GetProperty("infrastructureConfigurationArn").GetString();
        var recipe = (await _client.OkAsync("PUT", "/CreateImageRecipe", $"{{\"name\":\"{name}\",\"semanticVersion\":\"1.0.0\",\"parentImage\":\"arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x\"," +
            $"\"components\":[{{\"componentArn\":\"arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x\"}}],\"clientToken\":\"{Guid.NewGuid()}\"}}"))
            .Json.GetProperty("imageRecipeArn").GetString();
        var logging = logGroup is null ? "" : $",\"loggingConfiguration\":{{\"logGroupName\":\"{logGroup}\"}}";
        return (await _client.OkAsync("PUT", "/CreateImage", $"{{\"imageRecipeArn\":\"{recipe}\",\"infrastructureConfigurationArn\":\"{infrastructure}\"{logging},\"clientToken\":\"{Guid.NewGuid()}\"}}"))
            .Json.GetProperty("imageBuildVersionArn").GetString()!;
    }

    private async Task<JsonElement> Logs(string operation, string body) => (await Ok(operation, body)).Json;

    private async Task<RawResponse> Ok(string operation, string body)
    {
        var response = await _client.AwsJsonAsync("Logs_20140328." + operation, body);
        Assert.True(response.Status == 200, response.Body);
        return response;
    }

    private static List<string> Messages(JsonElement page) =>
        page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();

    [Fact]
    public async Task A_followed_stream_grows_with_the_build_and_keeps_its_token_while_nothing_is_new()
    {
        await StartBuild("followed");
        var request = "{\"logGroupName\":\"/aws/imagebuilder/followed\",\"logStreamName\":\"1.0.0/1\",\"startFromHead\":true}";
        var first = await Logs("GetLogEvents", request);
        var token = first.GetProperty("nextForwardToken").GetString()!;
        Assert.StartsWith("Image Builder: build of ", Messages(first)[0]);

        var idle = await Logs("GetLogEvents", $"{{\"logGroupName\":\"/aws/imagebuilder/followed\",\"logStreamName\":\"1.0.0/1\",\"nextToken\":\"{token}\"}}");
        Assert.Empty(Messages(idle));
        Assert.Equal(token, idle.GetProperty("nextForwardToken").GetString());

        _emulator.AdvanceClock(_emulator.StageDuration * 3);
        var grown = await Logs("GetLogEvents", $"{{\"logGroupName\":\"/aws/imagebuilder/followed\",\"logStreamName\":\"1.0.0/1\",\"nextToken\":\"{token}\"}}");
        Assert.Contains(Messages(grown), m => m.StartsWith("AWSTOE phase build, step UpdateLinux (ExecuteBash): succeeded", StringComparison.Ordinal));
        Assert.NotEqual(token, grown.GetProperty("nextForwardToken").GetString());

        _emulator.AdvanceClock(_emulator.StageDuration * 10);
        var end = await Logs("GetLogEvents", "{\"logGroupName\":\"/aws/imagebuilder/followed\",\"logStreamName\":\"1.0.0/1\",\"limit\":1}");
        Assert.Equal(new[] { "Image Builder: the build ended AVAILABLE." }, Messages(end));
    }

    [Fact]
    public async Task An_arranged_failure_writes_the_failing_steps_error_lines()
    {
        _emulator.ArrangeFailure(new ArrangedFailure { Stage = "BUILDING", Reason = "SSM execution 'e-1' failed with status = 'TimedOut'" });
        await StartBuild("failing");
        _emulator.AdvanceClock(_emulator.StageDuration * 3);

        var all = Messages(await Logs("GetLogEvents", "{\"logGroupName\":\"/aws/imagebuilder/failing\",\"logStreamName\":\"1.0.0/1\",\"startFromHead\":true}"));

        Assert.Contains("Workflow build-image step LaunchBuildInstance (LaunchInstance): failed: SSM execution 'e-1' failed with status = 'TimedOut'", all);
        Assert.Contains("Workflow build-image: failed.", all);
        Assert.Equal("Image Builder: the build ended FAILED: SSM execution 'e-1' failed with status = 'TimedOut'", all[^1]);
    }

    [Fact]
    public async Task A_failure_in_a_component_step_quotes_AWSTOE()
    {
        _emulator.ArrangeFailure(new ArrangedFailure { Stage = "BUILDING", Step = "ApplyBuildComponents", Reason = "dnf: no space left on device" });
        var image = await StartBuild("components");
        _emulator.AdvanceClock(_emulator.StageDuration * 8);

        var found = Messages(await Logs("FilterLogEvents", "{\"logGroupName\":\"/aws/imagebuilder/components\",\"filterPattern\":\"?failed ?stderr\"}"));

        Assert.Equal(new[]
        {
            "AWSTOE phase build, step UpdateLinux: stderr: dnf: no space left on device",
            "AWSTOE phase build, step UpdateLinux (ExecuteBash): failed with exit code 1",
            "AWSTOE phase build: failed",
            "AWSTOE 1.5.2: document arn:aws:imagebuilder:us-east-1:aws:component/update-linux/1.0.2/1 failed; 1 step run, 1 failed",
            "Workflow build-image step ApplyBuildComponents (ExecuteComponents): failed: dnf: no space left on device",
            "Workflow build-image: failed.",
        }, found); // terms are case-sensitive: "ended FAILED" is not a match
        var state = (await _client.OkAsync("GET", "/GetImage?imageBuildVersionArn=" + Uri.EscapeDataString(image))).Json.GetProperty("image").GetProperty("state");
        Assert.Equal("FAILED", state.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_image_with_its_own_log_group_writes_there()
    {
        await StartBuild("custom", "/team/golden-builds");
        _emulator.AdvanceClock(_emulator.StageDuration * 10);

        var groups = (await Logs("DescribeLogGroups", "{}")).GetProperty("logGroups").EnumerateArray().Select(g => g.GetProperty("logGroupName").GetString()).ToList();
        var streams = await Logs("DescribeLogStreams", "{\"logGroupIdentifier\":\"arn:aws:logs:us-east-1:123456789012:log-group:/team/golden-builds:*\"}");

        Assert.Contains("/team/golden-builds", groups);
        Assert.DoesNotContain("/aws/imagebuilder/custom", groups);
        Assert.Equal("1.0.0/1", streams.GetProperty("logStreams")[0].GetProperty("logStreamName").GetString());
    }

    [Fact]
    public async Task Reading_backward_pages_towards_the_head()
    {
        await StartBuild("backward");
        _emulator.AdvanceClock(_emulator.StageDuration * 10);
        var all = Messages(await Logs("GetLogEvents", "{\"logGroupName\":\"/aws/imagebuilder/backward\",\"logStreamName\":\"1.0.0/1\",\"startFromHead\":true}"));

        var collected = new List<string>();
        string? token = null;
        for (int i = 0; i < 100; i++)
        {
            var page = await Logs("GetLogEvents", "{\"logGroupName\":\"/aws/imagebuilder/backward\",\"logStreamName\":\"1.0.0/1\",\"limit\":4" + (token is null ? "" : $",\"nextToken\":\"{token}\"") + "}");
            var next = page.GetProperty("nextBackwardToken").GetString();
            collected.InsertRange(0, Messages(page));
            if (next == token)
            {
                break;
            }
            token = next;
        }

        Assert.Equal(all, collected);
    }

    [Theory]
    [InlineData("GetLogEvents", "{\"logGroupName\":\"/aws/imagebuilder/none\",\"logStreamName\":\"1.0.0/1\"}", "ResourceNotFoundException")]
    [InlineData("GetLogEvents", "{\"logStreamName\":\"1.0.0/1\"}", "InvalidParameterException")]
    [InlineData("GetLogEvents", "{\"logGroupName\":\"a\",\"logGroupIdentifier\":\"a\",\"logStreamName\":\"1.0.0/1\"}", "InvalidParameterException")]
    [InlineData("GetLogEvents", "{\"logGroupName\":\"a\",\"logStreamName\":\"1.0.0/1\",\"limit\":0}", "InvalidParameterException")]
    [InlineData("FilterLogEvents", "{\"logGroupName\":\"/aws/imagebuilder/none\"}", "ResourceNotFoundException")]
    [InlineData("DescribeLogGroups", "{\"nextToken\":\"forged\"}", "InvalidParameterException")]
    [InlineData("DeleteLogGroup", "{\"logGroupName\":\"/aws/imagebuilder/none\"}", "ResourceNotFoundException")]
    public async Task Errors_come_from_the_logs_model(string operation, string body, string code)
    {
        var response = await _client.AwsJsonAsync("Logs_20140328." + operation, body);

        Assert.Equal((400, code), (response.Status, response.ErrorType));
    }

    [Fact]
    public async Task A_pipeline_run_is_logged_in_the_pipelines_group_in_the_stream_of_its_day()
    {
        await StartBuild("piped");
        var recipe = "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/piped/1.0.0";
        var infrastructure = (await _client.OkAsync("POST", "/ListInfrastructureConfigurations", "{}")).Json.GetProperty("infrastructureConfigurationSummaryList")[0].GetProperty("arn").GetString();
        var pipeline = (await _client.OkAsync("PUT", "/CreateImagePipeline", $"{{\"name\":\"nightly\",\"imageRecipeArn\":\"{recipe}\",\"infrastructureConfigurationArn\":\"{infrastructure}\",\"clientToken\":\"{Guid.NewGuid()}\"}}"))
            .Json.GetProperty("imagePipelineArn").GetString();
        var day = _emulator.Now.ToString("yyyy'/'MM'/'dd", System.Globalization.CultureInfo.InvariantCulture);
        var built = (await _client.OkAsync("PUT", "/StartImagePipelineExecution", $"{{\"imagePipelineArn\":\"{pipeline}\",\"clientToken\":\"{Guid.NewGuid()}\"}}"))
            .Json.GetProperty("imageBuildVersionArn").GetString()!;
        _emulator.AdvanceClock(_emulator.StageDuration * 10);

        var run = Messages(await Logs("GetLogEvents", $"{{\"logGroupName\":\"/aws/imagebuilder/pipeline/nightly\",\"logStreamName\":\"{day}\",\"startFromHead\":true}}"));

        Assert.Equal($"Pipeline execution started (USER_INITIATED) for image {built}: StartImagePipelineExecution was called.", run[0]);
        Assert.Equal($"Pipeline execution ended (USER_INITIATED) for image {built}: the image is AVAILABLE.", run[^1]);
    }

    /// <summary>
    /// A daily schedule that builds only on dependency updates: the first run builds (no image yet), the next is
    /// skipped, and after a new component version the run names it; all in the pipeline's own group.
    /// </summary>
    [Fact]
    public async Task Scheduled_runs_log_why_they_started_or_were_skipped()
    {
        const string yaml = "name: agent\\nschemaVersion: 1.0\\nphases:\\n  - name: build\\n    steps:\\n      - name: Run\\n        action: ExecuteBash\\n        inputs:\\n          commands:\\n            - echo hi\\n";
        async Task<string> Component(string version) =>
            (await _client.OkAsync("PUT", "/CreateComponent", $"{{\"name\":\"agent\",\"semanticVersion\":\"{version}\",\"platform\":\"Linux\",\"data\":\"{yaml}\",\"clientToken\":\"{Guid.NewGuid()}\"}}"))
                .Json.GetProperty("componentBuildVersionArn").GetString()!;
        await Component("1.0.0");
        var infrastructure = (await _client.OkAsync("PUT", "/CreateInfrastructureConfiguration", $"{{\"name\":\"daily-infra\",\"instanceProfileName\":\"p\",\"clientToken\":\"{Guid.NewGuid()}\"}}"))
            .Json.GetProperty("infrastructureConfigurationArn").GetString();
        var recipe = (await _client.OkAsync("PUT", "/CreateImageRecipe", "{\"name\":\"daily\",\"semanticVersion\":\"1.0.0\",\"parentImage\":\"arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x\"," +
            $"\"components\":[{{\"componentArn\":\"arn:aws:imagebuilder:us-east-1:123456789012:component/agent/x.x.x\"}}],\"clientToken\":\"{Guid.NewGuid()}\"}}"))
            .Json.GetProperty("imageRecipeArn").GetString();
        await _client.OkAsync("PUT", "/CreateImagePipeline", $"{{\"name\":\"daily\",\"imageRecipeArn\":\"{recipe}\",\"infrastructureConfigurationArn\":\"{infrastructure}\"," +
            "\"schedule\":{\"scheduleExpression\":\"cron(0 3 * * ? *)\",\"pipelineExecutionStartCondition\":\"EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE\"}," +
            $"\"loggingConfiguration\":{{\"pipelineLogGroupName\":\"/team/pipelines\"}},\"clientToken\":\"{Guid.NewGuid()}\"}}");

        _emulator.AdvanceClock(TimeSpan.FromDays(1));
        _emulator.AdvanceClock(TimeSpan.FromDays(1));
        var updated = await Component("1.0.1");
        _emulator.AdvanceClock(TimeSpan.FromDays(1));

        var lines = Messages(await Logs("FilterLogEvents", "{\"logGroupName\":\"/team/pipelines\"}"));
        Assert.Collection(lines,
            l => Assert.Matches(@"^Pipeline execution started \(SCHEDULED\) for image arn:\S+:image/daily/1\.0\.0/1: the schedule cron\(0 3 \* \* \? \*\) came due and the pipeline has no available image yet\.$", l),
            l => Assert.Matches(@"^Pipeline execution ended \(SCHEDULED\) for image arn:\S+/1\.0\.0/1: the image is AVAILABLE\.$", l),
            l => Assert.Matches(@"^Pipeline execution skipped \(SCHEDULED\): the schedule cron\(0 3 \* \* \? \*\) came due, but no component of the recipe was updated since the last run at \d{4}-\d\d-\d\dT03:00:00Z \(start condition EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE\)\.$", l),
            l => Assert.Equal($"Pipeline execution started (SCHEDULED) for image {updated.Replace(":component/agent/1.0.1/1", ":image/daily/1.0.0/2")}: the schedule cron(0 3 * * ? *) came due and a dependency was updated: {updated}.", l),
            l => Assert.EndsWith("/1.0.0/2: the image is AVAILABLE.", l));
        var streams = (await Logs("DescribeLogStreams", "{\"logGroupName\":\"/team/pipelines\"}")).GetProperty("logStreams").EnumerateArray().Select(s => s.GetProperty("logStreamName").GetString()!).ToList();
        Assert.Equal(3, streams.Count);
        Assert.All(streams, s => Assert.Matches(@"^\d{4}/\d\d/\d\d$", s));
    }
}
