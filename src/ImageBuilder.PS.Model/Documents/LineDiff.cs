using System;
using System.Collections.Generic;

namespace ImageBuilder.PS.Documents
{
    /// <summary>
    /// The lines two documents do not share, found through their longest common subsequence of lines: what is
    /// left of each after the lines they have in common, in order. In each run of change the reference's lines
    /// come before the difference's, as in a unified diff.
    /// </summary>
    public static class LineDiff
    {
        public static IReadOnlyList<DocumentLineDifference> Compare(IReadOnlyList<string> reference, IReadOnlyList<string> difference, bool includeEqual = false)
        {
            // The lines shared at the start and at the end need no table; a typical edit leaves a small middle.
            var start = 0;
            while (start < reference.Count && start < difference.Count && reference[start] == difference[start]) start++;
            var endR = reference.Count;
            var endD = difference.Count;
            while (endR > start && endD > start && reference[endR - 1] == difference[endD - 1])
            {
                endR--;
                endD--;
            }
            var result = new List<DocumentLineDifference>();
            for (var i = 0; i < start; i++) Equal(result, includeEqual, reference, i, i);

            // common[i, j]: the length of the longest common subsequence of reference[start+i..endR) and difference[start+j..endD).
            var n = endR - start;
            var m = endD - start;
            var common = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    common[i, j] = reference[start + i] == difference[start + j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
                }
            }
            int r = 0, d = 0;
            var added = new List<DocumentLineDifference>();
            while (r < n || d < m)
            {
                if (r < n && d < m && reference[start + r] == difference[start + d])
                {
                    Flush(result, added);
                    Equal(result, includeEqual, reference, start + r, start + d);
                    r++;
                    d++;
                }
                else if (d >= m || (r < n && common[r + 1, d] >= common[r, d + 1]))
                {
                    result.Add(new DocumentLineDifference(DocumentLineDifference.ReferenceOnly, start + r + 1, null, reference[start + r]));
                    r++;
                }
                else
                {
                    added.Add(new DocumentLineDifference(DocumentLineDifference.DifferenceOnly, null, start + d + 1, difference[start + d]));
                    d++;
                }
            }
            Flush(result, added);
            for (var i = 0; i < reference.Count - endR; i++) Equal(result, includeEqual, reference, endR + i, endD + i);
            return result;
        }

        private static void Equal(List<DocumentLineDifference> result, bool includeEqual, IReadOnlyList<string> reference, int r, int d)
        {
            if (includeEqual) result.Add(new DocumentLineDifference(DocumentLineDifference.Both, r + 1, d + 1, reference[r]));
        }

        private static void Flush(List<DocumentLineDifference> result, List<DocumentLineDifference> added)
        {
            result.AddRange(added);
            added.Clear();
        }
    }
}
