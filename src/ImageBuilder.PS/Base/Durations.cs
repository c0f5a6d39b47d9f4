using System;

namespace ImageBuilder.PS.Base
{
    /// <summary>A length of time as messages say it: "40 s", "2.5 min", "1 h".</summary>
    internal static class Durations
    {
        public static string Describe(TimeSpan span) =>
            span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0.#} s";
    }
}
