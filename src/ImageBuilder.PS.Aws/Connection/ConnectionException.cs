using System;

namespace ImageBuilder.PS.Aws
{
    /// <summary>Credentials, region or endpoint could not be settled; the message says what to set.</summary>
    public sealed class ConnectionException : Exception
    {
        public ConnectionException(string message, string? parameterName = null, Exception? innerException = null) : base(message, innerException)
        {
            ParameterName = parameterName;
        }

        /// <summary>The parameter at fault, when one is.</summary>
        public string? ParameterName { get; }
    }
}
