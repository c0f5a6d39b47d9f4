using System.Globalization;

/// <summary>The shell's own options, read off the front of the command line; the rest is PowerShell's.</summary>
internal static class ShellArguments
{
    public static (bool Emulator, double ClockScale, string[] PowerShellArguments) Parse(string[] args)
    {
        bool emulator = false;
        double scale = 4;
        int i = 0;
        for (; i < args.Length; i++)
        {
            if (args[i] == "--emulator")
            {
                emulator = true;
            }
            else if (args[i] == "--clock-scale" && i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                scale = value;
                i++;
            }
            else
            {
                break;
            }
        }
        var rest = args.Skip(i).ToArray();
        if (!rest.Contains("-NoProfile", StringComparer.OrdinalIgnoreCase))
        {
            rest = new[] { "-NoProfile" }.Concat(rest).ToArray();
        }
        return (emulator, scale, rest);
    }
}
