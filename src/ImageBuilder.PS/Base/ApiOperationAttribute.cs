using System;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Names the API operations a cmdlet exists to expose (not the ones it calls along the way, such as the Get
    /// after a Create). The tests use it to prove every operation of the models has its cmdlet, and the list of
    /// cmdlets with their operations is generated from it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
    public sealed class ApiOperationAttribute : Attribute
    {
        public ApiOperationAttribute(string serviceId, params string[] operations)
        {
            ServiceId = serviceId;
            Operations = operations;
        }

        /// <summary>The service id as the models spell it: imagebuilder, AppStream, WorkSpaces.</summary>
        public string ServiceId { get; }
        public string[] Operations { get; }
    }
}
