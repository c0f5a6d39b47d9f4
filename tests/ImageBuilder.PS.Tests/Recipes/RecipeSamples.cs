namespace ImageBuilder.PS.Tests.Recipes;

/// <summary>
/// Image Builder's answers for recipes, pipelines and configurations, as the service sends them, for the loopback
/// listener to answer with.
/// </summary>
internal static class RecipeSamples
{
    public const string Prefix = "arn:aws:imagebuilder:us-east-1:123456789012:";
    public const string RecipeArn = Prefix + "image-recipe/golden-windows/1.0.0";
    public const string PipelineArn = Prefix + "image-pipeline/nightly";
    public const string InfraArn = Prefix + "infrastructure-configuration/build-small";
    public const string DistArn = Prefix + "distribution-configuration/two-regions";
    public const string ImageBuildArn = Prefix + "image/golden-windows/1.0.0/4";
    public const string AgentComponentArn = Prefix + "component/install-agent/1.0.0";
    public const string UpdateComponentArn = "arn:aws:imagebuilder:us-east-1:aws:component/update-windows/x.x.x";
    public const string ParentImage = "arn:aws:imagebuilder:us-east-1:aws:image/windows-server-2022-english-full-base-x86/x.x.x";

    public static string RecipeSummaries(params string[] names) =>
        "{\"requestId\":\"r1\",\"imageRecipeSummaryList\":[" + string.Join(",", names.Select(n =>
            $"{{\"arn\":\"{Prefix}image-recipe/{n}/1.0.0\",\"name\":\"{n}\",\"platform\":\"Windows\",\"owner\":\"123456789012\",\"parentImage\":\"{ParentImage}\",\"dateCreated\":\"2026-03-01T08:00:00.000Z\",\"tags\":{{\"Team\":\"Platform\"}}}}")) + "]}";

    public const string Recipe = """
        {"requestId":"r2","imageRecipe":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/golden-windows/1.0.0","type":"AMI",
        "name":"golden-windows","description":"Golden Windows Server","platform":"Windows","owner":"123456789012","version":"1.0.0",
        "components":[{"componentArn":"arn:aws:imagebuilder:us-east-1:aws:component/update-windows/x.x.x"},
          {"componentArn":"arn:aws:imagebuilder:us-east-1:123456789012:component/install-agent/1.0.0","parameters":[{"name":"Version","value":["7.2"]}]}],
        "parentImage":"arn:aws:imagebuilder:us-east-1:aws:image/windows-server-2022-english-full-base-x86/x.x.x",
        "blockDeviceMappings":[{"deviceName":"/dev/sda1","ebs":{"volumeSize":100,"volumeType":"gp3","encrypted":true}}],
        "dateCreated":"2026-03-01T08:00:00.000Z","tags":{"Team":"Platform"},"workingDirectory":"C:/build",
        "additionalInstanceConfiguration":{"systemsManagerAgent":{"uninstallAfterBuild":true}},"amiTags":{"Golden":"yes"}}}
        """;

    public static string Pipelines(params (string Name, string Status)[] pipelines) =>
        "{\"requestId\":\"r3\",\"imagePipelineList\":[" + string.Join(",", pipelines.Select(p => Pipeline(p.Name, p.Status))) + "]}";

    public static string Pipeline(string name = "nightly", string status = "ENABLED") =>
        $"{{\"arn\":\"{Prefix}image-pipeline/{name}\",\"name\":\"{name}\",\"description\":\"Nightly golden image\",\"platform\":\"Windows\"," +
        $"\"enhancedImageMetadataEnabled\":true,\"imageRecipeArn\":\"{RecipeArn}\",\"infrastructureConfigurationArn\":\"{InfraArn}\"," +
        $"\"distributionConfigurationArn\":\"{DistArn}\",\"imageTestsConfiguration\":{{\"imageTestsEnabled\":true,\"timeoutMinutes\":90}}," +
        "\"schedule\":{\"scheduleExpression\":\"cron(0 3 * * ? *)\",\"timezone\":\"Etc/UTC\",\"pipelineExecutionStartCondition\":\"EXPRESSION_MATCH_ONLY\"}," +
        $"\"status\":\"{status}\",\"dateCreated\":\"2026-02-01T09:00:00.000Z\",\"dateUpdated\":\"2026-02-02T09:00:00.000Z\",\"dateLastRun\":\"2026-03-04T03:00:00.000Z\"," +
        "\"lastRunStatus\":\"AVAILABLE\",\"dateNextRun\":\"2026-03-05T03:00:00.000Z\",\"tags\":{\"Team\":\"Platform\"},\"imageTags\":{\"Golden\":\"yes\"}," +
        "\"imageScanningConfiguration\":{\"imageScanningEnabled\":false},\"consecutiveFailures\":0}";

