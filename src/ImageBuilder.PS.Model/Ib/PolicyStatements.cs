using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ImageBuilder.PS.Model.Ib
{
    /// <summary>Reads what a resource policy's statements name, for the columns of its table view.</summary>
    internal static class PolicyStatements
    {
        /// <summary>
        /// The distinct string values of one member of every statement: a string, a list of strings, or a map whose
        /// values are either (Principal: {"AWS": [...]}). A policy that is not JSON names nothing.
        /// </summary>
        public static string[] Values(string? policy, string member)
        {
            if (string.IsNullOrWhiteSpace(policy)) return Array.Empty<string>();
            var found = new List<string>();
            try
            {
                using var document = JsonDocument.Parse(policy!);
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Statement", out var statements))
                {
                    return Array.Empty<string>();
                }
                foreach (var statement in statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray() : Single(statements))
                {
                    if (statement.ValueKind == JsonValueKind.Object && statement.TryGetProperty(member, out var value))
                    {
                        Collect(value, found);
                    }
                }
            }
            catch (JsonException)
            {
                return Array.Empty<string>();
            }
            return found.ToArray();
        }

        private static IEnumerable<JsonElement> Single(JsonElement element)
        {
            yield return element;
        }

        private static void Collect(JsonElement value, List<string> found)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    var text = value.GetString()!;
                    if (!found.Contains(text)) found.Add(text);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray()) Collect(item, found);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject()) Collect(property.Value, found);
                    break;
            }
        }
    }
}
