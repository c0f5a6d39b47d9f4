using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>
    /// One shape of an API model: its kind, its members or elements, and the constraints the service enforces.
    /// Built once per process by generated code (or, in tests, from a protocol-test model) and then read-only.
    /// </summary>
    public sealed class ShapeDef
    {
        private MemberDef[] _members = Array.Empty<MemberDef>();
        private Dictionary<string, MemberDef>? _membersBySerializedName;
        private Dictionary<string, MemberDef>? _membersByName;
        private Regex? _regex;

        public ShapeDef(string name, ShapeKind kind)
        {
            Name = name;
            Kind = kind;
        }

        public string Name { get; }
        public ShapeKind Kind { get; }

        /// <summary>Structure members in model order; a member's <see cref="MemberDef.Index"/> is its position here.</summary>
        public IReadOnlyList<MemberDef> Members => _members;

        /// <summary>The element shape of a list.</summary>
        public ShapeDef? Element { get; set; }
        /// <summary>The key and value shapes of a map.</summary>
        public ShapeDef? Key { get; set; }
        public ShapeDef? Value { get; set; }

        /// <summary>Creates an empty container for a structure, list or map (generated types or, without one, a dynamic container).</summary>
        public Func<object>? Factory { get; set; }

        // Constraints (checked before a request is sent, and by the emulator).
        public double? Min { get; set; }
        public double? Max { get; set; }
        public string? Pattern { get; set; }
        public IReadOnlyList<string>? EnumValues { get; set; }

        // Traits.
        public bool IsUnion { get; set; }
        public bool IsDocument { get; set; }
        public bool IsSensitive { get; set; }
        public bool IsStreaming { get; set; }
        public TimestampFormat TimestampFormat { get; set; }
        public string? MediaType { get; set; }
        /// <summary>A string shape that holds an ISO 8601 date; the module exposes it as a <see cref="DateTime"/>.</summary>
        public bool IsDateString { get; set; }
        /// <summary>The member sent as the whole HTTP body (rest-json payload trait).</summary>
        public string? PayloadMember { get; set; }

        // Errors.
        public bool IsError { get; set; }
        public int? ErrorStatusCode { get; set; }
        /// <summary>The code the service sends for this error when it differs from the shape name.</summary>
        public string? ErrorCode { get; set; }
        public bool IsServerFault { get; set; }

        public string ErrorCodeOrName => ErrorCode ?? Name;

        public bool IsContainer => Kind == ShapeKind.Structure || Kind == ShapeKind.List || Kind == ShapeKind.Map;

        /// <summary>Sets the members of a structure (once; shapes may refer to each other, so this comes after construction).</summary>
        public void DefineMembers(params MemberDef[] members)
        {
            for (int i = 0; i < members.Length; i++)
            {
                members[i].Index = i;
            }
            _members = members;
            _membersBySerializedName = null;
            _membersByName = null;
        }

        /// <summary>The member with this name on the wire in a JSON body, or null.</summary>
        public MemberDef? FindBodyMember(string serializedName)
        {
            var map = _membersBySerializedName ??= BuildIndex(m => m.SerializedName, StringComparer.Ordinal);
            return map.TryGetValue(serializedName, out var member) ? member : null;
        }

        /// <summary>The member with this PascalCase or model name (any case), or null.</summary>
        public MemberDef? FindMember(string name)
        {
            var map = _membersByName ??= BuildByName();
            return map.TryGetValue(name, out var member) ? member : null;
        }

        public MemberDef? Payload => PayloadMember is null ? null : FindMember(PayloadMember);

        /// <summary>The compiled pattern constraint (compiled on first use: most shapes are never checked).</summary>
        public Regex? PatternRegex
        {
            get
            {
                if (Pattern is null)
                {
                    return null;
                }
                return _regex ??= new Regex(Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }

        public override string ToString() => $"{Name} ({Kind})";

        private Dictionary<string, MemberDef> BuildIndex(Func<MemberDef, string> key, StringComparer comparer)
        {
            var map = new Dictionary<string, MemberDef>(comparer);
            foreach (var member in _members)
            {
                if (member.Location == MemberLocation.Body)
                {
                    map[key(member)] = member;
                }
            }
            return map;
        }

        private Dictionary<string, MemberDef> BuildByName()
        {
            var map = new Dictionary<string, MemberDef>(StringComparer.OrdinalIgnoreCase);
            foreach (var member in _members)
            {
                map[member.WireName] = member;
                map[member.Name] = member;
            }
            return map;
        }
    }
}
