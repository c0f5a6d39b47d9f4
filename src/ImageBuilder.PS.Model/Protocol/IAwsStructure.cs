namespace ImageBuilder.PS.Protocol
{
    /// <summary>
    /// A structure value the protocol engine can read and write without reflection: generated types implement it
    /// with a switch over member indexes; <see cref="DynamicStructure"/> implements it with an array.
    /// </summary>
    public interface IAwsStructure
    {
        ShapeDef Shape { get; }
        object? GetMember(int index);
        void SetMember(int index, object? value);
    }
}
