using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Views;

/// <summary>
/// In real pwsh with a time zone far from UTC (TZ=America/New_York): date arithmetic on the module's objects is
/// right, views show local time once (not shifted twice), and a date given in local time or without a kind is
/// sent as the UTC instant it stands for, while a UTC date is sent as it is.
/// </summary>
public sealed class TimeZoneInRealPwshTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public TimeZoneInRealPwshTests(EmulatorFixture fixture) => _f = fixture;

    private static readonly Dictionary<string, string> NewYork = new() { ["TZ"] = "America/New_York" };

    private static string Line(PwshResult result, string key) =>
        result.StdOut.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(key + "=", StringComparison.Ordinal))?.Substring(key.Length + 1)
        ?? throw new Xunit.Sdk.XunitException($"No '{key}=' line in:\n{result.StdOut}\n{result.StdErr}");

    [Fact]
    public void ANewComponentIsMinutesOldNotHoursAndItsViewShowsTheLocalTime()
    {
        var result = RealPwsh.RunFile("""
            $doc = "name: tz`nschemaVersion: 1.0`nphases:`n  - name: build`n    steps:`n      - name: s`n        action: ExecuteBash`n        inputs:`n          commands: [ 'echo hi' ]`n"
            $c = New-IbComponent -Name tz-check -SemanticVersion 1.0.0 -Platform Linux -Data $doc -ErrorAction Stop
            "offset=$($c.DateCreated.ToString('zzz'))"
            "minutes=$([math]::Round(((Get-Date) - $c.DateCreated).TotalMinutes))"
            "sorted=$((@((Get-Date).AddHours(-3), $c.DateCreated) | Sort-Object -Descending | Select-Object -First 1) -eq $c.DateCreated)"
            $list = $c | Format-List | Out-String
            "view=$($list -match ('Created\s+: ' + [regex]::Escape($c.DateCreated.ToString('yyyy-MM-dd HH:mm:ss'))))"
            "json=$(($c | ConvertTo-Json -Compress) -match '"DateCreated":"[^"]+-0[45]:00"')"
            """, _f.Emulator.Url, NewYork);
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        Assert.Matches("^-0[45]:00$", Line(result, "offset"));
        Assert.InRange(int.Parse(Line(result, "minutes")), -1, 10);
        Assert.Equal("True", Line(result, "sorted"));
        Assert.Equal("True", Line(result, "view"));
        Assert.Equal("True", Line(result, "json"));
    }

    [Fact]
    public void UpdateAtIsSentAsTheInstantItStandsFor()
    {
        var result = RealPwsh.RunFile("""
            function Sent($when) {
                $debug = Set-IbResourceState -ResourceArn arn:aws:imagebuilder:us-east-1:123456789012:image/tz/1.0.0/1 -State DEPRECATED -UpdateAt $when -Force -Debug -ErrorAction SilentlyContinue 5>&1 |
                    Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'StartResourceStateUpdate input:*' }
                if ($debug.Message -match '"updateAt":(\d+)') { $Matches[1] }
            }
            "unspecified=$(Sent ([datetime]'2030-01-01 10:00'))"
            "local=$(Sent ([datetime]::new(2030, 1, 1, 10, 0, 0, [DateTimeKind]::Local)))"
            "utc=$(Sent ([datetime]::new(2030, 1, 1, 10, 0, 0, [DateTimeKind]::Utc)))"
            """, _f.Emulator.Url, NewYork);
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        var tenInNewYork = new DateTimeOffset(2030, 1, 1, 15, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString();
        Assert.Equal(tenInNewYork, Line(result, "unspecified"));
        Assert.Equal(tenInNewYork, Line(result, "local"));
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(), Line(result, "utc"));
    }
}
