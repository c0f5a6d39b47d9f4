using System;
using System.Collections.Generic;

namespace ImageBuilder.PS.Base
{
    /// <summary>The image build statuses after which nothing more happens to a build on its own.</summary>
    internal static class ImageStatuses
    {
        public static readonly HashSet<string> Final = new(StringComparer.Ordinal) { "AVAILABLE", "FAILED", "CANCELLED", "DEPRECATED", "DISABLED", "DELETED" };
    }
}
