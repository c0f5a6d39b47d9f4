using ImageBuilder.PS.Aws;

namespace ImageBuilder.PS.UnitTests.Connection;

/// <summary>
/// A kept connection is reused only while what it was resolved from is unchanged: options, the environment
/// variables read, and the profile file. Each test uses its own profile file, so keys never collide between tests.
/// </summary>
public sealed class ResolvedConnectionsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ibps-kept-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _env = new() { ["AWS_EC2_METADATA_DISABLED"] = "true", ["AWS_REGION"] = "us-east-1" };

    public ResolvedConnectionsTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Credentials, "[default]\naws_access_key_id = AKIDFIRST\naws_secret_access_key = first-secret\n");
    }

    private string Credentials => Path.Combine(_folder, "credentials");

    private ConnectionOptions Options() =>
        new() { ProfileLocation = Credentials, Environment = name => _env.TryGetValue(name, out var v) ? v : null };

    private ResolvedConnection Get() => ResolvedConnections.Get(Options(), ServiceBinding.ImageBuilder);

    [Fact]
    public void TheSameSettingsGiveTheKeptConnection()
    {
        Assert.Same(Get(), Get());
    }

    [Fact]
    public void AChangedVariableTheResolverReadIsResolvedAgain()
    {
        var first = Get();
        _env["AWS_REGION"] = "eu-west-1";
        var second = Get();

        Assert.NotSame(first, second);
        Assert.Equal("eu-west-1", second.Region);
    }

    [Fact]
    public void AVariableThatAppearsIsSeen()
    {
        var first = Get();
        _env["AWS_ENDPOINT_URL_IMAGEBUILDER"] = "http://127.0.0.1:5998";

        Assert.Null(first.EndpointUrl);
        Assert.Equal("http://127.0.0.1:5998", Get().EndpointUrl);
    }

    [Fact]
    public void ARewrittenProfileFileIsReadAgain()
    {
        Assert.Equal("AKIDFIRST", Get().Credentials.GetCredentials().AccessKey);
        File.WriteAllText(Credentials, "[default]\naws_access_key_id = AKIDSECONDLONGER\naws_secret_access_key = second-secret\n");

        Assert.Equal("AKIDSECONDLONGER", Get().Credentials.GetCredentials().AccessKey);
    }

    [Fact]
    public void OtherStoredCredentialsAreNotTheKeptOnes()
    {
        var options = Options();
        options.StoredCredentials = new Amazon.Runtime.BasicAWSCredentials("AKIDSTOREDONE", "one");
        var first = ResolvedConnections.Get(options, ServiceBinding.ImageBuilder);
        options.StoredCredentials = new Amazon.Runtime.BasicAWSCredentials("AKIDSTOREDTWO", "two");
        var second = ResolvedConnections.Get(options, ServiceBinding.ImageBuilder);

        Assert.Equal("AKIDSTOREDTWO", second.Credentials.GetCredentials().AccessKey);
        Assert.NotSame(first, second);
    }

    [Fact]
    public void AFailureIsNotKept()
    {
        File.Delete(Credentials);
        Assert.Throws<ConnectionException>(Get);
        File.WriteAllText(Credentials, "[default]\naws_access_key_id = AKIDBACK\naws_secret_access_key = back-secret\n");

        Assert.Equal("AKIDBACK", Get().Credentials.GetCredentials().AccessKey);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
