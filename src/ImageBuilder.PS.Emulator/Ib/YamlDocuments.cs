using ImageBuilder.PS.Emulator.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>A parameter a component or workflow document declares.</summary>
internal sealed record DocumentParameter(string Name, string Type, string? Default, string? Description);

/// <summary>A step a workflow document declares.</summary>
internal sealed record WorkflowStepSpec(string Name, string Action, string? Description, string? OnFailure, int? TimeoutSeconds);

/// <summary>
/// Reads the YAML documents components and workflows are made of, as far as the service looks into them: the
/// phases (which make a component BUILD or TEST), the declared parameters, and a workflow's steps.
/// </summary>
internal static class YamlDocuments
{
    public static (string Type, List<DocumentParameter> Parameters) ReadComponent(string data)
    {
        var root = Load(data, "component");
        var phases = Child(root, "phases") as YamlSequenceNode
            ?? throw ServiceError.InvalidParameterValue("The component document must have a 'phases' list.");
        var names = new List<string>();
        foreach (var phase in phases.Children.OfType<YamlMappingNode>())
        {
            if (Scalar(phase, "name") is { } name)
            {
                names.Add(name);
            }
        }
        if (names.Count == 0)
        {
            throw ServiceError.InvalidParameterValue("The component document's 'phases' must name at least one phase.");
        }
        var type = names.Any(n => n.Equals("build", StringComparison.OrdinalIgnoreCase)) ? "BUILD" : "TEST";
        return (type, ReadComponentParameters(root));
    }

    /// <summary>A component's phases and, in each, its steps with their actions: what AWSTOE logs as it runs them.</summary>
    public static List<(string Phase, string Step, string Action)> ReadComponentSteps(string data)
    {
        var steps = new List<(string, string, string)>();
        if (Child(Load(data, "component"), "phases") is not YamlSequenceNode phases)
        {
            return steps;
        }
        foreach (var phase in phases.Children.OfType<YamlMappingNode>())
        {
            var phaseName = Scalar(phase, "name") ?? "build";
            foreach (var step in (Child(phase, "steps") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? Enumerable.Empty<YamlMappingNode>())
            {
                steps.Add((phaseName, Scalar(step, "name") ?? "Step", Scalar(step, "action") ?? "ExecuteBash"));
            }
        }
        return steps;
    }

    public static (List<WorkflowStepSpec> Steps, List<DocumentParameter> Parameters) ReadWorkflow(string data)
    {
        var root = Load(data, "workflow");
        var steps = Child(root, "steps") as YamlSequenceNode
            ?? throw ServiceError.InvalidParameterValue("The workflow document must have a 'steps' list.");
        var result = new List<WorkflowStepSpec>();
        foreach (var step in steps.Children.OfType<YamlMappingNode>())
        {
            var name = Scalar(step, "name");
            var action = Scalar(step, "action");
            if (name is null || action is null)
            {
                throw ServiceError.InvalidParameterValue("Every workflow step needs a 'name' and an 'action'.");
            }
            int? timeout = int.TryParse(Scalar(step, "timeoutSeconds"), out var t) ? t : null;
            result.Add(new WorkflowStepSpec(name, action, Scalar(step, "description"), Scalar(step, "onFailure"), timeout));
        }
        if (result.Count == 0)
        {
            throw ServiceError.InvalidParameterValue("The workflow document must have at least one step.");
        }
        var parameters = new List<DocumentParameter>();
        if (Child(root, "parameters") is YamlSequenceNode list)
        {
            foreach (var item in list.Children.OfType<YamlMappingNode>())
            {
                if (Scalar(item, "name") is { } name)
                {
                    parameters.Add(new DocumentParameter(name, Scalar(item, "type") ?? "string", Scalar(item, "default"), Scalar(item, "description")));
                }
            }
        }
        return (result, parameters);
    }

    // Component parameters are a list of one-key maps: - Name: { type: string, default: x, description: y }
    private static List<DocumentParameter> ReadComponentParameters(YamlMappingNode root)
    {
        var parameters = new List<DocumentParameter>();
        if (Child(root, "parameters") is not YamlSequenceNode list)
        {
            return parameters;
        }
        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            foreach (var (key, value) in item.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && value is YamlMappingNode details)
                {
                    parameters.Add(new DocumentParameter(name, Scalar(details, "type") ?? "string", Scalar(details, "default"), Scalar(details, "description")));
                }
            }
        }
        return parameters;
    }

    private static YamlMappingNode Load(string data, string what)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(data));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                throw ServiceError.InvalidParameterValue($"The {what} document must be a YAML mapping.");
            }
            return root;
        }
        catch (YamlException e)
        {
            throw ServiceError.InvalidParameterValue($"The {what} document is not valid YAML: {e.Message}");
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key)
    {
        foreach (var (k, v) in node.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }
        return null;
    }

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
