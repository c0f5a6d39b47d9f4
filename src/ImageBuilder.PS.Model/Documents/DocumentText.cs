using System;
using System.Collections.Generic;

namespace ImageBuilder.PS.Documents
{
    /// <summary>
    /// A component or workflow document as the module compares it: the same text on any machine. A byte order
    /// mark, Windows or old Mac line endings, spaces at the ends of lines and blank lines at the end do not count;
    /// everything else (comments, indentation, the order of keys) does, as it is part of what the service keeps.
    /// </summary>
    public static class DocumentText
    {
        public static string Normalize(string? text) => string.Join("\n", Lines(text));

        /// <summary>The document's lines after <see cref="Normalize"/>'s rules; an empty document has none.</summary>
        public static IReadOnlyList<string> Lines(string? text)
        {
            var lines = new List<string>();
            if (string.IsNullOrEmpty(text))
            {
                return lines;
            }
            var body = text!.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
            foreach (var line in body.Split('\n'))
            {
                lines.Add(line.TrimEnd(' ', '\t'));
            }
            var end = lines.Count;
            while (end > 0 && lines[end - 1].Length == 0) end--;
            lines.RemoveRange(end, lines.Count - end);
            return lines;
        }
    }
}
