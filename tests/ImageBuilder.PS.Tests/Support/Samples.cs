namespace ImageBuilder.PS.Tests.Support;

/// <summary>Service responses as Image Builder sends them, for the loopback listener to answer with.</summary>
internal static class Samples
{
    public const string Account = "123456789012";
    public const string ImageVersionArn = "arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0";
    public const string ImageBuildArn = "arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0/3";
    public const string ComponentVersionArn = "arn:aws:imagebuilder:us-east-1:123456789012:component/install-agent/1.0.0";
    public const string ComponentBuildArn = "arn:aws:imagebuilder:us-east-1:123456789012:component/install-agent/1.0.0/1";

    public static string ImageVersions(string? nextToken = null, params string[] names) =>
        "{\"requestId\":\"r1\",\"imageVersionList\":[" + string.Join(",", names.Select(n =>
            $"{{\"arn\":\"arn:aws:imagebuilder:us-east-1:{Account}:image/{n}/1.0.0\",\"name\":\"{n}\",\"type\":\"AMI\",\"version\":\"1.0.0\",\"platform\":\"Windows\",\"osVersion\":\"Microsoft Windows Server 2022\",\"owner\":\"{Account}\",\"dateCreated\":\"2026-03-04T05:06:07.000Z\",\"buildType\":\"USER_INITIATED\"}}")) +
        "]" + (nextToken is null ? "" : $",\"nextToken\":\"{nextToken}\"") + "}";

    public const string Image = """
        {"requestId":"r2","image":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0/3","type":"AMI",
        "name":"golden-windows","version":"1.0.0","platform":"Windows","osVersion":"Microsoft Windows Server 2022",
        "state":{"status":"AVAILABLE"},"dateCreated":"2026-03-04T05:06:07.000Z",
        "outputResources":{"amis":[{"region":"us-east-1","image":"ami-0123456789abcdef0","name":"golden-windows 2026-03-04","state":{"status":"AVAILABLE"},"accountId":"123456789012"}]},
        "tags":{"Team":"Platform"},"buildType":"USER_INITIATED","imageSource":"CUSTOM"}}
        """;

    public static string ComponentVersions(params string[] names) =>
        "{\"requestId\":\"r3\",\"componentVersionList\":[" + string.Join(",", names.Select(n =>
            $"{{\"arn\":\"arn:aws:imagebuilder:us-east-1:{Account}:component/{n}/1.0.0\",\"name\":\"{n}\",\"version\":\"1.0.0\",\"platform\":\"Windows\",\"type\":\"BUILD\",\"owner\":\"{Account}\",\"dateCreated\":\"2026-02-01T10:00:00.000Z\",\"status\":\"ACTIVE\"}}")) + "]}";

    public const string Component = """
        {"requestId":"r4","component":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:component/install-agent/1.0.0/1","name":"install-agent",
        "version":"1.0.0","description":"Installs the agent","type":"BUILD","platform":"Windows","owner":"123456789012",
        "data":"name: install-agent\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps: []\n","encrypted":true,
        "dateCreated":"2026-02-01T10:00:00.000Z","tags":{"Team":"Platform"},"state":{"status":"ACTIVE"}}}
        """;

    public const string Created = """{"requestId":"r5","clientToken":"t","componentBuildVersionArn":"arn:aws:imagebuilder:us-east-1:123456789012:component/install-agent/1.0.0/1"}""";

    public const string Document = "name: install-agent\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: Install\n        action: ExecutePowerShell\n        inputs:\n          commands: ['Write-Host hi']\n";
}
