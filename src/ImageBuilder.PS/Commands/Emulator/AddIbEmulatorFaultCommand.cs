using System;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Emulation;

namespace ImageBuilder.PS.Commands.Emulator
{
    /// <summary>
    /// Makes an emulator misbehave for matching calls, the way AWS and networks do: throttling, server errors, slow
    /// answers, connections dropped before or after the call was carried out.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "IbEmulatorFault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IbEmulatorFault))]
    public sealed class AddIbEmulatorFaultCommand : EmulatorCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateSet("Throttle", "ThrottleWithoutCode", "ServerError", "Slow", "DropConnection", "DropAfterApply", IgnoreCase = true)]
        public string Kind { get; set; } = "";

        /// <summary>The operation it applies to (CreateComponent, ListImages, ...); * for every call.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Operation { get; set; } = "*";

        /// <summary>How many matching calls it applies to; without it (and without -Rate), every one until Clear-IbEmulatorFault.</summary>
        [Parameter]
        [ValidateRange(1, 1000000)]
        public int Count { get; set; }

        /// <summary>The share of matching calls it applies to, from 0 to 1 (0.3: about three in ten).</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double Rate { get; set; } = -1;

        /// <summary>With -Kind ServerError: the status, 500 to 599.</summary>
        [Parameter]
        [ValidateRange(500, 599)]
        public int StatusCode { get; set; } = 500;

        /// <summary>With -Kind Slow: how long each answer is held back.</summary>
        [Parameter]
        [Conversion.SecondsTransformation]
        public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

        protected override void EndProcessing()
        {
            var client = Emulator();
            if (Delay < TimeSpan.Zero || Delay > TimeSpan.FromMinutes(10))
            {
                ThrowTerminatingError(ErrorRecords.InvalidInput("ParameterValueInvalid", $"-Delay must be from 0 to 10 minutes (it is {Delay}).", Delay));
            }
            var operation = Operation == "*" ? "*" : KnownOperation(Operation);
            var fault = new IbEmulatorFault
            {
                Kind = Kind,
                Operation = operation,
                Count = MyInvocation.BoundParameters.ContainsKey(nameof(Count)) ? Count : null,
                Rate = MyInvocation.BoundParameters.ContainsKey(nameof(Rate)) ? Rate : null,
                StatusCode = StatusCode,
                Delay = Delay,
            };
            var applies = fault.Count is { } n ? $"the next {n} {operation} call{(n == 1 ? "" : "s")}" : $"{operation} calls";
            if (!ShouldProcess(client.Url, $"Add a {Kind} fault for {applies}"))
            {
                return;
            }
            TryControl(() => WriteObject(client.AddFault(fault, Cancel).LastOrDefault()), client.Url);
        }

        /// <summary>
        /// The operation as the services spell it (the emulator matches names exactly); a name no service has is an
        /// error, since its rule would never apply.
        /// </summary>
        private string KnownOperation(string name)
        {
            var services = new[] { Aws.ServiceBinding.ImageBuilder, Aws.ServiceBinding.AppStream, Aws.ServiceBinding.WorkSpaces, Aws.ServiceBinding.Logs };
            var all = services.SelectMany(b => b.Service.Operations).Select(o => o.Name).ToList();
            var match = all.FirstOrDefault(o => string.Equals(o, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                var near = all.Where(o => o.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf(o, StringComparison.OrdinalIgnoreCase) >= 0).Take(5).ToList();
                ThrowTerminatingError(ErrorRecords.InvalidInput("ParameterValueInvalid",
                    $"-Operation {name} is not an operation of Image Builder, AppStream, WorkSpaces or CloudWatch Logs, so the fault would never apply"
                    + (near.Count > 0 ? $"; did you mean {string.Join(", ", near)}?" : "; give an API operation name such as CreateComponent or ListImages, or * for every call."), name));
            }
            return match!;
        }
    }
}
