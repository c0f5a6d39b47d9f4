namespace ImageBuilder.PS.Emulator.Core;

/// <summary>
/// Remembers the first answer to each (operation, clientToken): a repeat of the same request gets that answer
/// again, a different request with the same token gets IdempotentParameterMismatchException. Bounded, oldest
/// first out, as a service forgets tokens after a while.
/// </summary>
internal sealed class IdempotencyCache
{
    private const int Capacity = 50_000;
    private readonly Dictionary<string, Remembered> _answers = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public sealed record Remembered(string Fingerprint, int Status, byte[] Body);

    public Remembered? Find(string operation, string token, string fingerprint)
    {
        if (!_answers.TryGetValue(Key(operation, token), out var remembered))
        {
            return null;
        }
        if (!string.Equals(remembered.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            throw ServiceError.IdempotencyMismatch($"The client token '{token}' was already used with a different request for {operation}.");
        }
        return remembered;
    }

    public void Remember(string operation, string token, Remembered answer)
    {
        var key = Key(operation, token);
        if (_answers.TryAdd(key, answer))
        {
            _order.Enqueue(key);
            while (_order.Count > Capacity)
            {
                _answers.Remove(_order.Dequeue());
            }
        }
    }

    public void Clear()
    {
        _answers.Clear();
        _order.Clear();
    }

    private static string Key(string operation, string token) => operation + "\n" + token;
}
