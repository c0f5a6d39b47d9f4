using System.Text.Json;

namespace ImageBuilder.PS.Tests.Images;

/// <summary>
/// Answers as Image Builder, AppStream and WorkSpaces send them, for the image, container recipe, scan and hand-off
/// tests. Built with a JSON writer from plain values so each test states only what it cares about.
/// </summary>
internal static class ImageSamples
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";
    public const string VersionArn = "arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0";
    public const string BuildArn = VersionArn + "/3";
    public const string RecipeArn = "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/golden-windows/1.0.0";
    public const string InfrastructureArn = "arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/build-small";
    public const string DistributionArn = "arn:aws:imagebuilder:us-east-1:123456789012:distribution-configuration/two-regions";
    public const string PipelineArn = "arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/nightly";
    public const string ContainerRecipeArn = "arn:aws:imagebuilder:us-east-1:123456789012:container-recipe/web-app/1.0.0";
    public const string Ami = "ami-0123456789abcdef0";
    public const string WestAmi = "ami-0fedcba9876543210";

    public static string ToJson(object value) => JsonSerializer.Serialize(value);

    public static Dictionary<string, object?> Amis(params (string Region, string Image)[] amis) => new()
    {
        ["amis"] = amis.Select(a => new Dictionary<string, object?> { ["region"] = a.Region, ["image"] = a.Image, ["name"] = "golden-windows " + a.Image, ["accountId"] = Account }).ToList(),
    };

    /// <summary>One image build as ListImageBuildVersions and GetImage describe it.</summary>
    public static Dictionary<string, object?> Build(string name, string version, int build, string status, bool withAmi = true) => new()
    {
        ["arn"] = $"arn:aws:imagebuilder:us-east-1:{Account}:image/{name}/{version}/{build}",
        ["name"] = name,
        ["type"] = "AMI",
        ["version"] = version,
        ["platform"] = "Windows",
        ["osVersion"] = "Microsoft Windows Server 2022",
        ["state"] = status == "FAILED" ? new Dictionary<string, object?> { ["status"] = status, ["reason"] = "Distribution failed" } : new Dictionary<string, object?> { ["status"] = status },
        ["owner"] = Account,
        ["dateCreated"] = $"2026-03-0{build}T05:06:07.000Z",
        ["outputResources"] = withAmi ? Amis((Region, Ami)) : null,
        ["buildType"] = "USER_INITIATED",
        ["imageSource"] = "CUSTOM",
    };

    public static string BuildVersions(string? nextToken, params Dictionary<string, object?>[] builds) =>
        ToJson(new Dictionary<string, object?> { ["requestId"] = "r1", ["imageSummaryList"] = builds, ["nextToken"] = nextToken });

    public static string ImageVersions(params string[] names) =>
        ToJson(new Dictionary<string, object?>
        {
            ["requestId"] = "r2",
            ["imageVersionList"] = names.Select(n => new Dictionary<string, object?>
            {
                ["arn"] = $"arn:aws:imagebuilder:us-east-1:{Account}:image/{n}/1.0.0",
                ["name"] = n, ["type"] = "AMI", ["version"] = "1.0.0", ["platform"] = "Windows", ["owner"] = Account,
                ["dateCreated"] = "2026-03-01T05:06:07.000Z",
            }).ToList(),
        });

    /// <summary>GetImage's answer for a build; <paramref name="amis"/> replaces its output AMIs.</summary>
    public static string Image(string arn = BuildArn, string status = "AVAILABLE", Dictionary<string, object?>? amis = null)
    {
        var parts = arn.Split('/');
        var image = Build(parts[1], parts[2], int.Parse(parts[3]), status);
        image.Remove("owner");
        image["outputResources"] = amis ?? Amis((Region, Ami));
        image["imageRecipe"] = new Dictionary<string, object?> { ["arn"] = RecipeArn, ["name"] = "golden-windows" };
        image["tags"] = new Dictionary<string, object?> { ["Team"] = "Platform" };
        return ToJson(new Dictionary<string, object?> { ["requestId"] = "r3", ["image"] = image });
    }

    public static string Packages(string? nextToken, params (string Name, string Version)[] packages) =>
        ToJson(new Dictionary<string, object?>
        {
            ["requestId"] = "r4",
            ["imagePackageList"] = packages.Select(p => new Dictionary<string, object?> { ["packageName"] = p.Name, ["packageVersion"] = p.Version }).ToList(),
            ["nextToken"] = nextToken,
        });

    public static string BuildArnAnswer(string member, string arn) =>
        ToJson(new Dictionary<string, object?> { ["requestId"] = "r5", ["clientToken"] = "t", [member] = arn });

    public const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["210987654321"]},"Action":["imagebuilder:GetImage"],"Resource":["*"]}]}""";

    // Container recipes

    public static string ContainerRecipeSummaries(params string[] names) =>
        ToJson(new Dictionary<string, object?>
        {
            ["requestId"] = "r6",
            ["containerRecipeSummaryList"] = names.Select(n => new Dictionary<string, object?>
            {
                ["arn"] = $"arn:aws:imagebuilder:us-east-1:{Account}:container-recipe/{n}/1.0.0",
                ["containerType"] = "DOCKER", ["name"] = n, ["platform"] = "Linux", ["owner"] = Account,
                ["parentImage"] = "amazonlinux:2023", ["dateCreated"] = "2026-02-03T04:05:06.000Z",
            }).ToList(),
        });

    public const string Dockerfile = "FROM {{{ imagebuilder:parentImage }}}\n{{{ imagebuilder:environments }}}\n{{{ imagebuilder:components }}}\n";

    public static string FullContainerRecipe() =>
        ToJson(new Dictionary<string, object?>
        {
            ["requestId"] = "r7",
            ["containerRecipe"] = new Dictionary<string, object?>
            {
                ["arn"] = ContainerRecipeArn, ["containerType"] = "DOCKER", ["name"] = "web-app", ["description"] = "The web app",
                ["platform"] = "Linux", ["owner"] = Account, ["version"] = "1.0.0",
                ["components"] = new[] { new Dictionary<string, object?> { ["componentArn"] = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x" } },
                ["dockerfileTemplateData"] = Dockerfile, ["encrypted"] = true, ["parentImage"] = "amazonlinux:2023",
                ["dateCreated"] = "2026-02-03T04:05:06.000Z", ["tags"] = new Dictionary<string, object?> { ["Team"] = "Web" },
                ["targetRepository"] = new Dictionary<string, object?> { ["service"] = "ECR", ["repositoryName"] = "web-app" },
            },
        });

    // Scans

    public static Dictionary<string, object?> Finding(string id, string severity, double score, string imageArn = BuildArn) => new()
    {
        ["awsAccountId"] = Account,
        ["imageBuildVersionArn"] = imageArn,
        ["imagePipelineArn"] = PipelineArn,
        ["type"] = "PACKAGE_VULNERABILITY",
        ["title"] = $"{id} - openssl",
        ["description"] = $"A flaw in openssl ({id}).",
        ["severity"] = severity,
        ["inspectorScore"] = score,
        ["fixAvailable"] = "YES",
        ["firstObservedAt"] = 1772600000.0,
        ["remediation"] = new Dictionary<string, object?> { ["recommendation"] = new Dictionary<string, object?> { ["text"] = "Update openssl." } },
        ["packageVulnerabilityDetails"] = new Dictionary<string, object?>
        {
            ["vulnerabilityId"] = id,
            ["source"] = "NVD",
            ["vulnerablePackages"] = new[] { new Dictionary<string, object?> { ["name"] = "openssl", ["version"] = "3.0.1", ["fixedInVersion"] = "3.0.8" } },
        },
    };

    public static string Findings(string? nextToken, params Dictionary<string, object?>[] findings) =>
        ToJson(new Dictionary<string, object?> { ["requestId"] = "r8", ["findings"] = findings, ["nextToken"] = nextToken });

    public static string Aggregations(string type, params Dictionary<string, object?>[] responses) =>
        ToJson(new Dictionary<string, object?> { ["requestId"] = "r9", ["aggregationType"] = type, ["responses"] = responses });

    public static Dictionary<string, object?> Counts(long all, long critical, long high, long medium) =>
        new() { ["all"] = all, ["critical"] = critical, ["high"] = high, ["medium"] = medium };

    // AppStream and WorkSpaces

    public static Dictionary<string, object?> AppStreamImage(string name, string state) => new()
    {
        ["Name"] = name,
        ["Arn"] = $"arn:aws:appstream:us-east-1:{Account}:image/{name}",
        ["State"] = state,
        ["Visibility"] = "PRIVATE",
        ["Platform"] = "WINDOWS_SERVER_2022",
        ["ImageType"] = "CUSTOM",
        ["CreatedTime"] = 1772600000.0,
        ["SupportedInstanceFamilies"] = new[] { "GENERAL_PURPOSE" },
    };

    public static string AppStreamImages(string? nextToken, params Dictionary<string, object?>[] images) =>
        ToJson(new Dictionary<string, object?> { ["Images"] = images, ["NextToken"] = nextToken });

    public static Dictionary<string, object?> WorkSpacesImage(string id, string name, string state) => new()
    {
        ["ImageId"] = id,
        ["Name"] = name,
        ["Description"] = "golden",
        ["OperatingSystem"] = new Dictionary<string, object?> { ["Type"] = "WINDOWS" },
        ["State"] = state,
        ["RequiredTenancy"] = "DEDICATED",
        ["Created"] = 1772600000.0,
        ["OwnerAccountId"] = Account,
    };

    public static string WorkSpacesImages(string? nextToken, params Dictionary<string, object?>[] images) =>
        ToJson(new Dictionary<string, object?> { ["Images"] = images, ["NextToken"] = nextToken });
}
