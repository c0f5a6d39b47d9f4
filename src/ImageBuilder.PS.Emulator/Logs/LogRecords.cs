namespace ImageBuilder.PS.Emulator.Logs;

/// <summary>One log event as CloudWatch Logs keeps it: when it happened, when it arrived, its text.</summary>
internal sealed record LogEventRecord(long Timestamp, long IngestionTime, string Message, long EventNumber);

/// <summary>A log stream: events in the order they were put, which is also time order for the streams the emulator writes.</summary>
internal sealed class LogStreamRecord
{
    public LogStreamRecord(string name, long created)
    {
        Name = name;
        Created = created;
    }

    public string Name { get; }
    public long Created { get; }
    public List<LogEventRecord> Events { get; } = new();
}

/// <summary>A log group and its streams by name.</summary>
internal sealed class LogGroupRecord
{
    public LogGroupRecord(string name, long created, string? logGroupClass, long sequence)
    {
        Name = name;
        Created = created;
        LogGroupClass = logGroupClass ?? "STANDARD";
        Sequence = sequence;
    }

    public string Name { get; }
    public long Created { get; }
    public string LogGroupClass { get; }
    public long Sequence { get; }
    public Dictionary<string, string>? Tags { get; set; }
    public Dictionary<string, LogStreamRecord> Streams { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The CloudWatch Logs side of the emulator: the groups Image Builder writes build and pipeline logs to, and any
/// a client creates. Callers hold the state's lock.
/// </summary>
internal sealed class LogStore
{
    private long _eventNumber;

    public Dictionary<string, LogGroupRecord> Groups { get; } = new(StringComparer.Ordinal);

    public static long Millis(DateTime t) => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    /// <summary>
    /// Appends lines to a stream, creating the group and stream when they are missing, as Image Builder does with
    /// its own log groups. Timestamps never go back within a stream, so reading by position is reading in time.
    /// </summary>
    public void Append(string group, string stream, DateTime at, IEnumerable<string> lines, long sequence) =>
        Append(group, stream, at, lines.Select(l => (at, l)), sequence);

    /// <summary>Appends lines that each carry their own time (a step's output, spread over the time it ran).</summary>
    public void Append(string group, string stream, DateTime at, IEnumerable<(DateTime At, string Line)> lines, long sequence)
    {
        var now = Millis(at);
        if (!Groups.TryGetValue(group, out var g))
        {
            Groups[group] = g = new LogGroupRecord(group, now, null, sequence);
        }
        if (!g.Streams.TryGetValue(stream, out var s))
        {
            g.Streams[stream] = s = new LogStreamRecord(stream, now);
        }
        foreach (var (lineAt, line) in lines)
        {
            var own = Millis(lineAt);
            var time = s.Events.Count == 0 ? own : Math.Max(own, s.Events[^1].Timestamp);
            s.Events.Add(new LogEventRecord(time, Math.Max(time, now), line, ++_eventNumber));
        }
    }

    public void Clear()
    {
        Groups.Clear();
        _eventNumber = 0;
    }
}
