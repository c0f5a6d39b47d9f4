namespace ImageBuilder.PS.Tests.Workflows;

/// <summary>Workflow, workflow run and step responses as Image Builder sends them, for the loopback listener to answer with.</summary>
internal static class WorkflowSamples
{
    public const string WorkflowVersionArn = "arn:aws:imagebuilder:us-east-1:123456789012:workflow/build/approve-build/1.0.0";
    public const string WorkflowBuildArn = WorkflowVersionArn + "/1";
    public const string ImageVersionArn = "arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0";
    public const string ImageBuildArn = ImageVersionArn + "/3";
    public const string ExecutionId = "wf-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public const string StepId = "step-11111111-2222-4333-8444-555555555555";
    public const string OtherStepId = "step-66666666-7777-4888-9999-aaaaaaaaaaaa";

    public const string Document = "name: approve-build\nschemaVersion: 1.0\nsteps:\n  - name: Approve\n    action: WaitForAction\n";

    public static string WorkflowVersions(params (string Name, string Type)[] workflows) =>
        "{\"workflowVersionList\":[" + string.Join(",", workflows.Select(w =>
            $"{{\"arn\":\"arn:aws:imagebuilder:us-east-1:123456789012:workflow/{w.Type.ToLowerInvariant()}/{w.Name}/1.0.0\",\"name\":\"{w.Name}\",\"version\":\"1.0.0\",\"type\":\"{w.Type}\",\"owner\":\"123456789012\",\"dateCreated\":\"2026-02-03T04:05:06.000Z\"}}")) + "]}";

    public const string Workflow = """
        {"workflow":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:workflow/build/approve-build/1.0.0/1","name":"approve-build","version":"1.0.0",
        "description":"Waits for approval","type":"BUILD","state":{"status":"DEPRECATED","reason":"superseded"},"owner":"123456789012",
        "data":"name: approve-build\nschemaVersion: 1.0\nsteps:\n  - name: Approve\n    action: WaitForAction\n",
        "dateCreated":"2026-02-03T04:05:06.000Z","tags":{"Team":"Platform"},
        "parameters":[{"name":"approver","type":"string","defaultValue":["ops"]}]},
        "latestVersionReferences":{"latestVersionArn":"arn:aws:imagebuilder:us-east-1:123456789012:workflow/build/approve-build/1.0.0/1"}}
        """;

    public const string Created = """{"clientToken":"t","workflowBuildVersionArn":"arn:aws:imagebuilder:us-east-1:123456789012:workflow/build/approve-build/1.0.0/1"}""";

    public static string WorkflowBuilds(params int[] builds) =>
        "{\"workflowSummaryList\":[" + string.Join(",", builds.Select(b =>
            $"{{\"arn\":\"{WorkflowVersionArn}/{b}\",\"name\":\"approve-build\",\"version\":\"1.0.0\",\"type\":\"BUILD\",\"owner\":\"123456789012\",\"dateCreated\":\"2026-02-03T04:05:06.000Z\"}}")) + "]}";

    public static string ImageBuilds(params int[] builds) =>
        "{\"requestId\":\"r\",\"imageSummaryList\":[" + string.Join(",", builds.Select(b =>
            $"{{\"arn\":\"{ImageVersionArn}/{b}\",\"name\":\"golden-windows\",\"version\":\"1.0.0/{b}\",\"platform\":\"Windows\",\"type\":\"AMI\"}}")) + "]}";

    public static string Executions(string imageBuildArn) => $$"""
        {"requestId":"r","imageBuildVersionArn":"{{imageBuildArn}}","workflowExecutions":[
        {"workflowBuildVersionArn":"{{WorkflowBuildArn}}","workflowExecutionId":"{{ExecutionId}}","type":"BUILD","status":"RUNNING",
        "totalStepCount":4,"totalStepsSucceeded":2,"totalStepsFailed":0,"totalStepsSkipped":0,"startTime":"2026-03-04T05:06:07.000Z"}]}
        """;

    public const string Execution = $$"""
        {"requestId":"r","workflowBuildVersionArn":"{{WorkflowBuildArn}}","workflowExecutionId":"{{ExecutionId}}","imageBuildVersionArn":"{{ImageBuildArn}}",
        "type":"BUILD","status":"FAILED","message":"Step Approve was stopped","totalStepCount":4,"totalStepsSucceeded":2,"totalStepsFailed":1,
        "totalStepsSkipped":1,"startTime":"2026-03-04T05:06:07.000Z","endTime":"2026-03-04T06:07:08.000Z"}
        """;

    public const string Steps = $$"""
        {"requestId":"r","workflowExecutionId":"{{ExecutionId}}","imageBuildVersionArn":"{{ImageBuildArn}}","steps":[
        {"stepExecutionId":"{{StepId}}","name":"LaunchBuildInstance","action":"LaunchInstance","status":"COMPLETED","startTime":"2026-03-04T05:06:07.000Z","endTime":"2026-03-04T05:10:00.000Z"},
        {"stepExecutionId":"{{OtherStepId}}","name":"Approve","action":"WaitForAction","status":"RUNNING","startTime":"2026-03-04T05:10:00.000Z"}]}
        """;

    public const string Step = $$"""
        {"requestId":"r","stepExecutionId":"{{OtherStepId}}","workflowBuildVersionArn":"{{WorkflowBuildArn}}","workflowExecutionId":"{{ExecutionId}}",
        "imageBuildVersionArn":"{{ImageBuildArn}}","name":"Approve","action":"WaitForAction","status":"COMPLETED","message":"approved",
        "inputs":"{}","outputs":"{\"reason\":\"approved\"}","startTime":"2026-03-04T05:10:00.000Z","endTime":"2026-03-04T05:20:00.000Z","onFailure":"Abort","timeoutSeconds":3600}
        """;

    public static string WaitingSteps(params (string StepId, string ImageArn)[] steps) =>
        "{\"steps\":[" + string.Join(",", steps.Select(s =>
            $"{{\"stepExecutionId\":\"{s.StepId}\",\"imageBuildVersionArn\":\"{s.ImageArn}\",\"workflowExecutionId\":\"{ExecutionId}\",\"workflowBuildVersionArn\":\"{WorkflowBuildArn}\",\"name\":\"Approve\",\"action\":\"WaitForAction\",\"startTime\":\"2026-03-04T05:10:00.000Z\"}}")) + "]}";
}
