using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ImageBuilder.PS.Endpoints
{
    /// <summary>What the endpoint rules know of a partition: its DNS suffixes and what it supports.</summary>
    public sealed class PartitionInfo
    {
        private readonly Regex _regionPattern;
        private readonly HashSet<string> _regions;

        public PartitionInfo(string name, string regionRegex, string dnsSuffix, string dualStackDnsSuffix,
            bool supportsFips, bool supportsDualStack, string? implicitGlobalRegion, string[] regions)
        {
            Name = name;
            DnsSuffix = dnsSuffix;
            DualStackDnsSuffix = dualStackDnsSuffix;
            SupportsFips = supportsFips;
            SupportsDualStack = supportsDualStack;
            ImplicitGlobalRegion = implicitGlobalRegion;
            Regions = regions;
            _regions = new HashSet<string>(regions, StringComparer.Ordinal);
            _regionPattern = new Regex(regionRegex, RegexOptions.CultureInvariant);
        }

        public string Name { get; }
        public string DnsSuffix { get; }
        public string DualStackDnsSuffix { get; }
        public bool SupportsFips { get; }
        public bool SupportsDualStack { get; }
        public string? ImplicitGlobalRegion { get; }
        /// <summary>The regions the partition table names (more may exist: the pattern decides).</summary>
        public IReadOnlyList<string> Regions { get; }

        internal bool Lists(string region) => _regions.Contains(region);

        internal bool Matches(string region) => _regionPattern.IsMatch(region);
    }

    public static partial class Partitions
    {
        private static readonly PartitionInfo[] Table = CreateTable();

        /// <summary>Every partition, in the order the table lists them (the first is the default).</summary>
        public static IReadOnlyList<PartitionInfo> All => Table;

        private static PartitionInfo[] CreateTable()
        {
            var table = new List<PartitionInfo>();
            FillTable(table);
            return table.ToArray();
        }

        /// <summary>Filled by the generated partition table.</summary>
        static partial void FillTable(List<PartitionInfo> table);

        /// <summary>
        /// The partition of a region: one that lists it, else one whose pattern matches it, else the first (aws),
        /// as the rules' aws.partition function defines it.
        /// </summary>
        public static PartitionInfo? Find(string? region)
        {
            if (region is null)
            {
                return null;
            }
            foreach (var partition in Table)
            {
                if (partition.Lists(region)) return partition;
            }
            foreach (var partition in Table)
            {
                if (partition.Matches(region)) return partition;
            }
            return Table.Length > 0 ? Table[0] : null;
        }
    }

    /// <summary>The endpoint settings cannot work together (e.g. FIPS with a custom endpoint).</summary>
    public sealed class EndpointResolutionException : Exception
    {
        public EndpointResolutionException(string message) : base(message)
        {
        }
    }
}
