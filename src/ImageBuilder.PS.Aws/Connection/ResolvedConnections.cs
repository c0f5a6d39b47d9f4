using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ImageBuilder.PS.Aws
{
    /// <summary>
    /// Resolved connections kept for the session, so that a command settles its connection without reading profile
    /// files and hashing secrets again when nothing it depends on has changed (about 50-110 µs of every warm call).
    /// </summary>
    /// <remarks>
    /// A kept connection is used only while everything its resolution read is as it was: the same options (the stored
    /// credentials the very same object), every environment variable <see cref="ConnectionResolver"/> looked at with
    /// the same value, and the credentials and config files with the same size and time of last write (a rewrite of
    /// the same length within the file system's clock tick, a few milliseconds, goes unseen). The variables
    /// are recorded as the resolver reads them rather than listed here, so a variable it learns to read later is
    /// covered without anyone remembering this class. What the SDK reads on its own (where the profile files are, the
    /// home folder, a web identity's session name) is added by hand.
    /// </remarks>
    public static class ResolvedConnections
    {
        /// <summary>Read by AWSSDK.Core itself, not through <see cref="ConnectionOptions.Environment"/>.</summary>
        private static readonly string[] SdkVariables =
            { "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "HOME", "USERPROFILE", "AWS_ROLE_SESSION_NAME" };

        /// <summary>More distinct connections than any session uses; past it all kept ones are forgotten and resolved again as needed.</summary>
        private const int Capacity = 64;

        private static readonly ConcurrentDictionary<string, Entry> Kept = new(StringComparer.Ordinal);

        /// <summary>
        /// The connection for <paramref name="options"/>, resolved again only when something it was resolved from
        /// has changed. Failures are never kept: a missing profile is looked for again next time.
        /// </summary>
        public static ResolvedConnection Get(ConnectionOptions options, ServiceBinding binding)
        {
            var key = KeyOf(options, binding);
            if (Kept.TryGetValue(key, out var entry) && entry.StillHolds(options))
            {
                return entry.Connection;
            }
            // Each variable once, however often the resolver reads it: every later command checks them all again.
            var reads = new Dictionary<string, string?>(StringComparer.Ordinal);
            var environment = options.Environment;
            var recording = options.WithEnvironment(name =>
            {
                var value = environment(name);
                reads[name] = value;
                return value;
            });
            foreach (var name in SdkVariables)
            {
                reads[name] = environment(name);
            }
            var files = FileStamp.Of(ProfileFiles(options));
            var connection = ConnectionResolver.Resolve(recording, binding);
            if (Kept.Count >= Capacity)
            {
                Kept.Clear();
            }
            Kept[key] = new Entry(connection, options.StoredCredentials, reads.ToArray(), files);
            return connection;
        }

        private static string KeyOf(ConnectionOptions o, ServiceBinding binding) =>
            string.Join("\u001f", binding.EnvironmentSuffix, o.AccessKey, o.SecretKey is null && o.SessionToken is null ? "" : ConnectionResolver.Fingerprint(o.SecretKey + "\u001f" + o.SessionToken),
                o.ProfileName, o.ProfileLocation, o.Region, o.EndpointUrl, o.StoredRegion, o.TimeoutSeconds,
                o.StoredCredentials is string storedName ? "name:" + storedName : o.StoredCredentials is null ? "" : "object");

        /// <summary>The files profiles may come from: the one given, or the shared credentials and config files, and on Windows the SDK's own store.</summary>
        private static IEnumerable<string> ProfileFiles(ConnectionOptions options)
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (!string.IsNullOrWhiteSpace(options.ProfileLocation))
            {
                yield return options.ProfileLocation!;
            }
            else
            {
                yield return options.Environment("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } credentials ? credentials : Path.Combine(home, ".aws", "credentials");
            }
            yield return options.Environment("AWS_CONFIG_FILE") is { Length: > 0 } config ? config : Path.Combine(home, ".aws", "config");
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            if (local.Length > 0)
            {
                yield return Path.Combine(local, "AWSToolkit", "RegisteredAccounts.json");
            }
        }

        private sealed class Entry
        {
            private readonly object? _storedCredentials;
            private readonly KeyValuePair<string, string?>[] _reads;
            private readonly FileStamp[] _files;

            public Entry(ResolvedConnection connection, object? storedCredentials, KeyValuePair<string, string?>[] reads, FileStamp[] files)
            {
                Connection = connection;
                _storedCredentials = storedCredentials;
                _reads = reads;
                _files = files;
            }

            public ResolvedConnection Connection { get; }

            public bool StillHolds(ConnectionOptions options)
            {
                if (!(options.StoredCredentials is string || ReferenceEquals(options.StoredCredentials, _storedCredentials)))
                {
                    return false;
                }
                foreach (var read in _reads)
                {
                    if (!string.Equals(options.Environment(read.Key), read.Value, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
                foreach (var file in _files)
                {
                    if (!file.Unchanged())
                    {
                        return false;
                    }
                }
                return true;
            }
        }

        /// <summary>A file's size and time of last write, or that it did not exist.</summary>
        private readonly struct FileStamp
        {
            private readonly string _path;
            private readonly long _length;
            private readonly long _written;

            private FileStamp(string path)
            {
                _path = path;
                (_length, _written) = Read(path);
            }

            public static FileStamp[] Of(IEnumerable<string> paths)
            {
                var stamps = new List<FileStamp>();
                foreach (var path in paths)
                {
                    stamps.Add(new FileStamp(path));
                }
                return stamps.ToArray();
            }

            public bool Unchanged() => Read(_path) == (_length, _written);

            private static (long, long) Read(string path)
            {
                try
                {
                    var info = new FileInfo(path);
                    return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : (-1, 0);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
                {
                    return (-2, 0);
                }
            }
        }
    }
}
