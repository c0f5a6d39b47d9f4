using System;
using System.Collections.Generic;
using System.Text;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>
    /// A request as the protocol engine lays it out, before any transport touches it: the SDK pipeline copies it
    /// into its own request, tests compare it with AWS's protocol vectors.
    /// </summary>
    public sealed class HttpRequestData
    {
        public HttpRequestData(string method, string pathTemplate)
        {
            Method = method;
            PathTemplate = pathTemplate;
        }

        public string Method { get; }
        /// <summary>The path with {Label} and {Greedy+} placeholders still in it.</summary>
        public string PathTemplate { get; }
        /// <summary>Label values, unencoded, by label name (without the trailing '+').</summary>
        public Dictionary<string, string> PathLabels { get; } = new(StringComparer.Ordinal);
        /// <summary>Query parameters, unencoded, in order. A null value is a bare name ("?flag").</summary>
        public List<KeyValuePair<string, string?>> Query { get; } = new();
        public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
        public byte[]? Body { get; set; }
        /// <summary>Prepended to the endpoint's host name (the endpoint trait), labels already filled in.</summary>
        public string? HostPrefix { get; set; }

        /// <summary>The path with every label percent-encoded (greedy labels keep their slashes).</summary>
        public string EncodedPath()
        {
            var text = new StringBuilder(PathTemplate.Length + 32);
            int i = 0;
            while (i < PathTemplate.Length)
            {
                int open = PathTemplate.IndexOf('{', i);
                if (open < 0)
                {
                    text.Append(PathTemplate, i, PathTemplate.Length - i);
                    break;
                }
                int close = PathTemplate.IndexOf('}', open);
                text.Append(PathTemplate, i, open - i);
                var label = PathTemplate.Substring(open + 1, close - open - 1);
                bool greedy = label.EndsWith("+", StringComparison.Ordinal);
                var name = greedy ? label.Substring(0, label.Length - 1) : label;
                text.Append(WireFormat.UriEncode(PathLabels.TryGetValue(name, out var v) ? v : "", keepSlash: greedy));
                i = close + 1;
            }
            return text.ToString();
        }

        public string EncodedQuery()
        {
            var text = new StringBuilder();
            foreach (var pair in Query)
            {
                if (text.Length > 0) text.Append('&');
                text.Append(WireFormat.UriEncode(pair.Key));
                if (pair.Value is not null) text.Append('=').Append(WireFormat.UriEncode(pair.Value));
            }
            return text.ToString();
        }

        public string EncodedPathAndQuery()
        {
            var query = EncodedQuery();
            return query.Length == 0 ? EncodedPath() : EncodedPath() + "?" + query;
        }
    }

    /// <summary>Read access to the headers of a received message, whatever carried it.</summary>
    public interface IHeaderSource
    {
        string? Get(string name);
        IEnumerable<string> Names { get; }
    }

    /// <summary>Headers held in a dictionary (tests, the emulator, and the SDK adapter's copy).</summary>
    public sealed class DictionaryHeaderSource : IHeaderSource
    {
        private readonly IReadOnlyDictionary<string, string> _headers;

        public DictionaryHeaderSource(IReadOnlyDictionary<string, string> headers) => _headers = headers;

        public static DictionaryHeaderSource From(IEnumerable<KeyValuePair<string, string>> headers)
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in headers)
            {
                map[pair.Key] = pair.Value;
            }
            return new DictionaryHeaderSource(map);
        }

        public string? Get(string name) => _headers.TryGetValue(name, out var value) ? value : null;

        public IEnumerable<string> Names => _headers.Keys;
    }

    /// <summary>An error response, decoded: the service's code and message and, when the model knows the code, its members.</summary>
    public sealed class ServiceErrorData
    {
        public ServiceErrorData(string code, string? message, int statusCode)
        {
            Code = code;
            Message = message;
            StatusCode = statusCode;
        }

        public string Code { get; }
        public string? Message { get; }
        public int StatusCode { get; }
        public string? RequestId { get; set; }
        /// <summary>The error's modelled members, when the code matches an error shape of the service.</summary>
        public IAwsStructure? Detail { get; set; }
    }
}
