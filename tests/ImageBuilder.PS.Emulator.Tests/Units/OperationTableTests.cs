using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;

namespace ImageBuilder.PS.Emulator.Tests.Units;

public sealed class OperationTableTests
{
    [Fact]
    public void Every_operation_of_the_three_models_has_a_handler()
    {
        var engine = new EmulatorEngine(new EmulatorSettings { Account = "123456789012", Region = "us-east-1" });

        Assert.Empty(engine.ImageBuilder.Missing);
        Assert.Empty(engine.AppStream.Missing);
        Assert.Empty(engine.WorkSpaces.Missing);
        Assert.Equal(77, engine.ImageBuilder.Service.Operations.Count);
        Assert.Equal(4, engine.AppStream.Service.Operations.Count + engine.WorkSpaces.Service.Operations.Count);
    }

    [Fact]
    public void A_fresh_engine_holds_Amazons_resources()
    {
        var engine = new EmulatorEngine(new EmulatorSettings { Account = "123456789012", Region = "eu-west-1" });

        Assert.Contains(engine.State.Images.All, e => e.Owner == Ownership.Amazon && e.Arn.StartsWith("arn:aws:imagebuilder:eu-west-1:aws:image/", StringComparison.Ordinal));
        Assert.Contains(engine.State.Workflows.All, e => e.Arn == "arn:aws:imagebuilder:eu-west-1:aws:workflow/build/build-image/1.0.0/1");
        Assert.Contains(engine.State.Components.All, e => e.Owner == Ownership.AWSMarketplace);
        Assert.Contains(engine.State.Components.All, e => e.Owner == Ownership.Shared);
    }

    [Fact]
    public void Faults_fire_by_count_then_stop()
    {
        var faults = new FaultInjector();
        faults.Add(new FaultRule { Operation = "GetImage", Kind = FaultKind.Throttle, Count = 2 });

        Assert.Null(faults.Next("ListImages"));
        Assert.NotNull(faults.Next("GetImage"));
        Assert.NotNull(faults.Next("GetImage"));
        Assert.Null(faults.Next("GetImage"));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Add(new FaultRule { Kind = FaultKind.ServerError, StatusCode = 404 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Add(new FaultRule { Kind = FaultKind.Slow, Rate = 1.5 }));
    }
}
