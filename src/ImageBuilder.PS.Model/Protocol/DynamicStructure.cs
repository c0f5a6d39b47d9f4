using System.Text;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>A structure value for shapes without a generated type (the protocol-test models).</summary>
    public sealed class DynamicStructure : IAwsStructure
    {
        private readonly object?[] _values;

        public DynamicStructure(ShapeDef shape)
        {
            Shape = shape;
            _values = new object?[shape.Members.Count];
        }

        public ShapeDef Shape { get; }

        public ShapeDef GetShape() => Shape;

        public object? GetMember(int index) => _values[index];

        public void SetMember(int index, object? value) => _values[index] = value;

        public object? this[string name]
        {
            get => Shape.FindMember(name) is { } m ? _values[m.Index] : null;
            set
            {
                var member = Shape.FindMember(name) ?? throw new System.ArgumentException($"{Shape.Name} has no member {name}.", nameof(name));
                _values[member.Index] = value;
            }
        }

        public override string ToString()
        {
            var text = new StringBuilder(Shape.Name).Append(" {");
            foreach (var member in Shape.Members)
            {
                if (_values[member.Index] is { } value)
                {
                    text.Append(' ').Append(member.WireName).Append('=').Append(value).Append(';');
                }
            }
            return text.Append(" }").ToString();
        }
    }
}
