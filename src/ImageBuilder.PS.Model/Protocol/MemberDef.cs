namespace ImageBuilder.PS.Protocol
{
    /// <summary>A member of a structure shape: its names, where it travels, and the traits that change how.</summary>
    public sealed class MemberDef
    {
        public MemberDef(string name, string wireName, ShapeDef shape)
        {
            Name = name;
            WireName = wireName;
            Shape = shape;
        }

        /// <summary>The PascalCase property name of the generated type.</summary>
        public string Name { get; }
        /// <summary>The member's name in the API model.</summary>
        public string WireName { get; }
        public ShapeDef Shape { get; }
        /// <summary>The member's position in its structure (set when the structure's members are defined).</summary>
        public int Index { get; internal set; }

        public MemberLocation Location { get; set; }
        /// <summary>The header, query parameter, URI label or JSON property name, when it differs from <see cref="WireName"/>.</summary>
        public string? LocationName { get; set; }
        public bool IsRequired { get; set; }
        /// <summary>Filled with a fresh UUID when left unset, so that retries of one call are recognised as one call.</summary>
        public bool IsIdempotencyToken { get; set; }
        public bool IsHostLabel { get; set; }
        /// <summary>A header whose value is a JSON document, base64-encoded.</summary>
        public bool IsJsonValue { get; set; }
        public TimestampFormat TimestampFormat { get; set; }
        public bool IsDeprecated { get; set; }

        /// <summary>The name this member has on the wire at its location.</summary>
        public string SerializedName => LocationName ?? WireName;

        /// <summary>The timestamp format, member trait first, then the shape's.</summary>
        public TimestampFormat EffectiveTimestampFormat =>
            TimestampFormat != TimestampFormat.Default ? TimestampFormat : Shape.TimestampFormat;

        /// <summary>Sensitive values (the shape says so) are never logged or printed.</summary>
        public bool IsSensitive => Shape.IsSensitive;

        public override string ToString() => $"{Name} ({Shape.Name}, {Location})";
    }
}
