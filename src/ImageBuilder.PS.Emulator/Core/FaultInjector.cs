namespace ImageBuilder.PS.Emulator.Core;

/// <summary>Decides, call by call, whether an arranged fault applies. Thread-safe.</summary>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<ActiveRule> _rules = new();

    public void Add(FaultRule rule)
    {
        if (rule.Rate is { } rate && (double.IsNaN(rate) || rate < 0 || rate > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rate, "A fault rate is between 0 and 1.");
        }
        if (rule.Count is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Count, "A fault count is not negative.");
        }
        if (rule.Skip < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Skip, "The calls a fault lets pass first are not negative.");
        }
        if (rule.Kind == FaultKind.ServerError && rule.StatusCode is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.StatusCode, "A server error has a 5xx status.");
        }
        // Checked here, not when the call comes: a rule that cannot be applied would otherwise fail every call it matches.
        if (rule.Delay < TimeSpan.Zero || rule.Delay > FaultRule.MaxDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Delay, $"A fault's delay is between 0 and {FaultRule.MaxDelay.TotalMilliseconds} ms.");
        }
        if (!Enum.IsDefined(rule.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown fault kind.");
        }
        if (rule.Count == 0)
        {
            return;
        }
        lock (_gate)
        {
            _rules.Add(new ActiveRule(rule));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>
    /// The rules in force as they stand now: a rule's Count is the calls it has left and its Skip the calls it still
    /// lets pass, so a listing after a call that used one up says so.
    /// </summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (_gate) return _rules.Select(r => r.AsItStands()).ToList(); }
    }

    /// <summary>The fault this call gets, if any (the first rule that fires, in the order they were added).</summary>
    public FaultRule? Next(string operation)
    {
        lock (_gate)
        {
            for (int i = 0; i < _rules.Count; i++)
            {
                var active = _rules[i];
                var rule = active.Rule;
                if (rule.Operation != "*" && !string.Equals(rule.Operation, operation, StringComparison.Ordinal))
                {
                    continue;
                }
                if (active.Skipped < rule.Skip)
                {
                    active.Skipped++;
                    continue;
                }
                if (rule.Rate is { } rate && active.Random.NextDouble() >= rate)
                {
                    continue;
                }
                if (rule.Count is not null)
                {
                    active.Remaining--;
                    if (active.Remaining <= 0)
                    {
                        _rules.RemoveAt(i);
                    }
                }
                return rule;
            }
            return null;
        }
    }

    private sealed class ActiveRule
    {
        public ActiveRule(FaultRule rule)
        {
            Rule = rule;
            Remaining = rule.Count ?? int.MaxValue;
        }

        public FaultRule Rule { get; }
        public int Remaining { get; set; }
        public int Skipped { get; set; }
        // A fixed seed makes a rate-based run repeatable.
        public Random Random { get; } = new(20191202);

        /// <summary>The rule as given, with the calls it has left to fault and to let pass.</summary>
        public FaultRule AsItStands() => new()
        {
            Operation = Rule.Operation,
            Kind = Rule.Kind,
            Count = Rule.Count is null ? null : Remaining,
            Skip = Rule.Skip - Skipped,
            Rate = Rule.Rate,
            StatusCode = Rule.StatusCode,
            Delay = Rule.Delay,
        };
    }
}
