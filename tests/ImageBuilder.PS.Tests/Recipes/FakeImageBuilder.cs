using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Recipes;

/// <summary>
/// Answers the loopback listener the way Image Builder would for recipes, configurations, pipelines and pipeline
/// runs: it keeps what is created, names it with ARNs, checks references, and lists and gets it back. Enough of the
/// service to run the user's pipelines end to end; the emulator will do this for real.
/// </summary>
internal sealed class FakeImageBuilder
{
    private const string Prefix = "arn:aws:imagebuilder:us-east-1:123456789012:";
    private readonly Dictionary<string, JsonObject> _resources = new(StringComparer.Ordinal);
    private int _builds;

    public IReadOnlyDictionary<string, JsonObject> Resources => _resources;

    public CannedResponse Answer(RecordedRequest request)
    {
        lock (_resources)
        {
            var operation = request.Path.TrimStart('/');
            var query = request.Query.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
            var body = request.Body.Length == 0 ? new JsonObject() : JsonNode.Parse(request.Body)!.AsObject();
            return operation switch
            {
                "CreateImageRecipe" => CreateRecipe(body),
                "CreateInfrastructureConfiguration" => Create(body, "infrastructure-configuration", "infrastructureConfigurationArn"),
                "CreateDistributionConfiguration" => Create(body, "distribution-configuration", "distributionConfigurationArn"),
                "CreateImagePipeline" => CreatePipeline(body),
                "StartImagePipelineExecution" => Start(body),
                "ListImagePipelines" => ListPipelines(body),
                "GetImageRecipe" => Get(query, "imageRecipeArn", "imageRecipe"),
                "GetInfrastructureConfiguration" => Get(query, "infrastructureConfigurationArn", "infrastructureConfiguration"),
                "GetDistributionConfiguration" => Get(query, "distributionConfigurationArn", "distributionConfiguration"),
                "GetImagePipeline" => Get(query, "imagePipelineArn", "imagePipeline"),
                "GetImage" => Get(query, "imageBuildVersionArn", "image"),
                _ => CannedResponse.Error(400, "InvalidRequestException", $"The fake service does not know {operation}."),
            };
        }
    }

    private CannedResponse CreateRecipe(JsonObject body)
    {
        var response = Create(body, "image-recipe", "imageRecipeArn", body["semanticVersion"]!.GetValue<string>());
        if (response.Status == 200)
        {
            var recipe = _resources[Arn(response)];
            recipe["version"] = recipe["semanticVersion"]!.DeepClone();
            recipe.Remove("semanticVersion");
            recipe["platform"] = recipe["parentImage"]!.GetValue<string>().Contains("windows", StringComparison.OrdinalIgnoreCase) ? "Windows" : "Linux";
            recipe["owner"] = "123456789012";
            recipe["type"] = "AMI";
        }
        return response;
    }

    private CannedResponse CreatePipeline(JsonObject body)
    {
        foreach (var reference in new[] { "imageRecipeArn", "infrastructureConfigurationArn", "distributionConfigurationArn" })
        {
            if (body[reference] is { } arn && !_resources.ContainsKey(arn.GetValue<string>()))
            {
                return CannedResponse.Error(404, "ResourceNotFoundException", $"The {reference} {arn} does not exist.");
            }
        }
        var response = Create(body, "image-pipeline", "imagePipelineArn");
        if (response.Status == 200)
        {
            var pipeline = _resources[Arn(response)];
            pipeline["status"] ??= "ENABLED";
            pipeline["platform"] = _resources[body["imageRecipeArn"]!.GetValue<string>()]["platform"]!.DeepClone();
        }
        return response;
    }

    private CannedResponse Create(JsonObject body, string type, string arnMember, string? version = null)
    {
        if (body["clientToken"] is null)
        {
            return CannedResponse.Error(400, "InvalidParameterException", "clientToken is required.");
        }
        var arn = Prefix + type + "/" + body["name"]!.GetValue<string>().ToLowerInvariant().Replace(' ', '-') + (version is null ? "" : "/" + version);
        if (_resources.ContainsKey(arn))
        {
            return CannedResponse.Error(400, "ResourceAlreadyExistsException", $"{arn} already exists.");
        }
        var resource = (JsonObject)body.DeepClone();
        resource.Remove("clientToken");
        resource["arn"] = arn;
        resource["dateCreated"] = "2026-03-05T10:00:00.000Z";
        _resources[arn] = resource;
        return Json(new JsonObject { ["requestId"] = "fake", ["clientToken"] = body["clientToken"]!.DeepClone(), [arnMember] = arn });
    }

    private CannedResponse Start(JsonObject body)
    {
        var arn = body["imagePipelineArn"]!.GetValue<string>();
        if (!_resources.TryGetValue(arn, out var pipeline))
        {
            return CannedResponse.Error(404, "ResourceNotFoundException", $"The pipeline {arn} does not exist.");
        }
        var recipe = _resources[pipeline["imageRecipeArn"]!.GetValue<string>()];
        var image = $"{Prefix}image/{recipe["name"]}/{recipe["version"]}/{++_builds}";
        _resources[image] = new JsonObject
        {
            ["arn"] = image, ["name"] = recipe["name"]!.DeepClone(), ["version"] = recipe["version"]!.DeepClone(), ["type"] = "AMI",
            ["platform"] = recipe["platform"]!.DeepClone(), ["state"] = new JsonObject { ["status"] = "PENDING" },
            ["sourcePipelineArn"] = arn, ["sourcePipelineName"] = pipeline["name"]!.DeepClone(), ["buildType"] = "USER_INITIATED",
            ["dateCreated"] = "2026-03-05T10:05:00.000Z",
        };
        return Json(new JsonObject { ["requestId"] = "fake", ["clientToken"] = body["clientToken"]!.DeepClone(), ["imageBuildVersionArn"] = image });
    }

    private CannedResponse ListPipelines(JsonObject body)
    {
        var names = body["filters"]?.AsArray().Where(f => f!["name"]!.GetValue<string>() == "name").SelectMany(f => f!["values"]!.AsArray()).Select(v => v!.GetValue<string>()).ToList();
        var pipelines = _resources.Values.Where(r => r["arn"]!.GetValue<string>().Contains(":image-pipeline/") && (names is not { Count: > 0 } || names.Contains(r["name"]!.GetValue<string>())));
        return Json(new JsonObject { ["requestId"] = "fake", ["imagePipelineList"] = new JsonArray(pipelines.Select(p => (JsonNode)p.DeepClone()).ToArray()) });
    }

    private CannedResponse Get(Dictionary<string, string> query, string arnMember, string resultMember) =>
        query.TryGetValue(arnMember, out var arn) && _resources.TryGetValue(arn, out var resource)
            ? Json(new JsonObject { ["requestId"] = "fake", [resultMember] = resource.DeepClone() })
            : CannedResponse.Error(404, "ResourceNotFoundException", $"{arn} does not exist.");

    private static string Arn(CannedResponse created) =>
        JsonNode.Parse(created.Body)!.AsObject().Single(p => p.Key.EndsWith("Arn", StringComparison.Ordinal)).Value!.GetValue<string>();

    private static CannedResponse Json(JsonObject value) => CannedResponse.Json(value.ToJsonString(new JsonSerializerOptions()));
}
