using System.Management.Automation;
using System.Text;
using ImageBuilder.PS.Emulator;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Logs;

/// <summary>-ShowLog on the waits: every line of the build log once, a log that appears late, and a log that cannot be read.</summary>
public sealed class ShowLogTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _f;

    public ShowLogTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Emulator.Reset();
        _f.Emulator.ClearFaults();
        _f.Emulator.SetClock(ClockMode.Scaled, 20);
        WindowsRecipe.Make(_f);
    }

    public void Dispose() => _f.Emulator.ClearFaults();

    /// <summary>The log lines a wait showed (time prefix removed) and the build's log as Get-IbImageLog reads it afterwards.</summary>
    private const string ShownAndLogged = """
        [pscustomobject]@{
            Image = $image
            Shown = @($info | Where-Object Tags -Contains 'ImageBuilder.PS.Log' | ForEach-Object { $_.MessageData.Message -replace '^\d\d:\d\d:\d\d ', '' })
            Tags = @($info | Where-Object Tags -Contains 'ImageBuilder.PS.Log' | Select-Object -First 1 | ForEach-Object Tags)
            Logged = @(Get-IbImageLog -Arn $image.Arn | ForEach-Object Message)
        }
        """;

    [Fact]
    public void A_wait_shows_every_line_of_the_build_log_once_in_order()
    {
        var result = _f.Run("$image = New-IbImage -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn -Wait -ShowLog -PollInterval 0.05 -InformationVariable info\n" + ShownAndLogged);

        result.AssertSuccess();
        Assert.Empty(result.Warnings);
        dynamic r = result.Output.Single();
        var shown = ((object[])r.Shown).Select(o => o.ToString()!).ToList();
        Assert.Equal(((object[])r.Logged).Select(o => o.ToString()!), shown);
        Assert.Equal("Image Builder: the build ended AVAILABLE.", shown[^1]);
        Assert.Equal(new[] { "PSHOST", "ImageBuilder.PS.Log" }, ((object[])r.Tags).Select(o => o.ToString()));
    }

    [Fact]
    public async Task A_log_that_appears_late_is_shown_when_it_does_without_a_warning()
    {
        _f.Emulator.SetClock(ClockMode.Stepped);
        _f.Run("$image = New-IbImage -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn").AssertSuccess();
        DeleteLogGroup("/aws/imagebuilder/golden-windows");
        // The first looks find no log; then the build goes on and its next lines make the group and stream again.
        var clock = Task.Run(async () =>
        {
            await Task.Delay(400);
            for (int i = 0; i < 40; i++)
            {
                _f.Emulator.AdvanceClock(_f.Emulator.StageDuration);
                await Task.Delay(30);
            }
        });

        var result = _f.Run("$image = Wait-IbImage -Arn $image.Arn -ShowLog -PollInterval 0.05 -InformationVariable info\n" + ShownAndLogged);
        await clock;

        result.AssertSuccess();
        Assert.Empty(result.Warnings);
        dynamic r = result.Output.Single();
        var shown = ((object[])r.Shown).Select(o => o.ToString()!).ToList();
        Assert.NotEmpty(shown);
        Assert.DoesNotContain(shown, l => l.StartsWith("Image Builder: build of ", StringComparison.Ordinal));
        Assert.Equal(((object[])r.Logged).Select(o => o.ToString()!), shown);
    }

    [Fact]
    public void A_log_that_cannot_be_read_costs_one_warning_not_the_wait()
    {
        _f.Emulator.AddFault(new FaultRule { Operation = "GetLogEvents", Kind = FaultKind.ServerError });

        var result = _f.Run("New-IbImage -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn -Wait -ShowLog -PollInterval 0.05");

        result.AssertSuccess();
        Assert.Equal("AVAILABLE", result.Single<Model.Ib.Image>().State?.Status);
        var warning = Assert.Single(result.Warnings).Message;
        Assert.StartsWith("-ShowLog: the build log of arn:aws:imagebuilder:", warning);
        Assert.Contains("The wait goes on", warning);
    }

    [Fact]
    public void ShowLog_without_Wait_says_what_it_needs()
    {
        var result = _f.Run("New-IbImage -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn -ShowLog");

        result.AssertSuccess();
        Assert.Contains("Add -Wait, or follow the build with Get-IbImageLog -Follow.", Assert.Single(result.Warnings).Message);
    }

    /// <summary>As the log's retention or a user would: the build's next lines make the group again.</summary>
    private void DeleteLogGroup(string name)
    {
        using var http = new HttpClient { BaseAddress = new Uri(_f.Emulator.Url) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent($"{{\"logGroupName\":\"{name}\"}}", Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "Logs_20140328.DeleteLogGroup");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20250101T000000Z");
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEMULATOR/20250101/us-east-1/logs/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        var response = http.Send(request);
        Assert.True(response.IsSuccessStatusCode, response.Content.ReadAsStringAsync().Result);
    }
}
