using System.Globalization;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Logs;

namespace ImageBuilder.PS.Emulator.Logs;

/// <summary>
/// CloudWatch Logs for the logs Image Builder writes: reading a stream (GetLogEvents, with its forward and backward
/// tokens), searching a group (FilterLogEvents), listing streams and groups, and creating and deleting groups.
/// </summary>
internal sealed class LogsOperations
{
    /// <summary>GetLogEvents returns at most this many events a call, as the service does (its 1 MB cap aside).</summary>
    private const int MaxEvents = 10000;
    private const int MaxDescribe = 50;

    private readonly EmulatorState _state;

    public LogsOperations(EmulatorState state) => _state = state;

    private LogStore Store => _state.Logs;

    public void Register(OperationTable table)
    {
        table.Add<CreateLogGroupRequest>(Model.Logs.LogsOperations.CreateLogGroup, CreateLogGroup);
        table.Add<DeleteLogGroupRequest>(Model.Logs.LogsOperations.DeleteLogGroup, DeleteLogGroup);
        table.Add(Model.Logs.LogsOperations.DescribeLogGroups, DescribeLogGroups);
        table.Add(Model.Logs.LogsOperations.DescribeLogStreams, DescribeLogStreams);
        table.Add(Model.Logs.LogsOperations.GetLogEvents, GetLogEvents);
        table.Add(Model.Logs.LogsOperations.FilterLogEvents, FilterLogEvents);
    }

    private void CreateLogGroup(CreateLogGroupRequest request, CallContext call)
    {
        var name = request.LogGroupName!;
        if (Store.Groups.ContainsKey(name))
        {
            throw ServiceError.FromShape(LogsShapes.ResourceAlreadyExistsException, "The specified log group already exists");
        }
        Store.Groups[name] = new LogGroupRecord(name, LogStore.Millis(call.Now), request.LogGroupClass, _state.NextSequence()) { Tags = request.Tags };
    }

    private void DeleteLogGroup(DeleteLogGroupRequest request, CallContext call)
    {
        if (!Store.Groups.Remove(request.LogGroupName!))
        {
            throw GroupMissing();
        }
    }

    private DescribeLogGroupsResponse DescribeLogGroups(DescribeLogGroupsRequest request, CallContext call)
    {
        if (request.LogGroupNamePrefix is not null && request.LogGroupNamePattern is not null)
        {
            throw Invalid("logGroupNamePrefix and logGroupNamePattern cannot be given together.");
        }
        IEnumerable<LogGroupRecord> groups = Store.Groups.Values.OrderBy(g => g.Name, StringComparer.Ordinal);
        if (request.LogGroupNamePrefix is { } prefix)
        {
            groups = groups.Where(g => g.Name.StartsWith(prefix, StringComparison.Ordinal));
        }
        if (request.LogGroupNamePattern is { } pattern)
        {
            groups = groups.Where(g => g.Name.Contains(pattern, StringComparison.OrdinalIgnoreCase));
        }
        if (request.LogGroupClass is { } groupClass)
        {
            groups = groups.Where(g => g.LogGroupClass == groupClass);
        }
        var page = PageOf(groups.ToList(), request.NextToken, request.Limit, call, MaxDescribe);
        return new DescribeLogGroupsResponse
        {
            LogGroups = page.Items.Select(g => new LogGroup
            {
                LogGroupName = g.Name,
                CreationTime = g.Created,
                MetricFilterCount = 0,
                Arn = GroupArn(g.Name) + ":*",
                LogGroupArn = GroupArn(g.Name),
                StoredBytes = 0,
                LogGroupClass = g.LogGroupClass,
                DeletionProtectionEnabled = false,
            }).ToList(),
            NextToken = page.NextToken,
        };
    }

