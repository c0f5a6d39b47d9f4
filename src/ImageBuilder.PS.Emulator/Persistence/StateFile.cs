using System.Text.Json;
using ImageBuilder.PS.Emulator.Builds;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Imports;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Persistence;

/// <summary>
/// Saves the account's own resources (everything but Amazon's, which every start recreates) to a JSON file and
/// loads them back, so a long-running emulator keeps its resources across restarts. Resources are written in
/// their wire form, through the same shapes the protocol uses. Builds and imports that were in progress start
/// again from PENDING; workflow and lifecycle executions and client tokens are not kept.
/// </summary>
internal static class StateFile
{
    private const int FormatVersion = 1;

    public static void Save(EmulatorState state, string path)
    {
        byte[] bytes;
        lock (state.Sync)
        {
            bytes = JsonBytes.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("formatVersion", FormatVersion);
                w.WriteString("account", state.Settings.Account);
                WriteStore(w, "components", state.Components);
                WriteStore(w, "imageRecipes", state.ImageRecipes);
                WriteStore(w, "containerRecipes", state.ContainerRecipes);
                WriteStore(w, "infrastructureConfigurations", state.InfrastructureConfigurations);
                WriteStore(w, "distributionConfigurations", state.DistributionConfigurations);
                WriteStore(w, "imagePipelines", state.Pipelines);
                WriteStore(w, "images", state.Images);
                WriteStore(w, "workflows", state.Workflows);
                WriteStore(w, "lifecyclePolicies", state.LifecyclePolicies);
                w.WriteStartArray("findings");
                foreach (var finding in state.Findings)
                {
                    JsonShapeWriter.WriteValue(w, IbShapes.ImageScanFinding, finding);
                }
                w.WriteEndArray();
                w.WriteStartArray("appStreamImages");
                foreach (var record in state.AppStreamImages.Values.Where(r => r.Image.Visibility != "PUBLIC").OrderBy(r => r.Sequence))
                {
                    JsonShapeWriter.WriteValue(w, Model.AppStream.AppStreamShapes.Image, record.Image);
                }
                w.WriteEndArray();
                w.WriteStartArray("workSpacesImages");
                foreach (var record in state.WorkSpacesImages.Values.OrderBy(r => r.Sequence))
                {
                    JsonShapeWriter.WriteValue(w, Model.WorkSpaces.WorkSpacesShapes.WorkspaceImage, record.Image);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        // Write beside and rename, so a crash mid-write never leaves half a file.
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteStore<T>(Utf8JsonWriter w, string name, ResourceStore<T> store) where T : class, IAwsStructure
    {
        w.WriteStartArray(name);
        foreach (var entry in store.All.Where(e => e.Owner == Ownership.Self).OrderBy(e => e.Sequence))
        {
            w.WriteStartObject();
            if (entry.Policy is not null)
            {
                w.WriteString("policy", entry.Policy);
            }
            w.WritePropertyName("value");
            JsonShapeWriter.WriteValue(w, entry.Value.GetShape(), entry.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Adds the file's resources to a freshly seeded state. Callers hold the lock.</summary>
    public static void Load(EmulatorState state, string path, BuildMachine builds, BuildPlanner planner, DateTime now)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        if (!root.TryGetProperty("formatVersion", out var version) || version.GetInt32() != FormatVersion)
        {
            throw new InvalidDataException($"{path} is not an emulator state file of format {FormatVersion}.");
        }
        ReadStore(root, "components", state.Components, IbShapes.Component, state);
        ReadStore(root, "imageRecipes", state.ImageRecipes, IbShapes.ImageRecipe, state);
        ReadStore(root, "containerRecipes", state.ContainerRecipes, IbShapes.ContainerRecipe, state);
        ReadStore(root, "infrastructureConfigurations", state.InfrastructureConfigurations, IbShapes.InfrastructureConfiguration, state);
        ReadStore(root, "distributionConfigurations", state.DistributionConfigurations, IbShapes.DistributionConfiguration, state);
        ReadStore(root, "imagePipelines", state.Pipelines, IbShapes.ImagePipeline, state);
        ReadStore(root, "images", state.Images, IbShapes.Image, state);
        ReadStore(root, "workflows", state.Workflows, IbShapes.Workflow, state);
        ReadStore(root, "lifecyclePolicies", state.LifecyclePolicies, IbShapes.LifecyclePolicy, state);
        foreach (var element in Items(root, "findings"))
        {
            var finding = (ImageScanFinding)Read(element, IbShapes.ImageScanFinding);
            state.Findings.Add(finding);
            if (!state.FindingsByImage.TryGetValue(finding.ImageBuildVersionArn ?? "", out var list))
            {
                state.FindingsByImage[finding.ImageBuildVersionArn ?? ""] = list = new List<ImageScanFinding>();
            }
            list.Add(finding);
        }
        foreach (var element in Items(root, "appStreamImages"))
        {
            var image = (Model.AppStream.Image)Read(element, Model.AppStream.AppStreamShapes.Image);
            if (image.State is not ("AVAILABLE" or "FAILED"))
            {
                image.State = "PENDING";
            }
            state.AppStreamImages[image.Name!] = new AppStreamImageRecord(image, now + state.Settings.StageDuration, null) { Sequence = state.NextSequence() };
        }
        foreach (var element in Items(root, "workSpacesImages"))
        {
            var image = (Model.WorkSpaces.WorkspaceImage)Read(element, Model.WorkSpaces.WorkSpacesShapes.WorkspaceImage);
            state.WorkSpacesImages[image.ImageId!] = new WorkSpacesImageRecord(image, now + state.Settings.StageDuration, null) { Sequence = state.NextSequence() };
        }
        // Builds cut short by the restart run again from the start.
        foreach (var image in state.Images.All.Where(e => e.Value.State?.Status is "PENDING" or "CREATING" or "BUILDING" or "TESTING" or "DISTRIBUTING" or "INTEGRATING").ToList())
        {
            var phases = image.Value.BuildType is "IMPORT" or "IMPORT_ISO" ? BuildPlanner.ForImport()
                : image.Value.ImageRecipe is null && image.Value.ContainerRecipe is null ? BuildPlanner.ForDistribution()
                : planner.ForBuild(image.Value);
            builds.Start(image, phases, now);
        }
    }

    private static void ReadStore<T>(JsonElement root, string name, ResourceStore<T> store, ShapeDef shape, EmulatorState state) where T : class, IAwsStructure
    {
        foreach (var element in Items(root, name))
        {
            var value = (T)Read(element.GetProperty("value"), shape);
            var arnText = (string)value.GetMember(shape.FindMember("arn")!.Index)!;
            if (!IbArn.TryParse(arnText, out var arn))
            {
                throw new InvalidDataException($"The state file holds a resource with a malformed ARN: {arnText}");
            }
            SemanticVersion.TryParse(arn.Version, out var semantic);
            var entry = new Entry<T>(arnText, arn.Format(null, null), Ownership.Self, value, state.NextSequence())
            {
                Version = semantic,
                Build = int.TryParse(arn.Build, out var build) ? build : 0,
                Policy = element.TryGetProperty("policy", out var policy) ? policy.GetString() : null,
            };
            store.Add(entry);
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : Enumerable.Empty<JsonElement>();

    private static object Read(JsonElement element, ShapeDef shape) =>
        JsonShapeReader.ReadBody(System.Text.Encoding.UTF8.GetBytes(element.GetRawText()), shape)
        ?? throw new InvalidDataException($"The state file holds an empty {shape.Name}.");
}
