using ImageBuilder.PS.Emulator.State;

namespace ImageBuilder.PS.Emulator.Imports;

/// <summary>
/// Moves image imports on the emulator's clock, one status per stage duration: AppStream PENDING → IMPORTING →
/// VALIDATING → AVAILABLE; WorkSpaces PENDING → AVAILABLE. An arranged failure ends the import in FAILED
/// (AppStream) or ERROR (WorkSpaces) at its stage. Callers hold the state's lock.
/// </summary>
internal sealed class ImportMachine
{
    private static readonly string[] AppStreamStates = { "PENDING", "IMPORTING", "VALIDATING", "AVAILABLE" };
    private readonly EmulatorState _state;

    public ImportMachine(EmulatorState state) => _state = state;

    /// <summary>Brings every import up to the given time; true when anything moved.</summary>
    public bool Advance(DateTime now)
    {
        bool moved = false;
        foreach (var record in _state.AppStreamImages.Values)
        {
            while (record.Image.State is not ("AVAILABLE" or "FAILED") && record.NextAt <= now)
            {
                moved = true;
                var next = AppStreamStates[Array.IndexOf(AppStreamStates, record.Image.State) + 1];
                record.Image.State = next;
                if (FailsAt(record.Failure, next))
                {
                    record.Image.State = "FAILED";
                    var message = record.Failure!.Reason ?? $"The import failed while {next} (arranged by the emulator).";
                    record.Image.StateChangeReason = new Model.AppStream.ImageStateChangeReason { Code = "IMAGE_IMPORT_FAILURE", Message = message };
                    record.Image.ImageErrors = new List<Model.AppStream.ResourceError>
                    {
                        new() { ErrorCode = "IMAGE_IMPORT_FAILURE", ErrorMessage = message, ErrorTimestamp = record.NextAt },
                    };
                }
                record.NextAt += _state.Settings.StageDuration;
            }
        }
        foreach (var record in _state.WorkSpacesImages.Values)
        {
            if (record.Image.State == "PENDING" && record.NextAt <= now)
            {
                moved = true;
                if (record.Refusal is { } refusal)
                {
                    record.Image.State = "ERROR";
                    record.Image.ErrorCode = Validation.WorkSpacesByol.ErrorCode;
                    record.Image.ErrorMessage = refusal + ".";
                    record.Image.ErrorDetails = new List<Model.WorkSpaces.ErrorDetails> { new() { ErrorCode = Validation.WorkSpacesByol.ErrorCode, ErrorMessage = record.Image.ErrorMessage } };
                }
                else if (FailsAt(record.Failure, "PENDING") || FailsAt(record.Failure, "AVAILABLE"))
                {
                    record.Image.State = "ERROR";
                    record.Image.ErrorCode = "ImportFailed";
                    record.Image.ErrorMessage = record.Failure!.Reason ?? "The import failed (arranged by the emulator).";
                    record.Image.ErrorDetails = new List<Model.WorkSpaces.ErrorDetails> { new() { ErrorCode = "ImportFailed", ErrorMessage = record.Image.ErrorMessage } };
                }
                else
                {
                    record.Image.State = "AVAILABLE";
                }
            }
        }
        return moved;
    }

    /// <summary>An AppStream import failing at PENDING fails on leaving it (the first status it reaches, IMPORTING).</summary>
    private static bool FailsAt(ArrangedFailure? failure, string status) =>
        failure is not null && (string.Equals(failure.Stage, status, StringComparison.OrdinalIgnoreCase)
                                || (status == "IMPORTING" && string.Equals(failure.Stage, "PENDING", StringComparison.OrdinalIgnoreCase)));
}
