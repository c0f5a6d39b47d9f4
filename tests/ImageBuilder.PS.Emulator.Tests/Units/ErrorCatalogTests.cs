using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Tests.Units;

/// <summary>The errors the emulator raises carry the status codes the Image Builder model gives them.</summary>
public sealed class ErrorCatalogTests
{
    public static TheoryData<string> Factories => new()
    {
        nameof(ServiceError.NotFound), nameof(ServiceError.InvalidParameterValue), nameof(ServiceError.InvalidParameter),
        nameof(ServiceError.InvalidRequest), nameof(ServiceError.InvalidParameterCombination), nameof(ServiceError.InvalidVersionNumber),
        nameof(ServiceError.AlreadyExists), nameof(ServiceError.Dependency), nameof(ServiceError.InUse), nameof(ServiceError.IdempotencyMismatch),
        nameof(ServiceError.InvalidPaginationToken), nameof(ServiceError.DryRun), nameof(ServiceError.Forbidden),
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Image_Builder_errors_match_their_model_shape(string factory)
    {
        var error = (ServiceError)typeof(ServiceError).GetMethod(factory)!.Invoke(null, new object[] { "message" })!;

        var shape = IbOperations.Service.FindError(error.Code);

        Assert.NotNull(shape);
        Assert.Equal(shape!.ErrorStatusCode, error.Status);
    }
}
