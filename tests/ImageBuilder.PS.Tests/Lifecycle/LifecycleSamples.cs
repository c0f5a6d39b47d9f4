namespace ImageBuilder.PS.Tests.Lifecycle;

/// <summary>Lifecycle policy, run and resource responses as Image Builder sends them, for the loopback listener to answer with.</summary>
internal static class LifecycleSamples
{
    public const string PolicyArn = "arn:aws:imagebuilder:us-east-1:123456789012:lifecycle-policy/keep-six-months";
    public const string Role = "arn:aws:iam::123456789012:role/ImageBuilderLifecycle";
    public const string ExecutionId = "lce-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public const string ImageVersionArn = "arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0";
    public const string ImageBuildArn = ImageVersionArn + "/3";

    public static string Summaries(params string[] names) =>
        "{\"lifecyclePolicySummaryList\":[" + string.Join(",", names.Select(n =>
            $"{{\"arn\":\"arn:aws:imagebuilder:us-east-1:123456789012:lifecycle-policy/{n}\",\"name\":\"{n}\",\"status\":\"ENABLED\",\"executionRole\":\"{Role}\",\"resourceType\":\"AMI_IMAGE\",\"dateCreated\":\"2026-01-02T03:04:05.000Z\",\"dateUpdated\":\"2026-01-05T06:07:08.000Z\",\"dateLastRun\":\"2026-03-01T00:00:00.000Z\"}}")) + "]}";

    public const string Policy = $$$$"""
        {"lifecyclePolicy":{"arn":"{{{{PolicyArn}}}}","name":"keep-six-months","description":"Old images go","status":"ENABLED",
        "executionRole":"{{{{Role}}}}","resourceType":"AMI_IMAGE",
        "policyDetails":[
          {"action":{"type":"DELETE","includeResources":{"amis":true,"snapshots":true}},"filter":{"type":"AGE","value":6,"unit":"MONTHS","retainAtLeast":2},
           "exclusionRules":{"tagMap":{"Keep":"true"}}},
          {"action":{"type":"DEPRECATE"},"filter":{"type":"COUNT","value":10}}],
        "resourceSelection":{"recipes":[{"name":"golden-windows","semanticVersion":"1.x.x"}]},
        "dateCreated":"2026-01-02T03:04:05.000Z","dateUpdated":"2026-01-05T06:07:08.000Z","tags":{"Team":"Platform"}}}
        """;

    public const string Created = $$$$"""{"clientToken":"t","lifecyclePolicyArn":"{{{{PolicyArn}}}}"}""";

    public const string Updated = $$$$"""{"lifecyclePolicyArn":"{{{{PolicyArn}}}}"}""";

    public static string Executions(string status = "SUCCESS") => $$$$"""
        {"lifecycleExecutions":[{"lifecycleExecutionId":"{{{{ExecutionId}}}}","lifecyclePolicyArn":"{{{{PolicyArn}}}}",
        "resourcesImpactedSummary":{"hasImpactedResources":true},"state":{"status":"{{{{status}}}}","reason":"2 images deleted"},
        "startTime":"2026-03-01T00:00:00.000Z","endTime":"2026-03-01T00:05:00.000Z"}]}
        """;

    public static string Execution(string status = "IN_PROGRESS") => $$$$"""
        {"lifecycleExecution":{"lifecycleExecutionId":"{{{{ExecutionId}}}}","lifecyclePolicyArn":"{{{{PolicyArn}}}}",
        "resourcesImpactedSummary":{"hasImpactedResources":false},"state":{"status":"{{{{status}}}}"},"startTime":"2026-03-01T00:00:00.000Z"}}
        """;

    public const string Resources = $$$$"""
        {"lifecycleExecutionId":"{{{{ExecutionId}}}}","lifecycleExecutionState":{"status":"SUCCESS"},"resources":[
        {"accountId":"123456789012","resourceId":"ami-0123456789abcdef0","state":{"status":"SUCCESS"},"action":{"name":"DELETE","reason":"older than 6 months"},
         "region":"us-east-1","snapshots":[{"snapshotId":"snap-0123456789abcdef0","state":{"status":"SUCCESS"}}],"startTime":"2026-03-01T00:01:00.000Z","endTime":"2026-03-01T00:02:00.000Z"}]}
        """;

    public static string Started(string resourceArn) => $$$$"""{"lifecycleExecutionId":"{{{{ExecutionId}}}}","resourceArn":"{{{{resourceArn}}}}"}""";

    public static string ImageBuilds(params int[] builds) =>
        "{\"requestId\":\"r\",\"imageSummaryList\":[" + string.Join(",", builds.Select(b =>
            $"{{\"arn\":\"{ImageVersionArn}/{b}\",\"name\":\"golden-windows\",\"version\":\"1.0.0/{b}\",\"platform\":\"Windows\",\"type\":\"AMI\"}}")) + "]}";
}
