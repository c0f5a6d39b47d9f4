using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace ImageBuilder.PS.Tests.Support;

/// <summary>A host that keeps what PowerShell shows a person: formatted output, WhatIf lines, prompts, progress.</summary>
public sealed class CapturingHost : PSHost
{
    private readonly CapturingHostUI _ui = new();

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override string Name => "ImageBuilder.PS.Tests";
    public override PSHostUserInterface UI => _ui;
    public override Version Version => new(1, 0);

    public CapturingHostUI Captured => _ui;

    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }
}

public sealed class CapturingHostUI : PSHostUserInterface
{
    private readonly StringBuilder _text = new();
    private readonly object _lock = new();

    public override PSHostRawUserInterface RawUI { get; } = new FixedRawUI();

    /// <summary>The answer PromptForChoice gives (index into the choices); -1 throws, as a host that cannot ask would.</summary>
    public int ChoiceAnswer { get; set; } = -1;
    public List<string> Prompts { get; } = new();
    public List<ProgressRecord> Progress { get; } = new();

    public string TakeText()
    {
        lock (_lock)
        {
            var text = _text.ToString();
            _text.Clear();
            return text;
        }
    }

    public override string ReadLine() => "";
    public override SecureString ReadLineAsSecureString() => new();
    public override void Write(string value) { lock (_lock) _text.Append(value); }
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);
    public override void WriteLine(string value) { lock (_lock) _text.Append(value).Append('\n'); }
    public override void WriteErrorLine(string value) => WriteLine(value);
    public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);
    public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);
    public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);
    public override void WriteProgress(long sourceId, ProgressRecord record) { lock (_lock) Progress.Add(record); }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) =>
        throw new NotSupportedException("The tests' host does not answer prompts.");

    public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice)
    {
        Prompts.Add(caption + ": " + message);
        if (ChoiceAnswer < 0) throw new PSInvalidOperationException("The test host was asked to confirm: " + message);
        return ChoiceAnswer;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();

    /// <summary>A console 120 columns wide, so tables render the same everywhere.</summary>
    private sealed class FixedRawUI : PSHostRawUserInterface
    {
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override Size BufferSize { get; set; } = new(120, 3000);
        public override Coordinates CursorPosition { get; set; }
        public override int CursorSize { get; set; }
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.White;
        public override bool KeyAvailable => false;
        public override Size MaxPhysicalWindowSize => new(120, 3000);
        public override Size MaxWindowSize => new(120, 3000);
        public override Coordinates WindowPosition { get; set; }
        public override Size WindowSize { get; set; } = new(120, 50);
        public override string WindowTitle { get; set; } = "";
        public override void FlushInputBuffer() { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    }
}
