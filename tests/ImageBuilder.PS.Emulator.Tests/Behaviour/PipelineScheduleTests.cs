using ImageBuilder.PS.Emulator.Tests.Support;

namespace ImageBuilder.PS.Emulator.Tests.Behaviour;

/// <summary>Pipeline schedules: Image Builder's cron expressions and IANA time zones are taken, anything else refused.</summary>
public sealed class PipelineScheduleTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly RawClient _client;
    private string? _recipe, _infrastructure;

    public PipelineScheduleTests(EmulatorFixture fixture)
    {
        fixture.Emulator.Reset();
        _client = new RawClient(fixture.Emulator.Url);
    }

    public void Dispose() => _client.Dispose();


    /// <summary>The body of a pipeline request with the given schedule (as JSON).</summary>
    private async Task<string> PipelineBody(string nameOrArn, string schedule)
    {
        if (_recipe is null)
        {
            _infrastructure = (await _client.OkAsync("PUT", "/CreateInfrastructureConfiguration", $"{{\"name\":\"infra\",\"instanceProfileName\":\"p\",\"clientToken\":\"{Guid.NewGuid()}\"}}"))
                .Json.GetProperty("infrastructureConfigurationArn").GetString();
            _recipe = (await _client.OkAsync("PUT", "/CreateImageRecipe", "{\"name\":\"scheduled\",\"semanticVersion\":\"1.0.0\",\"parentImage\":\"arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x\"," +
                $"\"components\":[{{\"componentArn\":\"arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x\"}}],\"clientToken\":\"{Guid.NewGuid()}\"}}"))
                .Json.GetProperty("imageRecipeArn").GetString();
        }
        var key = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? "imagePipelineArn" : "name";
        return $"{{\"{key}\":\"{nameOrArn}\",\"imageRecipeArn\":\"{_recipe}\",\"infrastructureConfigurationArn\":\"{_infrastructure}\",\"schedule\":{schedule},\"clientToken\":\"{Guid.NewGuid()}\"}}";
    }

    [Theory]
    [InlineData("{\"scheduleExpression\":\"cron(99 99 * * ? *)\"}", "schedule.scheduleExpression")]
    [InlineData("{\"scheduleExpression\":\"rate(1 day)\"}", "schedule.scheduleExpression")]
    [InlineData("{\"scheduleExpression\":\"cron(99999999999 0 * * ? *)\"}", "schedule.scheduleExpression")]
    [InlineData("{\"scheduleExpression\":\"cron(0 3 * * ? *)\",\"timezone\":\"Not/AZone\"}", "schedule.timezone")]
    public async Task Invalid_schedules_are_refused_on_create_and_update(string schedule, string member)
    {
        var created = await _client.RestJsonAsync("PUT", "/CreateImagePipeline", await PipelineBody("refused", schedule));
        var arn = (await _client.OkAsync("PUT", "/CreateImagePipeline", await PipelineBody("accepted", "{\"scheduleExpression\":\"cron(0 3 * * ? *)\"}")))
            .Json.GetProperty("imagePipelineArn").GetString()!;
        var updated = await _client.RestJsonAsync("PUT", "/UpdateImagePipeline", await PipelineBody(arn, schedule));

        foreach (var response in new[] { created, updated })
        {
            Assert.Equal((400, "InvalidParameterValueException"), (response.Status, response.ErrorType));
            Assert.Contains(member, response.Json.GetProperty("message").GetString());
        }
    }

    [Theory]
    [InlineData("cron(0 3 * * ? *)", "Europe/Berlin")]
    [InlineData("cron(0 3 * * *)", "Etc/UTC")]
    [InlineData("cron(0/30 8-18 ? * MON-FRI *)", "America/Los_Angeles")]
    [InlineData("cron(0 0 L JAN,JUL ? *)", null)]
    [InlineData("cron(0 0 15W * ? *)", null)]
    [InlineData("cron(0 9 ? * 2#1 *)", null)]
    [InlineData("cron(0 9 ? * 6L 2030)", null)]
    public async Task Valid_schedules_are_taken(string expression, string? timezone)
    {
        var schedule = timezone is null ? $"{{\"scheduleExpression\":\"{expression}\"}}" : $"{{\"scheduleExpression\":\"{expression}\",\"timezone\":\"{timezone}\"}}";

        await _client.OkAsync("PUT", "/CreateImagePipeline", await PipelineBody("valid", schedule));
    }
}
