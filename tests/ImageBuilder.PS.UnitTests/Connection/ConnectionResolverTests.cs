using Amazon.Runtime;
using ImageBuilder.PS.Aws;

namespace ImageBuilder.PS.UnitTests.Connection;

/// <summary>
/// Credentials, region and endpoint resolve in the documented order. Profiles live in temporary files and the
/// environment is a dictionary, so nothing here reads the real home directory or reaches instance metadata.
/// </summary>
public sealed class ConnectionResolverTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ibps-conn-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _env = new() { ["AWS_EC2_METADATA_DISABLED"] = "true" };

    public ConnectionResolverTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Credentials, """
            [default]
            aws_access_key_id = AKIDDEFAULT
            aws_secret_access_key = default-secret
            region = eu-west-1

            [build]
            aws_access_key_id = AKIDBUILD
            aws_secret_access_key = build-secret
            region = ap-southeast-2
            endpoint_url = http://127.0.0.1:5999

            [session]
            aws_access_key_id = AKIDSESSION
            aws_secret_access_key = session-secret
            aws_session_token = session-token
            """);
    }

    private string Credentials => Path.Combine(_folder, "credentials");

    private ConnectionOptions Options(Action<ConnectionOptions>? change = null)
    {
        var options = new ConnectionOptions { ProfileLocation = Credentials, Environment = name => _env.TryGetValue(name, out var v) ? v : null };
        change?.Invoke(options);
        return options;
    }

    private static ResolvedConnection Resolve(ConnectionOptions options) => ConnectionResolver.Resolve(options, ServiceBinding.ImageBuilder);

    private static string KeyOf(ResolvedConnection c) => c.Credentials.GetCredentials().AccessKey;

    [Fact]
    public void ExplicitKeysWinOverEverything()
    {
        _env["AWS_ACCESS_KEY_ID"] = "AKIDENV";
        _env["AWS_SECRET_ACCESS_KEY"] = "env-secret";
        var c = Resolve(Options(o => { o.AccessKey = "AKIDEXPLICIT"; o.SecretKey = "s"; o.SessionToken = "t"; o.ProfileName = "build"; o.Region = "us-west-2"; }));
        Assert.Equal("AKIDEXPLICIT", KeyOf(c));
        Assert.Equal("t", c.Credentials.GetCredentials().Token);
        Assert.Equal("us-west-2", c.Region);
        Assert.Equal("the -Region parameter", c.RegionSource);
    }

    [Fact]
    public void HalfAKeyPairNamesTheMissingParameter()
    {
        var e = Assert.Throws<ConnectionException>(() => Resolve(Options(o => o.AccessKey = "AKID")));
        Assert.Equal("SecretKey", e.ParameterName);
        e = Assert.Throws<ConnectionException>(() => Resolve(Options(o => o.SecretKey = "s")));
        Assert.Equal("AccessKey", e.ParameterName);
    }

    [Fact]
    public void ANamedProfileGivesCredentialsRegionAndEndpoint()
    {
        _env["AWS_ACCESS_KEY_ID"] = "AKIDENV";
        _env["AWS_SECRET_ACCESS_KEY"] = "env-secret";
        var c = Resolve(Options(o => o.ProfileName = "build"));
        Assert.Equal("AKIDBUILD", KeyOf(c));
        Assert.Equal("ap-southeast-2", c.Region);
        Assert.Equal("profile 'build'", c.RegionSource);
        Assert.Equal("http://127.0.0.1:5999", c.EndpointUrl);
    }

    [Fact]
    public void AMissingProfileIsAnErrorNeverAFallThrough()
    {
        _env["AWS_ACCESS_KEY_ID"] = "AKIDENV";
        _env["AWS_SECRET_ACCESS_KEY"] = "env-secret";
        var e = Assert.Throws<ConnectionException>(() => Resolve(Options(o => o.ProfileName = "nosuch")));
        Assert.Equal("ProfileName", e.ParameterName);
        Assert.Contains("'nosuch' was not found", e.Message);
        _env["AWS_PROFILE"] = "alsomissing";
        _env.Remove("AWS_ACCESS_KEY_ID");
        Assert.Throws<ConnectionException>(() => Resolve(Options()));
    }

    [Fact]
    public void StoredCredentialsComeBeforeTheEnvironment()
    {
        _env["AWS_ACCESS_KEY_ID"] = "AKIDENV";
        _env["AWS_SECRET_ACCESS_KEY"] = "env-secret";
        var stored = new BasicAWSCredentials("AKIDSTORED", "stored-secret");
        var c = Resolve(Options(o => { o.StoredCredentials = stored; o.StoredRegion = "ca-central-1"; }));
        Assert.Equal("AKIDSTORED", KeyOf(c));
        Assert.Equal("ca-central-1", c.Region);
        Assert.Equal("$StoredAWSRegion", c.RegionSource);
        var byName = Resolve(Options(o => { o.StoredCredentials = "session"; o.Region = "us-east-1"; }));
        Assert.Equal("AKIDSESSION", KeyOf(byName));
        Assert.Equal("session-token", byName.Credentials.GetCredentials().Token);
    }

    [Fact]
    public void EnvironmentKeysThenAwsProfileThenTheDefaultProfile()
    {
        _env["AWS_ACCESS_KEY_ID"] = "AKIDENV";
        _env["AWS_SECRET_ACCESS_KEY"] = "env-secret";
        _env["AWS_SESSION_TOKEN"] = "env-token";
        _env["AWS_PROFILE"] = "build";
        var fromEnv = Resolve(Options());
        Assert.Equal("AKIDENV", KeyOf(fromEnv));
        Assert.Equal("env-token", fromEnv.Credentials.GetCredentials().Token);
        Assert.Equal("ap-southeast-2", fromEnv.Region); // the region still comes from AWS_PROFILE's profile

        _env.Remove("AWS_ACCESS_KEY_ID");
        var fromProfile = Resolve(Options());
        Assert.Equal("AKIDBUILD", KeyOf(fromProfile));
        Assert.Contains("AWS_PROFILE", fromProfile.CredentialSource);

        _env.Remove("AWS_PROFILE");
        var fromDefault = Resolve(Options());
        Assert.Equal("AKIDDEFAULT", KeyOf(fromDefault));
        Assert.Equal("eu-west-1", fromDefault.Region);
    }

    [Fact]
    public void RegionVariablesComeBeforeTheProfile()
    {
        _env["AWS_DEFAULT_REGION"] = "sa-east-1";
        Assert.Equal("sa-east-1", Resolve(Options()).Region);
        _env["AWS_REGION"] = "me-south-1";
        var c = Resolve(Options());
        Assert.Equal("me-south-1", c.Region);
        Assert.Equal("AWS_REGION", c.RegionSource);
    }

    [Fact]
    public void NoCredentialsAndNoRegionSayWhatToSet()
    {
        File.WriteAllText(Credentials, "");
        var noCredentials = Assert.Throws<ConnectionException>(() => Resolve(Options()));
        Assert.Contains("Set-AWSCredential", noCredentials.Message);
        _env["AWS_ACCESS_KEY_ID"] = "AKIDENV";
        _env["AWS_SECRET_ACCESS_KEY"] = "env-secret";
        var noRegion = Assert.Throws<ConnectionException>(() => Resolve(Options()));
        Assert.Equal("Region", noRegion.ParameterName);
        Assert.Contains("-Region", noRegion.Message);
        Assert.Contains("AWS_REGION", noRegion.Message);
    }

    [Fact]
    public void ARegionThatCannotBeInAHostNameIsRefusedNamingItsSource()
    {
        var given = Assert.Throws<ConnectionException>(() => Resolve(Options(o => o.Region = "not a region")));
        Assert.Equal("Region", given.ParameterName);
        Assert.Equal("'not a region' (from the -Region parameter) is not a region name: it may hold only letters, digits and hyphens, as in us-east-1.", given.Message);
        _env["AWS_REGION"] = "eu_west_1";
        var fromEnvironment = Assert.Throws<ConnectionException>(() => Resolve(Options()));
        Assert.Null(fromEnvironment.ParameterName);
        Assert.Contains("(from AWS_REGION)", fromEnvironment.Message);
    }

    [Fact]
    public void EndpointsResolveInOrder()
    {
        _env["AWS_ENDPOINT_URL"] = "http://127.0.0.1:7001";
        Assert.Equal("http://127.0.0.1:7001", Resolve(Options(o => o.Region = "us-east-1")).EndpointUrl);
        _env["AWS_ENDPOINT_URL_IMAGEBUILDER"] = "http://127.0.0.1:7002/";
        var service = Resolve(Options(o => o.Region = "us-east-1"));
        Assert.Equal("http://127.0.0.1:7002", service.EndpointUrl);
        Assert.Equal("AWS_ENDPOINT_URL_IMAGEBUILDER", service.EndpointSource);
        Assert.Equal("http://127.0.0.1:7001", ConnectionResolver.Resolve(Options(o => o.Region = "us-east-1"), ServiceBinding.WorkSpaces).EndpointUrl);
        Assert.Equal("http://127.0.0.1:7003", Resolve(Options(o => { o.Region = "us-east-1"; o.EndpointUrl = "http://127.0.0.1:7003"; })).EndpointUrl);
        _env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
        Assert.Null(Resolve(Options(o => o.Region = "us-east-1")).EndpointUrl);
        var bad = Assert.Throws<ConnectionException>(() => Resolve(Options(o => { o.Region = "us-east-1"; o.EndpointUrl = "not a url"; })));
        Assert.Equal("EndpointUrl", bad.ParameterName);
    }

    [Fact]
    public void CloudWatchLogsHasItsOwnEndpointVariable()
    {
        _env["AWS_ENDPOINT_URL"] = "http://127.0.0.1:7001";
        _env["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = "http://127.0.0.1:7004";
        var logs = ConnectionResolver.Resolve(Options(o => o.Region = "us-east-1"), ServiceBinding.Logs);
        Assert.Equal("http://127.0.0.1:7004", logs.EndpointUrl);
        Assert.Equal("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", logs.EndpointSource);
        Assert.Equal("http://127.0.0.1:7001", Resolve(Options(o => o.Region = "us-east-1")).EndpointUrl);
        Assert.Equal("http://127.0.0.1:7003", ConnectionResolver.Resolve(Options(o => { o.Region = "us-east-1"; o.EndpointUrl = "http://127.0.0.1:7003"; }), ServiceBinding.Logs).EndpointUrl);
    }

    [Fact]
    public void FipsAndDualStackComeFromTheEnvironment()
    {
        _env["AWS_USE_FIPS_ENDPOINT"] = "true";
        _env["AWS_USE_DUALSTACK_ENDPOINT"] = "true";
        var c = Resolve(Options(o => { o.ProfileName = "session"; o.Region = "us-east-1"; }));
        Assert.True(c.UseFips);
        Assert.True(c.UseDualStack);
    }

    [Fact]
    public void OneClientPerSettings()
    {
        using var cache = new ClientCache();
        var a = Resolve(Options(o => { o.AccessKey = "AKIDA"; o.SecretKey = "s"; o.Region = "us-east-1"; }));
        var again = Resolve(Options(o => { o.AccessKey = "AKIDA"; o.SecretKey = "s"; o.Region = "us-east-1"; }));
        var otherRegion = Resolve(Options(o => { o.AccessKey = "AKIDA"; o.SecretKey = "s"; o.Region = "us-west-2"; }));
        var otherSecret = Resolve(Options(o => { o.AccessKey = "AKIDA"; o.SecretKey = "t"; o.Region = "us-east-1"; }));
        var client = cache.Get(ServiceBinding.ImageBuilder, a);
        Assert.Same(client, cache.Get(ServiceBinding.ImageBuilder, again));
        Assert.NotSame(client, cache.Get(ServiceBinding.ImageBuilder, otherRegion));
        Assert.NotSame(client, cache.Get(ServiceBinding.ImageBuilder, otherSecret));
        Assert.NotSame(client, cache.Get(ServiceBinding.AppStream, a));
        Assert.Equal(4, cache.Count);
        Assert.DoesNotContain("s", a.CacheKey(ServiceBinding.ImageBuilder).Split('|'));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
