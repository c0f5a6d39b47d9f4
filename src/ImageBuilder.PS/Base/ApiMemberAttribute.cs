using System;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Names the request member a parameter fills when the two names differ (e.g. -Arn fills
    /// imageBuildVersionArn), so that an input error names the parameter the user typed.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
    public sealed class ApiMemberAttribute : Attribute
    {
        public ApiMemberAttribute(string memberName) => MemberName = memberName;

        /// <summary>The member's name in the API model (camelCase, as on the wire).</summary>
        public string MemberName { get; }
    }
}