    public static string PipelineResponse(string name = "nightly", string status = "ENABLED") =>
        "{\"requestId\":\"r4\",\"imagePipeline\":" + Pipeline(name, status) + "}";

    public const string Image = """
        {"requestId":"r5","image":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0/4","type":"AMI",
        "name":"golden-windows","version":"1.0.0","platform":"Windows","state":{"status":"PENDING"},"dateCreated":"2026-03-05T03:00:01.000Z",
        "sourcePipelineArn":"arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/nightly","sourcePipelineName":"nightly","buildType":"USER_INITIATED"}}
        """;

    public const string PipelineImages = """
        {"requestId":"r6","imageSummaryList":[
          {"arn":"arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0/3","name":"golden-windows","type":"AMI","version":"1.0.0",
           "platform":"Windows","osVersion":"Microsoft Windows Server 2022","state":{"status":"AVAILABLE"},"owner":"123456789012",
           "dateCreated":"2026-03-04T03:00:00.000Z","outputResources":{"amis":[{"region":"us-east-1","image":"ami-0aaaabbbbccccdddd"}]},"buildType":"SCHEDULED"},
          {"arn":"arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0/2","name":"golden-windows","type":"AMI","version":"1.0.0",
           "platform":"Windows","state":{"status":"FAILED","reason":"Test phase failed"},"owner":"123456789012","dateCreated":"2026-03-03T03:00:00.000Z","buildType":"SCHEDULED"}]}
        """;

    public static string InfraSummaries(params string[] names) =>
        "{\"requestId\":\"r7\",\"infrastructureConfigurationSummaryList\":[" + string.Join(",", names.Select(n =>
            $"{{\"arn\":\"{Prefix}infrastructure-configuration/{n}\",\"name\":\"{n}\",\"dateCreated\":\"2026-01-10T10:00:00.000Z\",\"dateUpdated\":\"2026-01-11T10:00:00.000Z\",\"instanceTypes\":[\"m5.large\",\"m5.xlarge\"],\"instanceProfileName\":\"ImageBuilderInstance\"}}")) + "]}";

    public const string Infra = """
        {"requestId":"r8","infrastructureConfiguration":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/build-small",
        "name":"build-small","description":"Small builders","instanceTypes":["m5.large"],"instanceProfileName":"ImageBuilderInstance",
        "securityGroupIds":["sg-0123456789abcdef0"],"subnetId":"subnet-0123456789abcdef0","logging":{"s3Logs":{"s3BucketName":"build-logs","s3KeyPrefix":"imagebuilder/"}},
        "keyPair":"debug-key","terminateInstanceOnFailure":true,"snsTopicArn":"arn:aws:sns:us-east-1:123456789012:builds",
        "dateCreated":"2026-01-10T10:00:00.000Z","dateUpdated":"2026-01-11T10:00:00.000Z","resourceTags":{"CostCenter":"42"},
        "instanceMetadataOptions":{"httpTokens":"required","httpPutResponseHopLimit":2},"tags":{"Team":"Platform"}}}
        """;

    public static string DistSummaries(params string[] names) =>
        "{\"requestId\":\"r9\",\"distributionConfigurationSummaryList\":[" + string.Join(",", names.Select(n =>
            $"{{\"arn\":\"{Prefix}distribution-configuration/{n}\",\"name\":\"{n}\",\"dateCreated\":\"2026-01-12T10:00:00.000Z\",\"regions\":[\"us-east-1\",\"eu-west-1\"]}}")) + "]}";

    public const string Dist = """
        {"requestId":"r10","distributionConfiguration":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:distribution-configuration/two-regions",
        "name":"two-regions","description":"Home and Europe","distributions":[
          {"region":"us-east-1","amiDistributionConfiguration":{"name":"golden-{{ imagebuilder:buildDate }}","amiTags":{"Golden":"yes"},
            "launchPermission":{"userIds":["111111111111"]}},"ssmParameterConfigurations":[{"parameterName":"/golden/ami"}]},
          {"region":"eu-west-1","amiDistributionConfiguration":{"name":"golden-{{ imagebuilder:buildDate }}","targetAccountIds":["333333333333"]}}],
        "timeoutMinutes":360,"dateCreated":"2026-01-12T10:00:00.000Z","tags":{"Team":"Platform"}}}
        """;

    public static string Created(string member, string arn) => $"{{\"requestId\":\"c1\",\"clientToken\":\"t\",\"{member}\":\"{arn}\"}}";
}
