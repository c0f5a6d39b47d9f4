using ImageBuilder.PS.Documents;

namespace ImageBuilder.PS.UnitTests.Documents;

public sealed class ComponentDocumentCheckerTests
{
    private const string Good = """
        name: install-agent
        description: Installs the monitoring agent
        schemaVersion: 1.0
        parameters:
          - AgentVersion:
              type: string
              default: '2.1'
        phases:
          - name: build
            steps:
              - name: Download
                action: S3Download
                inputs:
                  - source: s3://bucket/agent-{{ AgentVersion }}.msi
                    destination: C:\Temp\agent.msi
              - name: Install
                action: ExecutePowerShell
                onFailure: Abort
                timeoutSeconds: 600
                maxAttempts: 3
                inputs:
                  commands:
                    - Start-Process msiexec -ArgumentList '/i C:\Temp\agent.msi /qn' -Wait
          - name: validate
            steps:
              - name: Check
                action: ExecutePowerShell
                inputs:
                  commands:
                    - Get-Service agent
                    - echo '{{ build.Install.outputs.stdout }}'
        """;

    private static List<string> Findings(string yaml) =>
        ComponentDocumentChecker.Check(yaml).Select(f => $"{f.Line}:{f.Column} {f.Severity} {f.Rule}").ToList();

    [Fact]
    public void AGoodDocumentHasNoFindings() => Assert.Empty(ComponentDocumentChecker.Check(Good));

    [Fact]
    public void SyntaxErrorsSayWhereTheParserStopped()
    {
        var finding = Assert.Single(ComponentDocumentChecker.Check("schemaVersion: 1.0\nphases:\n  - name: build\n   steps: [\n"));
        Assert.Equal("YamlSyntax", finding.Rule);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(4, finding.Line);
        Assert.StartsWith("The text is not valid YAML: ", finding.Message);
        Assert.DoesNotContain("(Line:", finding.Message);
    }

    [Theory]
    [InlineData("schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n\t- name: A\n        action: Reboot\n", 5, 1)]
    [InlineData("schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n    \t- name: A\n        action: Reboot\n", 5, 5)]
    [InlineData("schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n\taction: Reboot\n", 6, 1)]
    public void TabsUsedAsIndentationArePlacedAtTheTab(string yaml, int line, int column)
    {
        var finding = Assert.Single(ComponentDocumentChecker.Check(yaml));
        Assert.Equal(("YamlSyntax", line, column), (finding.Rule, finding.Line, finding.Column));
    }

    [Fact]
    public void StructureProblemsArePlaced()
    {
        var yaml = """
            schemaVersion: 2.0
            phases:
              - name: compile
                steps:
                  - name: First step
                    action: ExecutePowershell
                    onFailure: Retry
                    timeoutSeconds: 0
                    maxAttempts: many
                  - name: Second
                    action: ExecuteBash
                    inputs:
                      commands: [ls]
                      file: x.sh
                  - name: Second
                    action: CopyFile
                    inputs:
                      source: a
                    retries: 3
            """;
        var findings = Findings(yaml);
        Assert.True(findings.Contains("1:16 Error SchemaVersionUnsupported"), string.Join(" | ", findings));
        Assert.True(findings.Contains("3:11 Error PhaseNameInvalid"), string.Join(" | ", findings));
        Assert.True(findings.Contains("5:15 Error StepNameInvalid"), string.Join(" | ", findings));
        Assert.True(findings.Contains("6:17 Error UnknownAction"), string.Join(" | ", findings));
        Assert.True(findings.Contains("7:20 Error OnFailureInvalid"), string.Join(" | ", findings));
        Assert.True(findings.Contains("8:25 Error TimeoutInvalid"), string.Join(" | ", findings));
        Assert.True(findings.Contains("9:22 Error MaxAttemptsInvalid"), string.Join(" | ", findings));
        Assert.True(findings.Contains("13:11 Error InputConflict"), string.Join(" | ", findings));
        Assert.True(findings.Contains("15:15 Error StepNameDuplicate"), string.Join(" | ", findings));
        Assert.True(findings.Contains("18:11 Error InputsNotAList"), string.Join(" | ", findings));
        Assert.True(findings.Contains("19:9 Warning UnknownKey"), string.Join(" | ", findings));
        var unknown = ComponentDocumentChecker.Check(yaml).Single(f => f.Rule == "UnknownAction");
        Assert.Equal("'ExecutePowershell' is not an action AWSTOE can run. Did you mean ExecutePowerShell?", unknown.Message);
        Assert.Equal("phases[0].steps[0].action", unknown.Path);
    }

