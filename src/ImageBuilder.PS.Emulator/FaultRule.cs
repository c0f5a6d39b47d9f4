namespace ImageBuilder.PS.Emulator;

/// <summary>The kinds of failure the emulator can answer a call with, to test retries, waits and error handling.</summary>
public enum FaultKind
{
    /// <summary>HTTP 429 with the service's throttling error code (CallRateLimitExceededException, ThrottlingException).</summary>
    Throttle,
    /// <summary>HTTP 429 with no error code at all, as a proxy or load balancer might send.</summary>
    ThrottleWithoutCode,
    /// <summary>A 5xx answer (500 ServiceException by default; see <see cref="FaultRule.StatusCode"/>).</summary>
    ServerError,
    /// <summary>The call is answered normally, after <see cref="FaultRule.Delay"/>.</summary>
    Slow,
    /// <summary>
    /// The call is not carried out and its answer breaks off at its start: a 500 status line, then the connection
    /// closes. (Closing without a byte would not do: HTTP clients take that for an idle connection the server had
    /// closed and resend the request on their own, unseen.)
    /// </summary>
    DropConnection,
    /// <summary>
    /// The call is carried out, then the connection breaks half-way through the answer: what a client sees when a
    /// proxy or a network fault loses the response. The hardest case for idempotency, since the work is done.
    /// </summary>
    DropAfterApply,
}

/// <summary>
/// A fault to inject: which operation (or "*" for all), what kind, and how often: the next <see cref="Count"/>
/// matching calls, or each matching call with probability <see cref="Rate"/>, or (neither set) every matching call.
/// </summary>
public sealed class FaultRule
{
    /// <summary>An operation name (CreateImage, DescribeImages, ...) or "*".</summary>
    public string Operation { get; init; } = "*";
    public FaultKind Kind { get; init; }
    public int? Count { get; init; }
    /// <summary>How many matching calls pass untouched before the rule starts to apply (to fail the second GetX of a command, say).</summary>
    public int Skip { get; init; }
    /// <summary>Probability between 0 and 1 that a matching call gets the fault (deterministic sequence per rule).</summary>
    public double? Rate { get; init; }
    /// <summary>The status of a <see cref="FaultKind.ServerError"/>, 500 to 599 (the service's code for 500, 502, 503 and 504; ServiceException else).</summary>
    public int StatusCode { get; init; } = 500;
    /// <summary>How long a <see cref="FaultKind.Slow"/> call waits before it is answered (0 to <see cref="MaxDelay"/>).</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay a rule may have: longer than any client's timeout, short enough to stay a test.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);
}
