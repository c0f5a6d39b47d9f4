using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace ImageBuilder.PS.DesktopStandIn
{
    /// <summary>
    /// Plays powershell.exe's part for the module on a .NET Framework 4.x runtime (Mono here): another module's older
    /// AWSSDK.Core and YamlDotNet are loaded and used first; then the module is loaded by path, its resolver installed,
    /// and its own client layer and document checker used; then the older libraries are used again. One line per check;
    /// the exit code is 0 only when every check held.
    /// </summary>
    /// <remarks>
    /// Everything is reached by reflection. A compile-time reference would put the module's assemblies (and its
    /// AWSSDK.Core 4) beside this program, where the runtime would find them without the module's resolver, which is
    /// the thing on trial.
    /// </remarks>
    internal static class Program
    {
        private const string AccessKey = "AKIDSTANDIN000000000";
        private const string SecretKey = "stand-in-secret-key-not-a-real-one";
        private static int _failures;
        /// <summary>The lookups left to the module's resolver (the runtime found nothing itself).</summary>
        private static readonly List<string> Lookups = new List<string>();

        private static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: mono ImageBuilder.PS.DesktopStandIn.exe <module folder> <emulator URL>");
                return 2;
            }
            var moduleFolder = Path.GetFullPath(args[0]);
            var emulatorUrl = args[1];
            Check("runtime", () => (Type.GetType("Mono.Runtime") is null ? ".NET Framework " : "Mono, CLR ") + Environment.Version);
            Check("harness-folder-clean", () => HarnessFolderIsClean());

            var oldYaml = Assembly.LoadFrom(Metadata("OldYamlDotNet"));
            var oldAws = Assembly.LoadFrom(Metadata("OldAwsSdkCore"));
            Check("old-yamldotnet-before", () => UseOldYaml(oldYaml));
            Check("old-awssdk-core-before", () => UseOldAws(oldAws));

            Assembly? module = null;
            Check("module-loaded", () =>
            {
                module = LoadModule(moduleFolder);
                return module.GetName().Version.ToString();
            });
            if (module is null)
            {
                return Finish();
            }
            var installed = Check("resolver-installed", () =>
            {
                var resolver = module.GetType("ImageBuilder.PS.Loading.DesktopAssemblyResolver", throwOnError: true);
                resolver.GetMethod("Install", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.Invoke(null, new object[] { moduleFolder });
                return "DesktopAssemblyResolver.Install(" + moduleFolder + ")";
            });
            Assembly? aws = null, model = null, documents = null;
            var referenced = installed && Check("engine-assemblies", () =>
            {
                aws = Reference(module, "ImageBuilder.PS.Aws");
                model = Reference(module, "ImageBuilder.PS.Model");
                documents = Reference(module, "ImageBuilder.PS.Documents");
                return string.Join("; ", new[] { aws, documents }.Select(a => a!.GetName().Name + " from " + a.Location));
            });
            if (!referenced)
            {
                return Finish();
            }
            string? imageArn = null;
            object? client = null;
            Check("client", () =>
            {
                client = NewClient(aws!, emulatorUrl);
                var sdk = client.GetType().BaseType!.Assembly;
                Expect(sdk.GetName().Version == new Version(4, 0, 0, 0), "the client's AWSSDK.Core is " + sdk.GetName().Version);
                return client.GetType().FullName + " on AWSSDK.Core " + sdk.GetName().Version;
            });
            Check("list-images", () =>
            {
                var request = New(model!, "ImageBuilder.PS.Model.Ib.ListImagesRequest", new { Owner = "Amazon" });
                var response = Call(client, model!, "ListImages", request);
                var images = ((IEnumerable)Get(response, "ImageVersionList")!).Cast<object>().ToList();
                Expect(images.Count > 0, "ListImages with owner Amazon gave no images");
                imageArn = (string)Get(images[0], "Arn")!;
                return images.Count + " Amazon-owned images, first " + imageArn;
            });
            Check("get-image-signed", () =>
            {
                Expect(imageArn is not null, "no image to get");
                var request = New(model!, "ImageBuilder.PS.Model.Ib.GetImageRequest", new { ImageBuildVersionArn = imageArn });
                var image = Get(Call(client, model!, "GetImage", request), "Image");
                Expect(image is not null, "GetImage gave no image");
                var arn = (string)Get(image, "Arn")!;
                // A version ARN names the image's newest build: the answer's ARN is that ARN or one of its builds.
                Expect(arn.StartsWith(imageArn!, StringComparison.Ordinal), "GetImage answered for " + arn);
                return Get(image, "Name") + " " + arn + " (the emulator refuses a request without a SigV4 signature)";
            });

            Check("view-text", () =>
            {
                // The format views call ViewText from PowerShell 5.1 too: the same answers on .NET Framework.
                var viewText = model!.GetType("ImageBuilder.PS.Model.Views.ViewText", throwOnError: true)!;
                object? Invoke(string name, params object?[] arguments) => viewText.GetMethod(name)!.Invoke(null, arguments);
                var utc = new DateTime(2026, 3, 5, 3, 0, 1, DateTimeKind.Utc);
                var local = (DateTime)Invoke("Local", (DateTime?)utc)!;
                Expect(local.Kind == DateTimeKind.Local && local.ToUniversalTime() == utc, "Local gave " + local.ToString("o"));
                Expect(Invoke("Local", new object?[] { null }) is null, "Local of no date gave a date");
                var pairs = (string?)Invoke("Pairs", new System.Collections.Generic.Dictionary<string, string> { ["a"] = "1", ["b"] = "" });
                Expect(pairs == "a=1, b=", "Pairs gave " + pairs);
                var version = (string?)Invoke("BuildVersion", "1.0.0", "arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.0.0/3");
                Expect(version == "1.0.0/3", "BuildVersion gave " + version);
                return "Local " + local.ToString("o") + ", Pairs " + pairs + ", BuildVersion " + version;
            });
            Check("emulator-control", () =>
            {
                // What 5.1 can do with the emulator: not run it (it needs .NET 8), but drive one running elsewhere.
                var supported = (bool)aws!.GetType("ImageBuilder.PS.Aws.Emulation.SessionEmulator", throwOnError: true)!.GetProperty("Supported")!.GetValue(null)!;
                Expect(!supported, "the netstandard2.0 build claims it can run the emulator");
                var control = Activator.CreateInstance(aws.GetType("ImageBuilder.PS.Aws.Emulation.EmulatorControlClient", throwOnError: true)!, emulatorUrl)!;
                var state = control.GetType().GetMethod("GetState")!.Invoke(control, new object[] { System.Threading.CancellationToken.None })!;
                var clock = (string)Get(state, "Clock")!;
                var resources = (System.Collections.Generic.IReadOnlyDictionary<string, int>)Get(state, "Resources")!;
                Expect(resources.Count > 0, "the emulator's state lists no resources");
                return "Start-IbEmulator refuses on .NET Framework; GetState over HTTP: clock " + clock + ", " + resources.Count + " kinds of resource";
            });
            Check("document-bad", () =>
            {
                var findings = CheckDocument(documents!, BadDocument);
                var expected = new[] { "1:16 SchemaVersionUnsupported", "3:11 PhaseNameInvalid", "6:17 UnknownAction", "7:20 OnFailureInvalid" };
                var missing = expected.Where(e => !findings.Contains(e)).ToList();
                Expect(missing.Count == 0, "missing " + string.Join(", ", missing) + "; got " + string.Join(", ", findings));
                return string.Join(", ", findings);
            });
            Check("document-good", () =>
            {
                var findings = CheckDocument(documents!, GoodDocument);
                Expect(findings.Count == 0, "a good document gave " + string.Join(", ", findings));
                return "no findings";
            });

            Check("old-yamldotnet-after", () => UseOldYaml(oldYaml));
            Check("old-awssdk-core-after", () => UseOldAws(oldAws));
            Check("side-by-side-awssdk-core", () => SideBySide("AWSSDK.Core", oldAws, new Version(4, 0, 0, 0), moduleFolder));
            Check("side-by-side-yamldotnet", () => SideBySide("YamlDotNet", oldYaml, new Version(18, 0, 0, 0), moduleFolder));
            Check("resolver-answered", () => ResolverAnswered(moduleFolder));
            return Finish();
        }

        private const string BadDocument =
            "schemaVersion: 2.0\n" +
            "phases:\n" +
            "  - name: compile\n" +
            "    steps:\n" +
            "      - name: First\n" +
            "        action: ExecutePowershell\n" +
            "        onFailure: Retry\n" +
            "        inputs:\n" +
            "          commands: [dir]\n";

        private const string GoodDocument =
            "name: install-agent\n" +
            "schemaVersion: 1.0\n" +
            "phases:\n" +
            "  - name: build\n" +
            "    steps:\n" +
            "      - name: Install\n" +
            "        action: ExecutePowerShell\n" +
            "        inputs:\n" +
            "          commands:\n" +
            "            - Get-Service\n";

        private static bool Check(string name, Func<string> check)
        {
            try
            {
                Console.WriteLine("PASS " + name + ": " + check());
                return true;
            }
            catch (Exception e)
            {
                _failures++;
                var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
                Console.WriteLine("FAIL " + name + ": " + inner.GetType().FullName + ": " + inner.Message);
                Console.Error.WriteLine(inner);
                return false;
            }
        }

        private static int Finish()
        {
            Console.WriteLine(_failures == 0 ? "ALL CHECKS PASSED" : _failures + " CHECK(S) FAILED");
            return _failures == 0 ? 0 : 1;
        }

        private static void Expect(bool condition, string failure)
        {
            if (!condition)
            {
                throw new InvalidOperationException(failure);
            }
        }

        private static string Metadata(string key) =>
            typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;

        /// <summary>powershell.exe finds a module's dependencies only through the module: none may sit beside the host.</summary>
        private static string HarnessFolderIsClean()
        {
            var folder = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
            var stray = Directory.GetFiles(folder, "*.dll").Select(Path.GetFileName).ToList();
            Expect(stray.Count == 0, "beside the harness: " + string.Join(", ", stray));
            return "no DLLs beside " + Path.GetFileName(typeof(Program).Assembly.Location);
        }

        private static string UseOldYaml(Assembly yaml)
        {
            var builder = Activator.CreateInstance(yaml.GetType("YamlDotNet.Serialization.DeserializerBuilder", throwOnError: true));
            var deserializer = builder.GetType().GetMethod("Build", Type.EmptyTypes)!.Invoke(builder, null);
            // Deserialize(TextReader) has a generic twin of the same parameters: take the one that gives an object.
            var deserialize = deserializer.GetType().GetMethods()
                .Single(m => m.Name == "Deserialize" && !m.IsGenericMethod && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[] { typeof(TextReader) }));
            var map = (IDictionary)deserialize.Invoke(deserializer, new object[] { new StringReader("owner: another module\nitems: [a, b]\n") })!;
            Expect((string)map["owner"]! == "another module" && ((IList)map["items"]!).Count == 2, "YamlDotNet 11 read the YAML wrongly");
            return "YamlDotNet " + yaml.GetName().Version + " read owner='" + map["owner"] + "'";
        }

        private static string UseOldAws(Assembly core)
        {
            var type = core.GetType("Amazon.Runtime.BasicAWSCredentials", throwOnError: true);
            var credentials = Activator.CreateInstance(type, "AKIDOLDMODULE0000000", "old-module-secret");
            var immutable = type.GetMethod("GetCredentials", Type.EmptyTypes)!.Invoke(credentials, null);
            var key = (string)Get(immutable, "AccessKey")!;
            Expect(key == "AKIDOLDMODULE0000000", "AWSSDK.Core 3.x gave access key " + key);
            return "AWSSDK.Core " + core.GetName().Version + " BasicAWSCredentials gave " + key;
        }

        /// <summary>
        /// As Import-Module does for a binary root module: loaded by path. ImageBuilder.PS.Model sits beside it and
        /// .NET Framework's load-from context finds it there; Mono's may not, so this program answers exactly those two
        /// names from the module folder, and nothing else.
        /// </summary>
        private static Assembly LoadModule(string moduleFolder)
        {
            var surface = new[] { "ImageBuilder.PS", "ImageBuilder.PS.Model" };
            AppDomain.CurrentDomain.AssemblyResolve += (_, e) =>
            {
                var name = new AssemblyName(e.Name).Name;
                if (surface.Contains(name, StringComparer.Ordinal))
                {
                    return Assembly.LoadFrom(Path.Combine(moduleFolder, name + ".dll"));
                }
                // Registered before the module's resolver, so it sees every lookup the runtime could not answer itself.
                Lookups.Add(e.Name + " for " + (e.RequestingAssembly?.GetName().Name ?? "(no requester)"));
                return null;
            };
            Assembly.LoadFrom(Path.Combine(moduleFolder, "ImageBuilder.PS.Model.dll"));
            return Assembly.LoadFrom(Path.Combine(moduleFolder, "ImageBuilder.PS.dll"));
        }

        /// <summary>An assembly the module references, loaded the way the module's own code would make the runtime load it.</summary>
        private static Assembly Reference(Assembly module, string name) =>
            Assembly.Load(module.GetReferencedAssemblies().Single(r => r.Name == name));

        /// <summary>As a cmdlet does (IbCmdlet.ClientFor): explicit credentials, region and endpoint, one cached client.</summary>
        private static object NewClient(Assembly aws, string emulatorUrl)
        {
            var options = New(aws, "ImageBuilder.PS.Aws.ConnectionOptions",
                new { AccessKey, SecretKey, Region = "us-east-1", EndpointUrl = emulatorUrl });
            var bindingType = aws.GetType("ImageBuilder.PS.Aws.ServiceBinding", throwOnError: true);
            var binding = bindingType.GetField("ImageBuilder", BindingFlags.Static | BindingFlags.Public)!.GetValue(null);
            var resolver = aws.GetType("ImageBuilder.PS.Aws.ConnectionResolver", throwOnError: true);
            var connection = resolver.GetMethod("Resolve", new[] { options.GetType(), bindingType })!.Invoke(null, new[] { options, binding });
            var cache = Activator.CreateInstance(aws.GetType("ImageBuilder.PS.Aws.ClientCache", throwOnError: true));
            return cache.GetType().GetMethod("Get")!.Invoke(cache, new[] { binding, connection })!;
        }

        private static object? Call(object? client, Assembly model, string operationName, object request)
        {
            Expect(client is not null, "no client");
            var operations = model.GetType("ImageBuilder.PS.Model.Ib.IbOperations", throwOnError: true);
            var operation = operations.GetField(operationName, BindingFlags.Static | BindingFlags.Public)!.GetValue(null);
            var call = client!.GetType().GetMethod("CallAsync")!;
            // Parameters after the token (the retry observer) are optional and left out, as a caller in C# would.
            var arguments = new object?[call.GetParameters().Length];
            arguments[0] = operation;
            arguments[1] = request;
            arguments[2] = CancellationToken.None;
            var task = (Task)call.Invoke(client, arguments)!;
            if (!task.Wait(TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException(operationName + " did not answer within 60 s");
            }
            return task.GetType().GetProperty("Result")!.GetValue(task);
        }

        private static List<string> CheckDocument(Assembly documents, string yaml)
        {
            var checker = documents.GetType("ImageBuilder.PS.Documents.ComponentDocumentChecker", throwOnError: true);
            var findings = (IEnumerable)checker.GetMethod("Check", new[] { typeof(string) })!.Invoke(null, new object[] { yaml })!;
            return findings.Cast<object>().Select(f => Get(f, "Line") + ":" + Get(f, "Column") + " " + Get(f, "Rule")).ToList();
        }

        /// <summary>
        /// Both builds are loaded, each from its own place: the older one from the package cache, the module's from
        /// lib/netstandard2.0.
        /// </summary>
        private static string SideBySide(string name, Assembly old, Version moduleVersion, string moduleFolder)
        {
            var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == name).ToList();
            var ours = Path.Combine(moduleFolder, "lib", "netstandard2.0", name + ".dll");
            var module = loaded.FirstOrDefault(a => a.GetName().Version == moduleVersion && SamePath(a.Location, ours));
            var listed = string.Join("; ", loaded.Select(a => a.GetName().Version + " from " + a.Location));
            Expect(loaded.Contains(old), "the older " + name + " is not loaded: " + listed);
            Expect(module is not null, "the module's " + name + " " + moduleVersion + " is not loaded from " + ours + ": " + listed);
            Expect(loaded.Count == 2, "expected two " + name + " builds: " + listed);
            return listed;
        }

        /// <summary>
        /// Every lookup passed on to the module's resolver ended in an assembly from the module, and the module's engine
        /// assemblies (which sit where no runtime looks) were among them: the resolver did the work, not the probing.
        /// </summary>
        private static string ResolverAnswered(string moduleFolder)
        {
            var lib = Path.Combine(moduleFolder, "lib", "netstandard2.0");
            var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic).ToList();
            foreach (var engine in new[] { "ImageBuilder.PS.Aws", "ImageBuilder.PS.Documents" })
            {
                Expect(Lookups.Any(l => l.StartsWith(engine + ",", StringComparison.Ordinal)), engine + " never reached the resolver");
            }
            foreach (var lookup in Lookups)
            {
                var name = new AssemblyName(lookup.Substring(0, lookup.IndexOf(" for ", StringComparison.Ordinal))).Name;
                Expect(loaded.Any(a => a.GetName().Name == name && SamePath(a.Location, Path.Combine(lib, name + ".dll"))),
                    "after the lookup " + lookup + " nothing is loaded from " + lib);
            }
            return Lookups.Count + " lookups answered from lib/netstandard2.0: " + string.Join("; ", Lookups.Distinct());
        }

        private static bool SamePath(string a, string b) =>
            string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

        /// <summary>An instance of a module type with the given properties set (an object initializer, by reflection).</summary>
        private static object New(Assembly assembly, string typeName, object properties)
        {
            var type = assembly.GetType(typeName, throwOnError: true);
            var instance = Activator.CreateInstance(type)!;
            foreach (var property in properties.GetType().GetProperties())
            {
                type.GetProperty(property.Name)!.SetValue(instance, property.GetValue(properties));
            }
            return instance;
        }

        private static object? Get(object? instance, string property)
        {
            Expect(instance is not null, "no object to read " + property + " from");
            return instance!.GetType().GetProperty(property)!.GetValue(instance);
        }
    }
}
