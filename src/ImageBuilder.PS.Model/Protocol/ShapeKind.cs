namespace ImageBuilder.PS.Protocol
{
    /// <summary>The kinds of value an AWS API model describes. Enumerations are strings with a value list.</summary>
    public enum ShapeKind
    {
        Structure,
        List,
        Map,
        String,
        Boolean,
        Byte,
        Short,
        Integer,
        Long,
        Float,
        Double,
        BigInteger,
        BigDecimal,
        Timestamp,
        Blob,
        Document,
    }

    /// <summary>Where a member of an operation's input or output travels in the HTTP message.</summary>
    public enum MemberLocation
    {
        Body,
        Uri,
        QueryString,
        Header,
        /// <summary>A map whose entries are headers sharing a name prefix.</summary>
        HeaderMap,
        StatusCode,
    }

    /// <summary>How a timestamp is written on the wire.</summary>
    public enum TimestampFormat
    {
        /// <summary>Not set on the shape or member: the protocol and location decide.</summary>
        Default,
        EpochSeconds,
        Iso8601,
        HttpDate,
    }

    /// <summary>The wire protocols the module speaks.</summary>
    public enum WireProtocol
    {
        RestJson,
        AwsJson10,
        AwsJson11,
    }
}