    private DescribeLogStreamsResponse DescribeLogStreams(DescribeLogStreamsRequest request, CallContext call)
    {
        var group = Group(request.LogGroupName, request.LogGroupIdentifier);
        bool byTime = request.OrderBy == "LastEventTime";
        if (byTime && request.LogStreamNamePrefix is not null)
        {
            throw Invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        IEnumerable<LogStreamRecord> streams = group.Streams.Values;
        if (request.LogStreamNamePrefix is { } prefix)
        {
            streams = streams.Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal));
        }
        streams = byTime
            ? streams.OrderBy(s => s.Events.Count == 0 ? s.Created : s.Events[^1].Timestamp).ThenBy(s => s.Name, StringComparer.Ordinal)
            : streams.OrderBy(s => s.Name, StringComparer.Ordinal);
        if (request.Descending == true)
        {
            streams = streams.Reverse();
        }
        var page = PageOf(streams.ToList(), request.NextToken, request.Limit, call, MaxDescribe);
        return new DescribeLogStreamsResponse
        {
            LogStreams = page.Items.Select(s => new LogStream
            {
                LogStreamName = s.Name,
                CreationTime = s.Created,
                FirstEventTimestamp = s.Events.Count == 0 ? null : s.Events[0].Timestamp,
                LastEventTimestamp = s.Events.Count == 0 ? null : s.Events[^1].Timestamp,
                LastIngestionTime = s.Events.Count == 0 ? null : s.Events[^1].IngestionTime,
                UploadSequenceToken = s.Events.Count.ToString("D20", CultureInfo.InvariantCulture),
                Arn = GroupArn(group.Name) + ":log-stream:" + s.Name,
                StoredBytes = 0,
            }).ToList(),
            NextToken = page.NextToken,
        };
    }

    /// <summary>
    /// One stream, by position. A forward token reads on from where the last page ended and comes back unchanged
    /// when nothing new has arrived; a backward token reads the page before. Without a token the read starts at
    /// the head (startFromHead) or ends at the newest event (the default).
    /// </summary>
    private GetLogEventsResponse GetLogEvents(GetLogEventsRequest request, CallContext call)
    {
        var group = Group(request.LogGroupName, request.LogGroupIdentifier);
        if (!group.Streams.TryGetValue(request.LogStreamName!, out var stream))
        {
            throw ServiceError.FromShape(LogsShapes.ResourceNotFoundException, "The specified log stream does not exist.");
        }
        int limit = Math.Min(request.Limit ?? MaxEvents, MaxEvents);
        bool Within(LogEventRecord e) => (request.StartTime is not { } from || e.Timestamp >= from) && (request.EndTime is not { } to || e.Timestamp < to);
        var events = stream.Events;
        bool forward;
        int position;
        if (request.NextToken is { } token)
        {
            (forward, position) = ReadStreamToken(token, events.Count);
        }
        else
        {
            forward = request.StartFromHead == true;
            position = forward ? 0 : events.Count;
        }
        var taken = new List<int>();
        if (forward)
        {
            for (int i = position; i < events.Count && taken.Count < limit; i++)
            {
                if (Within(events[i])) taken.Add(i);
            }
        }
        else
        {
            for (int i = position - 1; i >= 0 && taken.Count < limit; i--)
            {
                if (Within(events[i])) taken.Add(i);
            }
            taken.Reverse();
        }
        int first = taken.Count == 0 ? position : taken[0];
        int after = taken.Count == 0 ? position : taken[^1] + 1;
        // A forward read that found nothing leaves its token where it was, so a caller that follows the stream
        // sees the same token until new events arrive.
        if (forward && taken.Count == 0 && request.NextToken is null)
        {
            after = events.Count;
        }
        return new GetLogEventsResponse
        {
            Events = taken.Select(i => new OutputLogEvent { Timestamp = events[i].Timestamp, Message = events[i].Message, IngestionTime = events[i].IngestionTime }).ToList(),
            NextForwardToken = StreamToken('f', after),
            NextBackwardToken = StreamToken('b', first),
        };
    }

    private FilterLogEventsResponse FilterLogEvents(FilterLogEventsRequest request, CallContext call)
    {
        var group = Group(request.LogGroupName, request.LogGroupIdentifier);
        if (request.LogStreamNames is not null && request.LogStreamNamePrefix is not null)
        {
            throw Invalid("logStreamNames and logStreamNamePrefix cannot be given together.");
        }
        var pattern = FilterPattern.Parse(request.FilterPattern);
        IEnumerable<LogStreamRecord> streams = group.Streams.Values.OrderBy(s => s.Name, StringComparer.Ordinal);
        if (request.LogStreamNames is { } names)
        {
            var missing = names.FirstOrDefault(n => !group.Streams.ContainsKey(n));
            if (missing is not null)
            {
                throw ServiceError.FromShape(LogsShapes.ResourceNotFoundException, "The specified log stream does not exist.");
            }
            streams = streams.Where(s => names.Contains(s.Name));
        }
        if (request.LogStreamNamePrefix is { } prefix)
        {
            streams = streams.Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal));
        }
        var searched = streams.ToList();
        var matching = searched
            .SelectMany(s => s.Events.Select(e => (Stream: s.Name, Event: e)))
            .Where(x => (request.StartTime is not { } from || x.Event.Timestamp >= from) && (request.EndTime is not { } to || x.Event.Timestamp < to))
            .Where(x => pattern.Matches(x.Event.Message))
            .OrderBy(x => x.Event.Timestamp).ThenBy(x => x.Event.EventNumber)
            .ToList();
        var page = PageOf(matching, request.NextToken, request.Limit, call, MaxEvents);
        return new FilterLogEventsResponse
        {
            Events = page.Items.Select(x => new FilteredLogEvent
            {
                LogStreamName = x.Stream,
                Timestamp = x.Event.Timestamp,
                Message = x.Event.Message,
                IngestionTime = x.Event.IngestionTime,
                EventId = x.Event.EventNumber.ToString("D56", CultureInfo.InvariantCulture),
            }).ToList(),
            SearchedLogStreams = searched.Select(s => new SearchedLogStream { LogStreamName = s.Name, SearchedCompletely = true }).ToList(),
            NextToken = page.NextToken,
        };
    }

    private LogGroupRecord Group(string? name, string? identifier)
    {
        if (name is not null && identifier is not null)
        {
            throw Invalid("LogGroupName and LogGroupIdentifier are mutually exclusive parameters.");
        }
        var key = name ?? NameOf(identifier) ?? throw Invalid("Either logGroupName or logGroupIdentifier is required.");
        return Store.Groups.TryGetValue(key, out var group) ? group : throw GroupMissing();
    }

    /// <summary>A log group identifier is its name or its ARN (arn:...:log-group:NAME, with or without :*).</summary>
    private static string? NameOf(string? identifier)
    {
        if (identifier is null || !identifier.StartsWith("arn:", StringComparison.Ordinal))
        {
            return identifier;
        }
        var marker = identifier.IndexOf(":log-group:", StringComparison.Ordinal);
        if (marker < 0)
        {
            throw Invalid($"'{identifier}' is not a log group ARN.");
        }
        var name = identifier.Substring(marker + ":log-group:".Length);
        return name.EndsWith(":*", StringComparison.Ordinal) ? name.Substring(0, name.Length - 2) : name;
    }

    private string GroupArn(string name) => $"arn:{_state.Settings.Partition}:logs:{_state.Settings.Region}:{_state.Settings.Account}:log-group:{name}";

    private static string StreamToken(char direction, int position) =>
        direction + "/" + position.ToString("D56", CultureInfo.InvariantCulture) + "/s";

    private static (bool Forward, int Position) ReadStreamToken(string token, int count)
    {
        var parts = token.Split('/');
        if (parts.Length == 3 && (parts[0] == "f" || parts[0] == "b") && parts[2] == "s" && parts[1].Length == 56
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position <= count)
        {
            return (parts[0] == "f", (int)position);
        }
        throw Invalid("The specified nextToken is invalid.");
    }

    /// <summary>A page by position; CloudWatch Logs calls a token it does not know an invalid parameter.</summary>
    private static Page<T> PageOf<T>(IReadOnlyList<T> items, string? token, int? limit, CallContext call, int max)
    {
        try
        {
            return Paging.Of(items, token, limit, call.PagingScope, max);
        }
        catch (ServiceError e) when (e.Code == "InvalidPaginationTokenException")
        {
            throw Invalid("The specified nextToken is invalid.");
        }
    }

    private static ServiceError Invalid(string message) => ServiceError.FromShape(LogsShapes.InvalidParameterException, message);

    private static ServiceError GroupMissing() => ServiceError.FromShape(LogsShapes.ResourceNotFoundException, "The specified log group does not exist.");
}
