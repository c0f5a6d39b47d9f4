namespace ImageBuilder.PS.Tests.Components;

/// <summary>Component build, import and policy responses as Image Builder sends them, for the loopback listener to answer with.</summary>
internal static class ComponentSamples
{
    public const string VersionArn = "arn:aws:imagebuilder:us-east-1:123456789012:component/install-agent/1.0.0";
    public const string BuildArn = VersionArn + "/1";
    public const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["210987654321"]},"Action":["imagebuilder:GetComponent"],"Resource":["*"]}]}""";
    public const string Script = "#!/bin/bash\necho installing the agent\n";

    public static string Builds(params int[] builds) =>
        "{\"requestId\":\"r\",\"componentSummaryList\":[" + string.Join(",", builds.Select(b =>
            $"{{\"arn\":\"{VersionArn}/{b}\",\"name\":\"install-agent\",\"version\":\"1.0.0\",\"platform\":\"Linux\",\"type\":\"BUILD\",\"owner\":\"123456789012\"," +
            $"\"state\":{{\"status\":\"{(b == 1 ? "DEPRECATED" : "ACTIVE")}\"}},\"description\":\"Installs the agent\",\"dateCreated\":\"2026-02-01T10:00:00.000Z\",\"tags\":{{\"Team\":\"Platform\"}}}}")) + "]}";

    public static string Versions(params string[] names) =>
        "{\"requestId\":\"r\",\"componentVersionList\":[" + string.Join(",", names.Select(n =>
            $"{{\"arn\":\"arn:aws:imagebuilder:us-east-1:123456789012:component/{n}/1.0.0\",\"name\":\"{n}\",\"version\":\"1.0.0\",\"platform\":\"Linux\",\"type\":\"BUILD\",\"owner\":\"123456789012\"}}")) + "]}";

    public const string Imported = """{"requestId":"r","clientToken":"t","componentBuildVersionArn":"arn:aws:imagebuilder:us-east-1:123456789012:component/install-agent/1.0.0/1"}""";

    public const string Component = """
        {"requestId":"r","component":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:component/install-agent/1.0.0/1","name":"install-agent",
        "version":"1.0.0","type":"BUILD","platform":"Linux","owner":"123456789012","data":"name: install-agent\nschemaVersion: 1.0\n",
        "dateCreated":"2026-02-01T10:00:00.000Z","state":{"status":"ACTIVE"}}}
        """;

    public static string PolicyResponse => "{\"requestId\":\"r\",\"policy\":" + System.Text.Json.JsonSerializer.Serialize(Policy) + "}";
}
