// Compiled by tools/Performance/Breakdown.ps1 with Add-Type, in a pwsh that has imported the module. It times the
// stages of a warm Get-IbImage -Arn one at a time: cmdlets on the module's own base that stop after a given stage
// (so the difference between two of them is that stage), and loops in C# over the layers underneath, so that no
// PowerShell loop overhead lands in their figures. Nothing here is shipped or used by the module.
using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;
using ImageBuilder.PS.Validation;

namespace ImageBuilderPerformance
{
    /// <summary>Get-IbImage -Arn's parameter and the module's base (connection parameters, paging), doing nothing.</summary>
    [Cmdlet("Measure", "IbProbeBinding")]
    public class BindingProbe : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageBuildVersionArn", "ImageArn", "ImageVersionArn")]
        public string Arn { get; set; } = "";

        protected override void ProcessRecord()
        {
        }
    }

    /// <summary>Up to the module's checks of the request (RequestValidator and the known-value spellings).</summary>
    [Cmdlet("Measure", "IbProbeChecks")]
    public sealed class ChecksProbe : BindingProbe
    {
        protected override void ProcessRecord() => Validate(new GetImageRequest { ImageBuildVersionArn = Arn }, Arn);
    }

    /// <summary>Up to the client: the checks, then the connection settled again (credentials, region, endpoint) and the cached client found.</summary>
    [Cmdlet("Measure", "IbProbeClient")]
    public sealed class ClientProbe : BindingProbe
    {
        protected override void ProcessRecord()
        {
            if (Validate(new GetImageRequest { ImageBuildVersionArn = Arn }, Arn))
            {
                ClientFor(ServiceBinding.ImageBuilder);
            }
        }
    }

    /// <summary>Everything Get-IbImage -Arn does but write the image.</summary>
    [Cmdlet("Measure", "IbProbeCall")]
    public sealed class CallProbe : BindingProbe
    {
        protected override void ProcessRecord()
        {
            var request = new GetImageRequest { ImageBuildVersionArn = Arn };
            if (Validate(request, Arn))
            {
                Call(IbOperations.GetImage, request, Arn);
            }
        }
    }

    /// <summary>
    /// The layers under the cmdlets, each as an action made once (with what it needs looked up beforehand), and a
    /// loop that runs them in turn, call by call, so that the machine's noise falls on all of them alike.
    /// </summary>
    public static class Loop
    {
        private static readonly double TicksPerMs = Stopwatch.Frequency / 1000.0;
        private static readonly string FakeSignature = "AWS4-HMAC-SHA256 Credential=AKIDBENCHMARK/20260101/us-east-1/imagebuilder/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + new string('0', 64);

        public static double Median(double[] values)
        {
            var sorted = (double[])values.Clone();
            Array.Sort(sorted);
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        /// <summary>Each action once to warm it, then n times each, in turn; gives every action's times in ms.</summary>
        public static double[][] Interleave(Action[] actions, int n)
        {
            var times = new double[actions.Length][];
            for (int k = 0; k < actions.Length; k++)
            {
                actions[k]();
                times[k] = new double[n];
            }
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < actions.Length; k++)
                {
                    var start = Stopwatch.GetTimestamp();
                    actions[k]();
                    times[k][i] = (Stopwatch.GetTimestamp() - start) / TicksPerMs;
                }
            }
            return times;
        }

        /// <summary>A method called through reflection, a task it gives back waited for: for the module's engine types, which live in its own load context.</summary>
        public static Action Invoking(MethodInfo method, object? target, object?[] arguments) => () =>
        {
            if (method.Invoke(target, arguments) is Task task)
            {
                task.GetAwaiter().GetResult();
            }
        };

        /// <summary>
        /// A call the way the cmdlet base makes it (Base/PendingCall): a linked token source with a deadline, then one
        /// hop to the thread pool that gets the credentials and makes the call with the deadline's token (the one
        /// CancellationToken among the arguments), waited for on this thread.
        /// </summary>
        public static Action OnPool(MethodInfo credentials, MethodInfo call, object target, object?[] arguments)
        {
            var session = new CancellationTokenSource();
            var tokenAt = Array.FindIndex(arguments, a => a is CancellationToken);
            return () =>
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(session.Token);
                deadline.CancelAfter(TimeSpan.FromMinutes(5));
                var withDeadline = (object?[])arguments.Clone();
                withDeadline[tokenAt] = deadline.Token;
                Task.Run(async () =>
                {
                    await ((Task)credentials.Invoke(target, null)!).ConfigureAwait(false);
                    await ((Task)call.Invoke(target, withDeadline)!).ConfigureAwait(false);
                }).Wait(deadline.Token);
            };
        }

        /// <summary>The same request with .NET's HttpClient on one kept-alive connection, signed the way the emulator accepts (a well-formed header).</summary>
        public static Action Sending(string url, string? json)
        {
            var client = new HttpClient();
            return () => Send(client, url, json);
        }

        /// <summary>The body of one answer, for <see cref="Deserializing"/>.</summary>
        public static byte[] Fetch(string url, string? json)
        {
            using var client = new HttpClient();
            return Send(client, url, json);
        }

        /// <summary>A GET without a body (PowerShell passes $null to a string as ""), else a POST of the JSON.</summary>
        private static byte[] Send(HttpClient client, string url, string? json)
        {
            using var request = new HttpRequestMessage(string.IsNullOrEmpty(json) ? HttpMethod.Get : HttpMethod.Post, url);
            request.Headers.TryAddWithoutValidation("Authorization", FakeSignature);
            request.Headers.TryAddWithoutValidation("X-Amz-Date", "20260101T000000Z");
            if (!string.IsNullOrEmpty(json))
            {
                request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            }
            using var response = client.SendAsync(request).GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            return response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        }

        /// <summary>The protocol engine reading an answer's body into the module's objects (JSON and object creation).</summary>
        public static Action Deserializing(ClientProtocol protocol, OperationDef operation, byte[] body)
        {
            var headers = DictionaryHeaderSource.From(new System.Collections.Generic.Dictionary<string, string> { ["Content-Type"] = "application/json" });
            return () => protocol.DeserializeResponse(operation, 200, headers, body);
        }

        /// <summary>The protocol engine laying a request out (path, query, headers, body).</summary>
        public static Action Serializing(ClientProtocol protocol, OperationDef operation, IAwsStructure input) => () => protocol.SerializeRequest(operation, input);

        /// <summary>An action run with environment variables set around it (and removed after).</summary>
        public static Action WithEnvironment(Action inner, string[] names, string[] values) => () =>
        {
            for (int i = 0; i < names.Length; i++) Environment.SetEnvironmentVariable(names[i], values[i]);
            try
            {
                inner();
            }
            finally
            {
                foreach (var name in names) Environment.SetEnvironmentVariable(name, null);
            }
        };

        /// <summary>The model's checks of a request alone.</summary>
        public static Action Validating(IAwsStructure input) => () => RequestValidator.Validate(input);
    }
}
