using System;
using System.Collections.Generic;
using System.IO;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Aws.Emulation;

namespace ImageBuilder.PS.Emulation
{
    /// <summary>
    /// The emulator Start-IbEmulator runs in this process, and the environment variables it set. Both belong to the
    /// process, not to one runspace: environment variables are the process's, and so is the port. One at a time, so
    /// that "the emulator" in Stop-IbEmulator and the control cmdlets means one thing.
    /// </summary>
    internal static class SessionEmulators
    {
        private static readonly object Sync = new();
        private static Started? _current;
        private static bool _exitHooked;

        /// <summary>The service endpoint variables, one per service the module calls (AWS_ENDPOINT_URL_&lt;service id&gt;).</summary>
        public static readonly IReadOnlyList<string> EndpointVariables = new[]
        {
            "AWS_ENDPOINT_URL_" + ServiceBinding.ImageBuilder.EnvironmentSuffix,
            "AWS_ENDPOINT_URL_" + ServiceBinding.AppStream.EnvironmentSuffix,
            "AWS_ENDPOINT_URL_" + ServiceBinding.WorkSpaces.EnvironmentSuffix,
            "AWS_ENDPOINT_URL_" + ServiceBinding.Logs.EnvironmentSuffix,
        };

        /// <summary>The keys set when the session has no credentials of its own: the emulator takes any signature.</summary>
        public const string EmulatorAccessKey = "AKIAEMULATOREXAMPLE0";
        private const string EmulatorSecretKey = "emulator-secret-key-not-a-real-one-000000";

        public static Started? Current
        {
            get
            {
                lock (Sync)
                {
                    return _current;
                }
            }
        }

        public static Started Start(EmulatorLaunchOptions launch, bool setEnvironment)
        {
            lock (Sync)
            {
                if (_current is not null)
                {
                    throw new InvalidOperationException(AlreadyRunning(_current.Emulator.Url));
                }
                var emulator = SessionEmulator.Start(launch);
                var changes = new List<VariableChange>();
                if (setEnvironment)
                {
                    foreach (var name in EndpointVariables)
                    {
                        changes.Add(VariableChange.Set(name, emulator.Url));
                    }
                    if (Blank("AWS_REGION") && Blank("AWS_DEFAULT_REGION"))
                    {
                        // Both: the module and the newer SDKs read AWS_REGION, the AWS CLI v1 and boto3 only AWS_DEFAULT_REGION.
                        changes.Add(VariableChange.Set("AWS_REGION", emulator.Region));
                        changes.Add(VariableChange.Set("AWS_DEFAULT_REGION", emulator.Region));
                    }
                    if (!HasCredentialsOfItsOwn())
                    {
                        changes.Add(VariableChange.Set("AWS_ACCESS_KEY_ID", EmulatorAccessKey));
                        changes.Add(VariableChange.Set("AWS_SECRET_ACCESS_KEY", EmulatorSecretKey));
                    }
                }
                _current = new Started(emulator, changes);
                if (!_exitHooked)
                {
                    // The state file is saved every few seconds; this saves the last changes when PowerShell exits.
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => Current?.Emulator.Dispose();
                    _exitHooked = true;
                }
                return _current;
            }
        }

        /// <summary>Stops the emulator and puts back each variable Start set that still holds what Start put there; returns the ones left alone.</summary>
        public static IReadOnlyList<string> Stop(Started started)
        {
            lock (Sync)
            {
                if (!ReferenceEquals(_current, started))
                {
                    return Array.Empty<string>();
                }
                _current = null;
            }
            started.Emulator.Dispose();
            var leftAlone = new List<string>();
            foreach (var change in started.Changes)
            {
                if (!change.Undo())
                {
                    leftAlone.Add(change.Name);
                }
            }
            return leftAlone;
        }

        /// <summary>Whether two URLs name the same loopback emulator (127.0.0.1 and localhost are one host to it).</summary>
        public static bool SameEmulator(string a, string b) =>
            Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y)
            && x.Port == y.Port && (x.IsLoopback || x.Host == "localhost") && (y.IsLoopback || y.Host == "localhost");

        /// <summary>Adds what only this process knows (in session, state file, variables set) when <paramref name="state"/> is the emulator it runs.</summary>
        public static Model.Emulation.IbEmulator Describe(Model.Emulation.IbEmulator state)
        {
            if (Current is { } started && SameEmulator(started.Emulator.Url, state.Url))
            {
                state.InSession = true;
                state.StateFile = started.Emulator.StateFile;
                state.EnvironmentVariables = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(started.Changes, c => c.Name));
            }
            return state;
        }

        /// <summary>Why a second Start-IbEmulator is refused.</summary>
        public static string AlreadyRunning(string url) =>
            $"An emulator started by Start-IbEmulator is running already, at {url}. Stop it with Stop-IbEmulator first (one runs at a time).";

        /// <summary>An environment variable's value; null when it is unset or empty.</summary>
        public static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

        private static bool Blank(string name) => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name));

        /// <summary>
        /// Whether the session has credentials the module or the AWS CLI would find without the emulator's: keys in
        /// the environment, a profile named there, or a shared credentials or config file.
        /// </summary>
        private static bool HasCredentialsOfItsOwn()
        {
            if (!Blank("AWS_ACCESS_KEY_ID") || !Blank("AWS_PROFILE") || !Blank("AWS_DEFAULT_PROFILE"))
            {
                return true;
            }
            var home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetEnvironmentVariable("USERPROFILE") ?? "";
            string FileOf(string variable, string file) =>
                Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path ? path : Path.Combine(home, ".aws", file);
            return File.Exists(FileOf("AWS_SHARED_CREDENTIALS_FILE", "credentials")) || File.Exists(FileOf("AWS_CONFIG_FILE", "config"));
        }

        /// <summary>An emulator Start-IbEmulator started, with the variables it set.</summary>
        public sealed class Started
        {
            public Started(IRunningEmulator emulator, IReadOnlyList<VariableChange> changes)
            {
                Emulator = emulator;
                Changes = changes;
            }

            public IRunningEmulator Emulator { get; }
            public IReadOnlyList<VariableChange> Changes { get; }
        }

        /// <summary>One environment variable set for the emulator, and what it held before.</summary>
        public sealed class VariableChange
        {
            private VariableChange(string name, string? before, string value)
            {
                Name = name;
                Before = before;
                Value = value;
            }

            public string Name { get; }
            public string? Before { get; }
            public string Value { get; }

            public static VariableChange Set(string name, string value)
            {
                var change = new VariableChange(name, Environment.GetEnvironmentVariable(name), value);
                Environment.SetEnvironmentVariable(name, value);
                return change;
            }

            /// <summary>Puts the old value back (or removes the variable), unless it was changed since; false then.</summary>
            public bool Undo()
            {
                if (!string.Equals(Environment.GetEnvironmentVariable(Name), Value, StringComparison.Ordinal))
                {
                    return false;
                }
                Environment.SetEnvironmentVariable(Name, Before);
                return true;
            }
        }
    }
}
