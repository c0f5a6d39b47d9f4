namespace ImageBuilder.PS.Emulator.Core;

/// <summary>What a handler knows about the call it serves besides its input.</summary>
internal sealed class CallContext
{
    public CallContext(string operation, string requestId, DateTime now, string account, string region)
    {
        Operation = operation;
        RequestId = requestId;
        Now = now;
        Account = account;
        Region = region;
    }

    public string Operation { get; }
    public string RequestId { get; }
    /// <summary>The emulator's clock when the call was taken (stepped clocks make this deterministic).</summary>
    public DateTime Now { get; }
    public string Account { get; }
    public string Region { get; }
    /// <summary>What a pagination token of this call is bound to: the operation and the request's filters.</summary>
    public string PagingScope { get; init; } = "";
}
