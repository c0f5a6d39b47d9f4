using System.Diagnostics;
using System.Text.Json;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Cmdlets;

/// <summary>A request signed by the module verifies with botocore's SigV4 signer (the AWS SDK for Python's own).</summary>
public sealed class SignatureTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public SignatureTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    [SkippableTheory]
    [InlineData("Get-IbComponent -EndpointUrl $Endpoint -Arn 'arn:aws:imagebuilder:us-east-1:123456789012:component/install-agent/1.0.0/1'", "")]
    [InlineData("New-IbComponent -EndpointUrl $Endpoint -Name signed -SemanticVersion 1.0.0 -Platform Linux -Data 'name: x' -SkipValidation -Tag @{ 'a b' = 'ü' }", "")]
    [InlineData("Get-IbImage -EndpointUrl $Endpoint -Name golden", " -SessionToken 'FwoGZXIvYXdzEXAMPLE/+token=='")]
    public void BotocoreComputesTheSameSignature(string script, string extra)
    {
        Skip.IfNot(PythonHasBotocore(), "python3 with botocore is not available");
        _f.Server.Default = r => r.Path == "/CreateComponent" ? CannedResponse.Json(Samples.Created) : CannedResponse.Json("{}");
        var keys = extra.Length == 0 ? "" : $" -AccessKey {TestEnvironment.AccessKey} -SecretKey '{TestEnvironment.SecretKey}'" + extra;
        _f.Run(script + keys);
        var request = _f.Server.Requests.First();
        var token = extra.Contains("SessionToken") ? "FwoGZXIvYXdzEXAMPLE/+token==" : null;
        var input = JsonSerializer.Serialize(new
        {
            method = request.Method,
            url = _f.Server.Url + request.RawUrl,
            headers = request.Headers,
            body = Convert.ToBase64String(request.Body),
            access_key = TestEnvironment.AccessKey,
            secret_key = TestEnvironment.SecretKey,
            session_token = token,
            region = "us-east-1",
            service = "imagebuilder",
        });
        var output = RunPython(Path.Combine(AppContext.BaseDirectory, "Python", "verify_sigv4.py"), input);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal(result.GetProperty("botocore").GetString(), result.GetProperty("module").GetString());
        Assert.Contains("host", result.GetProperty("signed_headers").EnumerateArray().Select(h => h.GetString()));
        Assert.Contains("x-amz-date", result.GetProperty("signed_headers").EnumerateArray().Select(h => h.GetString()));
    }

    private static bool PythonHasBotocore()
    {
        try
        {
            RunPython("-c", "import botocore.auth");
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException || e is System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string RunPython(string script, string input)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        if (script == "-c") start.ArgumentList.Add(input);
        using var process = Process.Start(start)!;
        if (script != "-c") process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("python3 failed: " + errors);
        return output;
    }
}
