namespace ImageBuilder.PS.Emulator.State;

/// <summary>
/// Remembers the filtered, ordered rows of recent listings, keyed by the request's paging scope (operation and
/// filters) and valid while nothing changes, so that paging through a large listing (thousands of seeded
/// images) sorts it once, not once per page. Callers hold the state's lock.
/// </summary>
internal sealed class ListingCache
{
    private const int Capacity = 32;
    private readonly Dictionary<string, (long Changes, object Rows)> _rows = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public List<T> Get<T>(string scope, long changes, Func<List<T>> compute)
    {
        if (_rows.TryGetValue(scope, out var cached) && cached.Changes == changes && cached.Rows is List<T> rows)
        {
            return rows;
        }
        rows = compute();
        if (!_rows.ContainsKey(scope))
        {
            _order.Enqueue(scope);
            while (_order.Count > Capacity)
            {
                _rows.Remove(_order.Dequeue());
            }
        }
        _rows[scope] = (changes, rows);
        return rows;
    }

    public void Clear()
    {
        _rows.Clear();
        _order.Clear();
    }
}
