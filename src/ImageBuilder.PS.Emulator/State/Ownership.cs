namespace ImageBuilder.PS.Emulator.State;

/// <summary>Who owns a resource, as the List operations' owner parameter names it.</summary>
internal enum Ownership
{
    Self,
    Shared,
    Amazon,
    ThirdParty,
    AWSMarketplace,
}
