using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Faults;

/// <summary>Input refused before anything is sent, with messages a person can read: short excerpts, the user's own sizes.</summary>
public sealed class InputMessageTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public InputMessageTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    [Theory]
    [InlineData("arn:aws:imagebuilder:us-east-1:123456789012:component/tools/1.0.0/1", "component")]
    [InlineData("arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/golden/1.0.0", "image recipe")]
    [InlineData("not-an-arn", null)]
    public void Wait_IbImage_refuses_what_is_not_an_image_arn_without_asking_the_service(string arn, string? kind)
    {
        var result = _f.Run("Wait-IbImage -EndpointUrl $Endpoint -Arn $Arn -Timeout 00:00:05", new Dictionary<string, object?> { ["Arn"] = arn });

        var error = Assert.Single(result.Errors);
        Assert.Equal("ParameterValueInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("is not an image ARN", error.Exception.Message);
        if (kind is not null) Assert.Contains($"it names a {kind}", error.Exception.Message);
        Assert.Empty(_f.Server.Requests);
    }

    [Fact]
    public void A_very_long_value_is_shown_by_its_start_and_its_length()
    {
        var result = _f.Run("New-IbInfrastructureConfiguration -EndpointUrl $Endpoint -Name ('n' * 10000) -InstanceProfileName p");

        var message = Assert.Single(result.Errors).Exception.Message;
        Assert.Contains("(10,000 characters)", message);
        Assert.True(message.Length < 600, $"{message.Length} characters: {message[..Math.Min(200, message.Length)]}");
        Assert.Empty(_f.Server.Requests);
    }

    [Fact]
    public void Too_much_user_data_is_measured_in_the_user_bytes_against_the_raw_limit()
    {
        var result = _f.Run("New-IbRecipe -EndpointUrl $Endpoint -Name big -SemanticVersion 1.0.0 -ParentImage ami-0123456789abcdef0 -Component arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x -UserDataOverride ('x' * 30000)");

        var message = Assert.Single(result.Errors).Exception.Message;
        Assert.Contains("-UserDataOverride is 30,000 bytes", message);
        Assert.Contains("at most 16,383 bytes", message);
        Assert.True(message.Length < 300, $"{message.Length} characters");
        Assert.Empty(_f.Server.Requests);
    }

    [Fact]
    public void User_data_within_the_limit_is_sent_encoded()
    {
        _f.Server.Default = _ => CannedResponse.Json("{\"imageRecipeArn\":\"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/ok/1.0.0\"}");

        _f.Run("New-IbRecipe -EndpointUrl $Endpoint -Name fits -SemanticVersion 1.0.0 -ParentImage ami-0123456789abcdef0 -Component arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x -UserDataOverride ('x' * 16383) -WarningAction SilentlyContinue");

        var create = _f.Server.Requests.First();
        Assert.Equal(21844, create.Json.GetProperty("additionalInstanceConfiguration").GetProperty("userDataOverride").GetString()!.Length);
    }
}
