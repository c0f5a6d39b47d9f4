using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Documents;

/// <summary>Test-IbComponentDocument, Test-IbWorkflowDocument and the check New-IbComponent runs before sending.</summary>
public sealed class DocumentCmdletTests : IClassFixture<LoopbackFixture>
{
    private const string Broken = "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: Install\n        action: ExecutePowershell\n        inputs:\n          commands: [hi]\n";
    private const string BrokenWorkflow = "schemaVersion: 1.0\nsteps:\n  - name: Wait\n    action: WaitForAction\n    onFailure: Retry\n";
    private readonly LoopbackFixture _f;

    public DocumentCmdletTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    private static string WriteFile(string name, string text)
    {
        var path = Path.Combine(TestEnvironment.Home, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void FindingsHaveFileLineColumnAndRenderAsATable()
    {
        var file = WriteFile("broken.yaml", Broken);
        var result = _f.Run("Test-IbComponentDocument -Path $File", new Dictionary<string, object?> { ["File"] = file });
        result.AssertSuccess();
        dynamic finding = result.Output.Single();
        Assert.Equal(6, (int)finding.Line);
        Assert.Equal(17, (int)finding.Column);
        Assert.Equal("UnknownAction", (string)finding.Rule);
        Assert.Equal(file, (string)finding.Source);

        var text = _f.Render($"Test-IbComponentDocument -Path '{file}'");
        Assert.Contains("Document: " + file, text);
        Assert.Matches(@"Line\s+Col\s+Severity\s+Message", text);
        Assert.Matches(@"6\s+17\s+Error\s+'ExecutePowershell' is not an action AWSTOE can run\. Did you mean ExecutePowerShell\?", text);
    }

    [Fact]
    public void QuietGivesOneAnswerForManyDocuments()
    {
        WriteFile("quiet-good.yaml", Samples.Document);
        Assert.True((bool)_f.Run("Test-IbComponentDocument -Path (Join-Path $HOME 'quiet-good.yaml') -Quiet").Output.Single().BaseObject);
        WriteFile("quiet-bad.yaml", Broken);
        Assert.False((bool)_f.Run("Test-IbComponentDocument -Path (Join-Path $HOME 'quiet-*.yaml') -Quiet").Output.Single().BaseObject);
        var missing = _f.Run("Test-IbComponentDocument -Path (Join-Path $HOME 'no-such.yaml') -Quiet");
        Assert.Equal("DocumentNotFound", missing.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        Assert.False((bool)missing.Output.Single().BaseObject);
    }

    [Fact]
    public void APatternThatMatchesNoFileIsAnErrorNotAPass()
    {
        var none = _f.Run("Test-IbComponentDocument -Path (Join-Path $HOME 'nothing-*.yaml') -Quiet");
        Assert.Contains("No file matches", none.Errors.Single().Exception.Message);
        Assert.False((bool)none.Output.Single().BaseObject);

        var text = _f.Run("Test-IbComponentDocument $Doc", new Dictionary<string, object?> { ["Doc"] = Broken });
        Assert.Equal("DocumentPathIsText", text.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("-Data", text.Errors.Single().Exception.Message);
    }

    [Fact]
    public void FilesFromGetChildItemAreReadAsNamedEvenWithBrackets()
    {
        WriteFile("bracket[1].yaml", Broken);
        var piped = _f.Run("Get-ChildItem -LiteralPath (Join-Path $HOME 'bracket[1].yaml') | Test-IbComponentDocument -Quiet");
        piped.AssertSuccess();
        Assert.False((bool)piped.Output.Single().BaseObject);

        var literal = _f.Run("Test-IbComponentDocument -LiteralPath (Join-Path $HOME 'bracket[1].yaml')");
        Assert.Single(literal.Output);
        var strings = _f.Run("Join-Path $HOME 'bracket`[1`].yaml' | Test-IbComponentDocument");
        Assert.Single(strings.Output);
        var missing = _f.Run("Test-IbComponentDocument -LiteralPath (Join-Path $HOME 'gone[1].yaml') -Quiet");
        Assert.Equal("DocumentNotFound", missing.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void ComponentsInThePipelineAreCheckedByTheirData()
    {
        var result = _f.Run("[pscustomobject]@{ Data = $Doc } | Test-IbComponentDocument", new Dictionary<string, object?> { ["Doc"] = Broken });
        result.AssertSuccess();
        Assert.Single(result.Output);
        Assert.Empty(_f.Run("Test-IbComponentDocument -Data $Doc", new Dictionary<string, object?> { ["Doc"] = Samples.Document }).Output);
    }

    [Fact]
    public void WorkflowDocumentsAreChecked()
    {
        var result = _f.Run("Test-IbWorkflowDocument -Data $Doc", new Dictionary<string, object?> { ["Doc"] = BrokenWorkflow });
        result.AssertSuccess();
        dynamic finding = result.Output.Single();
        Assert.Equal("OnFailureInvalid", (string)finding.Rule);
        Assert.Equal(5, (int)finding.Line);
        Assert.Equal(16, (int)finding.Column);
    }

    [Fact]
    public void NewComponentRefusesAnInvalidDocumentAndSendsNothing()
    {
        var result = _f.Run("New-IbComponent -EndpointUrl $Endpoint -Name install -SemanticVersion 1.0.0 -Platform Windows -Data $Doc", new Dictionary<string, object?> { ["Doc"] = Broken });
        Assert.Empty(_f.Server.Requests);
        var error = result.Errors.Single();
        Assert.Equal("ComponentDocumentInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("line 6, column 17: 'ExecutePowershell' is not an action AWSTOE can run", error.ErrorDetails.Message);
        Assert.Contains("-SkipValidation", error.ErrorDetails.Message);

        _f.Server.Enqueue(CannedResponse.Json(Samples.Created), CannedResponse.Json(Samples.Component));
        var forced = _f.Run("New-IbComponent -EndpointUrl $Endpoint -Name install -SemanticVersion 1.0.0 -Platform Windows -Data $Doc -SkipValidation", new Dictionary<string, object?> { ["Doc"] = Broken });
        forced.AssertSuccess();
        Assert.Equal(Broken, _f.Server.Requests.First().Json.GetProperty("data").GetString());
    }

    [Fact]
    public void NewComponentShowsWarningsAndSends()
    {
        var withWarning = Samples.Document + "owner: me\n";
        _f.Server.Enqueue(CannedResponse.Json(Samples.Created), CannedResponse.Json(Samples.Component));
        var result = _f.Run("New-IbComponent -EndpointUrl $Endpoint -Name install -SemanticVersion 1.0.0 -Platform Windows -Data $Doc", new Dictionary<string, object?> { ["Doc"] = withWarning });
        result.AssertSuccess();
        Assert.Contains(result.Warnings, w => w.Message.StartsWith("Component document, line 10, column 1: Component documents do not take 'owner'"));
        Assert.Equal(2, _f.Server.Requests.Count);
    }

    [Fact]
    public void NewComponentWritesADocumentGivenAsData()
    {
        _f.Server.Enqueue(CannedResponse.Json(Samples.Created), CannedResponse.Json(Samples.Component));
        var result = _f.Run("""
            New-IbComponent -EndpointUrl $Endpoint -Name set-timezone -SemanticVersion 1.0.0 -Platform Windows -Document @{
                phases = @(@{ steps = @(@{ inputs = @{ commands = @('Set-TimeZone -Id UTC') }; action = 'ExecutePowerShell'; name = 'SetZone' }); name = 'build' })
                schemaVersion = 1.0
            }
            """);
        result.AssertSuccess();
        var data = _f.Server.Requests.First().Json.GetProperty("data").GetString()!;
        Assert.Equal("schemaVersion: 1.0\nphases:\n- name: build\n  steps:\n  - name: SetZone\n    action: ExecutePowerShell\n    inputs:\n      commands:\n      - Set-TimeZone -Id UTC\n", data.Replace("\r\n", "\n"));

        var whatIf = _f.Run("New-IbComponent -EndpointUrl $Endpoint -Name x -SemanticVersion 1.0.0 -Platform Linux -Document ([ordered]@{ schemaVersion = 1.0; phases = @() }) -WhatIf");
        Assert.Single(_f.Server.Requests, r => r.Path == "/CreateComponent");
        Assert.Equal("ComponentDocumentInvalid", whatIf.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void DocumentValuesKeepTheirTypeWhenTheYamlIsReadBack()
    {
        _f.Server.Enqueue(CannedResponse.Json(Samples.Created), CannedResponse.Json(Samples.Component));
        var result = _f.Run("""
            New-IbComponent -EndpointUrl $Endpoint -Name registry -SemanticVersion 1.0.0 -Platform Windows -Document ([ordered]@{
                schemaVersion = 1.0
                phases = @([ordered]@{ name = 'build'; steps = @([ordered]@{ name = 'Keys'; action = 'SetRegistry'; timeoutSeconds = 60; inputs = @(
                    [ordered]@{ path = 'HKLM:\SOFTWARE\Golden'; name = 'Version'; value = '1.10'; type = 'SZ' }
                    [ordered]@{ path = 'HKLM:\SOFTWARE\Golden'; name = 'Code'; value = '01234'; type = 'SZ' }
                    [ordered]@{ path = 'HKLM:\SOFTWARE\Golden'; name = 'Flags'; value = 'yes'; type = 'SZ' }
                    [ordered]@{ path = 'HKLM:\SOFTWARE\Golden'; name = 'Empty'; value = 'null'; type = 'SZ' }
                    [ordered]@{ path = 'HKLM:\SOFTWARE\Golden'; name = 'Enabled'; value = 1; type = 'DWORD' }) }) })
            })
            """);
        result.AssertSuccess();
        var data = _f.Server.Requests.First().Json.GetProperty("data").GetString()!.Replace("\r\n", "\n");
        Assert.Contains("schemaVersion: 1.0\n", data);
        Assert.Contains("timeoutSeconds: 60\n", data);
        Assert.Contains("value: \"1.10\"\n", data);
        Assert.Contains("value: \"01234\"\n", data);
        Assert.Contains("value: \"yes\"\n", data);
        Assert.Contains("value: \"null\"\n", data);
        Assert.Contains("value: 1\n", data);
    }

    [Fact]
    public void NewWorkflowChecksItsDocumentToo()
    {
        var refused = _f.Run("New-IbWorkflow -EndpointUrl $Endpoint -Name approve -SemanticVersion 1.0.0 -Type BUILD -Data $Doc", new Dictionary<string, object?> { ["Doc"] = BrokenWorkflow });
        Assert.Empty(_f.Server.Requests);
        Assert.Equal("WorkflowDocumentInvalid", refused.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("line 5, column 16: onFailure is 'Retry'", refused.Errors.Single().ErrorDetails.Message);

        var fromData = _f.Run("""
            New-IbWorkflow -EndpointUrl $Endpoint -Name approve -SemanticVersion 1.0.0 -Type BUILD -WhatIf -Document ([ordered]@{
                schemaVersion = 1.0
                steps = @(@{ name = 'Approval'; action = 'WaitForAction' })
            })
            """);
        fromData.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("What if: Performing the operation \"Create workflow\" on target \"approve 1.0.0 (BUILD)\".", fromData.HostText);
    }
}
