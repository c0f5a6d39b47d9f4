using System;
using System.Reflection;
using Amazon.Runtime;

namespace ImageBuilder.PS.Aws
{
    /// <summary>
    /// Credentials set by AWS Tools for PowerShell ($StoredAWSCredentials), read by their shape rather than their type.
    /// </summary>
    /// <remarks>
    /// AWS Tools v4 holds credentials objects of AWSSDK.Core 3.x, and v5 of its own AWSSDK.Core 4.0 build; ours lives in
    /// the module's load context, so theirs is never "an AWSCredentials" to us. Every SDK build has the same shape:
    /// GetCredentials() returns an object with AccessKey, SecretKey and Token. Asking it on every request keeps
    /// refreshing credentials (assumed roles, SSO) fresh, as they are for AWS Tools itself.
    /// </remarks>
    internal sealed class StoredCredentials : AWSCredentials
    {
        private readonly object _source;
        private readonly MethodInfo _getCredentials;

        private StoredCredentials(object source, MethodInfo getCredentials)
        {
            _source = source;
            _getCredentials = getCredentials;
        }

        /// <summary>The stored object itself when it is one of ours; a reader of its shape when it is another SDK's; else null.</summary>
        public static AWSCredentials? From(object? stored)
        {
            if (stored is AWSCredentials ours)
            {
                return ours;
            }
            var method = stored?.GetType().GetMethod("GetCredentials", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
            return method is null || method.ReturnType == typeof(void) ? null : new StoredCredentials(stored!, method);
        }

        /// <summary>The stored object, for telling one client's credentials from another's in the client cache.</summary>
        public object Source => _source;

        public override ImmutableCredentials GetCredentials()
        {
            object? keys;
            try
            {
                keys = _getCredentials.Invoke(_source, null);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new AmazonClientException("The credentials in $StoredAWSCredentials could not be read: " + e.InnerException.Message, e.InnerException);
            }
            var accessKey = Text(keys, "AccessKey");
            var secretKey = Text(keys, "SecretKey");
            if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
            {
                throw new AmazonClientException("The credentials in $StoredAWSCredentials have no access key or secret key.");
            }
            var token = Text(keys, "Token");
            return new ImmutableCredentials(accessKey, secretKey, string.IsNullOrEmpty(token) ? null : token);
        }

        private static string? Text(object? keys, string property) =>
            keys?.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)?.GetValue(keys) as string;
    }
}
