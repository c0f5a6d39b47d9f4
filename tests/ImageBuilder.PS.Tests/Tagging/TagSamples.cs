namespace ImageBuilder.PS.Tests.Tagging;

/// <summary>Tag responses and taggable resources, for the loopback listener to answer with.</summary>
internal static class TagSamples
{
    public const string ImageArn = "arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0";
    public const string PolicyArn = "arn:aws:imagebuilder:us-east-1:123456789012:lifecycle-policy/keep-six-months";

    public const string Tags = """{"tags":{"Team":"Platform","CostCentre":"42"}}""";

    public const string ImageVersions = """
        {"requestId":"r","imageVersionList":[
        {"arn":"arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0","name":"golden-windows","type":"AMI","version":"1.0.0","platform":"Windows","owner":"123456789012"},
        {"arn":"arn:aws:imagebuilder:us-east-1:123456789012:image/golden-linux/1.0.0","name":"golden-linux","type":"AMI","version":"1.0.0","platform":"Linux","owner":"123456789012"}]}
        """;

    /// <summary>The path a tag request for a resource goes to: its ARN as one escaped path segment.</summary>
    /// <summary>ListImageBuildVersions of a version with one build, …/1.</summary>
    public static string OneBuild(string versionArn) =>
        "{\"requestId\":\"r\",\"imageSummaryList\":[{\"arn\":\"" + versionArn + "/1\",\"name\":\"x\",\"version\":\"1.0.0/1\",\"platform\":\"Windows\",\"state\":{\"status\":\"AVAILABLE\"}}]}";

    public static string PathFor(string arn) => "/tags/" + Uri.EscapeDataString(arn);
}
