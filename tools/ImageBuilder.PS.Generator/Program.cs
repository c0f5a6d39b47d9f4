using ImageBuilder.PS.Generator;

// Regenerates the module's generated layer from the AWS models:
//   dotnet run --project tools/ImageBuilder.PS.Generator [-- --models <folder> --repo <folder>]
// Output goes to src/*/Generated/ only; nothing written by hand is touched.
var repo = Path.GetFullPath(Option("--repo") ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
var models = Path.GetFullPath(Option("--models") ?? Path.Combine(repo, "..", "shared", "models"));
if (!File.Exists(Path.Combine(models, "partitions.json")))
{
    Console.Error.WriteLine($"No AWS models at {models}. Pass --models <folder> (the folder holding imagebuilder/, appstream/, workspaces/).");
    return 2;
}

var written = new List<string>();
void Write(string relative, string text)
{
    var path = Path.Combine(repo, relative);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, text.Replace("\r\n", "\n"));
    written.Add(relative);
}

var modelGenerated = Path.Combine("src", "ImageBuilder.PS.Model", "Generated");
var awsGenerated = Path.Combine("src", "ImageBuilder.PS.Aws", "Generated");
foreach (var folder in new[] { modelGenerated, awsGenerated })
{
    var full = Path.Combine(repo, folder);
    if (Directory.Exists(full))
    {
        Directory.Delete(full, recursive: true);
    }
}

Write(Path.Combine(modelGenerated, "Partitions.g.cs"), EndpointsEmitter.EmitPartitions(Path.Combine(models, "partitions.json"), "models/partitions.json"));
foreach (var selection in ModelCustomizations.Services)
{
    var folder = Path.Combine(models, selection.ModelFolder);
    var model = ModelLoader.Load(Path.Combine(folder, "service-2.json"), Path.Combine(folder, "paginators-1.json"), selection.Operations);
    var source = $"models/{selection.ModelFolder} (API version {model.Service.ApiVersion})";
    var ns = "ImageBuilder.PS.Model." + selection.Prefix;
    var dir = Path.Combine(modelGenerated, selection.Prefix);
    Write(Path.Combine(dir, selection.Prefix + "Shapes.g.cs"), ShapesEmitter.Emit(model, selection, ns, source));
    Write(Path.Combine(dir, selection.Prefix + "Types.g.cs"), TypesEmitter.Emit(model, selection, ns, source));
    Write(Path.Combine(dir, selection.Prefix + "Operations.g.cs"), OperationsEmitter.Emit(model, selection, ns, source));
    Write(Path.Combine(dir, selection.Prefix + "Values.g.cs"), EnumsEmitter.Emit(model, selection, ns, source));
    Write(Path.Combine(dir, selection.Prefix + "Endpoints.g.cs"), EndpointsEmitter.Emit(Path.Combine(folder, "endpoint-rule-set-1.json"), selection, ns, source));
    Write(Path.Combine(awsGenerated, selection.Prefix + "Errors.g.cs"), ErrorsEmitter.Emit(model, selection, "ImageBuilder.PS.Aws." + selection.Prefix, source));
    Console.WriteLine($"{selection.ModelFolder}: {model.Operations.Count} operations, {model.Shapes.Count} shapes");
}
Console.WriteLine($"Wrote {written.Count} files under {repo}.");
return 0;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
