using System;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Names the operations a cmdlet calls that other cmdlets exist to expose (Publish-IbComponent reads and creates
    /// components, as Get-IbComponent and New-IbComponent do), for the list of cmdlets with their operations. Unlike
    /// <see cref="ApiOperationAttribute"/>, it does not make the cmdlet the one that covers them.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class CallsOperationsAttribute : Attribute
    {
        public CallsOperationsAttribute(string serviceId, params string[] operations)
        {
            ServiceId = serviceId;
            Operations = operations;
        }

        /// <summary>The service id as the models spell it: imagebuilder.</summary>
        public string ServiceId { get; }
        public string[] Operations { get; }
    }
}