    [Fact]
    public void RequiredInputsAndMissingSections()
    {
        Assert.Contains("1:1 Error PhasesMissing", Findings("schemaVersion: 1.0\nname: x\n"));
        Assert.Contains("1:1 Error SchemaVersionMissing", Findings("phases: []\n"));
        var findings = ComponentDocumentChecker.Check("""
            schemaVersion: 1.0
            phases:
              - name: build
                steps:
                  - name: Fetch
                    action: WebDownload
                    inputs:
                      - source: https://example.com/a.zip
                  - name: Run
                    action: ExecutePowerShell
            """);
        Assert.Contains(findings, f => f.Rule == "InputMissing" && f.Line == 8 && f.Message == "WebDownload needs the input 'destination'.");
        Assert.Contains(findings, f => f.Rule == "InputsMissing" && f.Line == 9 && f.Message.Contains("'commands' or 'file'"));
    }

    [Fact]
    public void ReferencesMustPointAtDeclaredNamesAndEarlierSteps()
    {
        var findings = ComponentDocumentChecker.Check("""
            schemaVersion: 1.0
            phases:
              - name: build
                steps:
                  - name: Use
                    action: ExecuteBash
                    inputs:
                      commands:
                        - echo {{ Undeclared }} {{ build.Later.outputs.stdout }} {{ loop.value }}
                  - name: Later
                    action: ExecuteBash
                    inputs:
                      commands: [echo later]
            """);
        Assert.Contains(findings, f => f.Rule == "VariableUnknown" && f.Severity == FindingSeverity.Warning && f.Line == 9 && f.Column == 20);
        Assert.Contains(findings, f => f.Rule == "StepOutputUnknown" && f.Line == 9 && f.Column == 37);
        Assert.Contains(findings, f => f.Rule == "StepOutputUnknown" && f.Severity == FindingSeverity.Error && f.Message.Contains("'Later'"));
        Assert.Contains(findings, f => f.Rule == "LoopVariableOutsideLoop");
    }

    [Theory]
    [InlineData("\"echo {{ Missing }}\"", 28)]
    [InlineData("\"echo\\t\\t{{ Missing }}\"", 31)]
    [InlineData("\"\\u00e9\\x41\\\" {{ Missing }}\"", 36)]
    [InlineData("\"\\U0001F600 {{ Missing }}\"", 34)]
    [InlineData("'it''s {{ Missing }}'", 29)]
    public void ReferencesInQuotedScalarsArePlacedWhereTheSourceHasThem(string command, int column)
    {
        // "          commands: [" is 21 characters, so the opening quote is at column 22.
        var findings = ComponentDocumentChecker.Check(
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: ExecuteBash\n        inputs:\n" +
            $"          commands: [{command}]\n");
        var finding = Assert.Single(findings);
        Assert.Equal(("VariableUnknown", 8, column), (finding.Rule, finding.Line, finding.Column));
    }

    [Fact]
    public void StepsMayTakeTheirKeysFromMergeKeys() => Assert.Empty(ComponentDocumentChecker.Check("""
        schemaVersion: 1.0
        phases:
          - name: build
            steps:
              - &reboot
                name: First
                action: Reboot
              - <<: *reboot
                name: Second
        """));

    [Fact]
    public void TooLargeDocumentsAreRefused()
    {
        var huge = Good + "\n# " + new string('x', ComponentDocumentChecker.MaxLength);
        var finding = ComponentDocumentChecker.Check(huge).Single();
        Assert.Equal("DocumentTooLarge", finding.Rule);
        Assert.Equal(16000, ComponentDocumentChecker.MaxLength);
    }

    [Fact]
    public void DuplicateKeysAreSyntaxErrors()
    {
        var finding = Assert.Single(ComponentDocumentChecker.Check("schemaVersion: 1.0\nschemaVersion: 1.0\nphases: []\n"));
        Assert.Equal("YamlSyntax", finding.Rule);
        Assert.Equal(2, finding.Line);
    }
}
