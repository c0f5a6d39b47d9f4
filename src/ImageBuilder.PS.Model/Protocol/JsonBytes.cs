using System;
using System.IO;
using System.Text.Json;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>Runs a JSON writer over a fresh buffer and returns the bytes written.</summary>
    public static class JsonBytes
    {
        private static readonly JsonWriterOptions Compact = new() { Indented = false, SkipValidation = true };

        public static byte[] Write(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream(256);
            using (var writer = new Utf8JsonWriter(buffer, Compact))
            {
                write(writer);
            }
            return buffer.ToArray();
        }
    }
}
