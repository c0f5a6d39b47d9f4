using ImageBuilder.PS.Emulator.Lifecycle;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Tests.Units;

/// <summary>The lifecycle engine on its own, with policies put straight into the state.</summary>
public sealed class LifecycleEngineTests
{
    private static readonly DateTime T0 = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly EmulatorState _state = new(new EmulatorSettings { Account = "123456789012", Region = "us-east-1" });
    private readonly LifecycleEngine _engine;

    public LifecycleEngineTests() => _engine = new LifecycleEngine(_state);

    [Fact]
    public void A_run_whose_selection_fails_records_no_execution()
    {
        // A selection the API no longer accepts (a null recipe), as an old or hand-edited state file may hold.
        var arn = "arn:aws:imagebuilder:us-east-1:123456789012:lifecycle-policy/broken";
        var policy = new LifecyclePolicy
        {
            Arn = arn,
            Name = "broken",
            Status = "ENABLED",
            ResourceType = "AMI_IMAGE",
            PolicyDetails = new List<LifecyclePolicyDetail> { new() { Action = new LifecyclePolicyDetailAction { Type = "DELETE" }, Filter = new LifecyclePolicyDetailFilter { Type = "COUNT", Value = 1 } } },
            ResourceSelection = new LifecyclePolicyResourceSelection { Recipes = new List<LifecyclePolicyResourceSelectionRecipe> { null! } },
        };
        _state.LifecyclePolicies.Add(new Entry<LifecyclePolicy>(arn, arn, Ownership.Self, policy, 1));
        _state.Images.Add(new Entry<Image>("arn:aws:imagebuilder:us-east-1:123456789012:image/x/1.0.0/1", "arn:aws:imagebuilder:us-east-1:123456789012:image/x", Ownership.Self,
            new Image { Name = "x", Type = "AMI", State = new ImageState { Status = "AVAILABLE" } }, 2));

        Assert.ThrowsAny<Exception>(() => _engine.RunPolicies(T0));

        Assert.Empty(_state.LifecycleExecutions);
        Assert.Null(policy.DateLastRun);
    }
}
