using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Emulator.Http;

/// <summary>
/// Finds the rest-json operation a request is for, by HTTP method and path, the way the service's front end does:
/// literal segments must match, "{label}" segments capture one percent-decoded segment.
/// </summary>
internal sealed class RestJsonRouter
{
    private readonly List<Route> _routes = new();

    public RestJsonRouter(ServiceDef service)
    {
        foreach (var operation in service.Operations)
        {
            var path = operation.RequestUri;
            int question = path.IndexOf('?');
            if (question >= 0)
            {
                path = path.Substring(0, question);
            }
            _routes.Add(new Route(operation, operation.HttpMethod, Split(path)));
        }
    }

    /// <summary>The operation and its path labels, or null. <paramref name="pathKnown"/> tells a wrong method from an unknown path.</summary>
    public OperationDef? Match(string method, string rawPath, out Dictionary<string, string> labels, out bool pathKnown)
    {
        labels = new Dictionary<string, string>(StringComparer.Ordinal);
        pathKnown = false;
        var segments = Split(rawPath);
        foreach (var route in _routes)
        {
            if (!route.TryMatch(segments, out var captured))
            {
                continue;
            }
            pathKnown = true;
            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                labels = captured;
                return route.Operation;
            }
        }
        return null;
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsLabel(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    private sealed class Route
    {
        private readonly string[] _segments;

        public Route(OperationDef operation, string method, string[] segments)
        {
            Operation = operation;
            Method = method;
            _segments = segments;
        }

        public OperationDef Operation { get; }
        public string Method { get; }

        public bool TryMatch(string[] raw, out Dictionary<string, string> labels)
        {
            labels = new Dictionary<string, string>(StringComparer.Ordinal);
            // A label that ends the template takes the rest of the path, so an ARN sent with its slashes
            // unencoded (/tags/arn:aws:...:component/name/1.0.0/1) still reaches its operation.
            bool trailingLabel = _segments.Length > 0 && IsLabel(_segments[^1]);
            if (raw.Length != _segments.Length && !(trailingLabel && raw.Length > _segments.Length))
            {
                return false;
            }
            for (int i = 0; i < _segments.Length; i++)
            {
                var template = _segments[i];
                if (IsLabel(template))
                {
                    var text = i == _segments.Length - 1 ? string.Join('/', raw.Skip(i)) : raw[i];
                    labels[template.Trim('{', '}', '+')] = Uri.UnescapeDataString(text);
                }
                else if (!string.Equals(template, raw[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
