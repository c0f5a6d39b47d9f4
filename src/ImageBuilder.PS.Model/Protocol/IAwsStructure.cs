namespace ImageBuilder.PS.Protocol
{
    /// <summary>
    /// A structure value the protocol engine can read and write without reflection: generated types implement it
    /// with a switch over member indexes; <see cref="DynamicStructure"/> implements it with an array.
    /// </summary>
    /// <remarks>
    /// The shape is a method, not a property: PowerShell shows explicitly implemented properties, and the module's
    /// objects must not carry the model around in Format-List * or ConvertTo-Json.
    /// </remarks>
    public interface IAwsStructure
    {
        ShapeDef GetShape();
        object? GetMember(int index);
        void SetMember(int index, object? value);
    }
}
