using System;
using System.Management.Automation;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    public abstract partial class IbCmdlet
    {
        /// <summary>
        /// Lists as <see cref="WritePages"/> does, and, as Get-Process -Name does, makes a name without wildcards that
        /// matches nothing an error: otherwise a typo piped into Start-IbPipeline or Remove-* silently does nothing.
        /// </summary>
        /// <param name="noun">What is listed, as a user says it: "pipeline", "image recipe", ...</param>
        protected void WriteNamedPages<TRequest, TResponse, TItem>(string noun, string? name, PagedOperationDef<TRequest, TResponse, TItem> operation, TRequest input, object? target, Func<TItem, bool>? keep)
            where TRequest : class, IPagedRequest
            where TResponse : class, IPage<TItem>
        {
            if (WritePages(operation, input, target, keep) == 0)
            {
                WriteNameNotFound(noun, name);
            }
        }

        /// <summary>The ObjectNotFound error for a name that matched nothing; nothing for no name or a wildcard pattern.</summary>
        protected void WriteNameNotFound(string noun, string? name)
        {
            if (string.IsNullOrEmpty(name) || WildcardPattern.ContainsWildcardCharacters(name))
            {
                return;
            }
            var command = MyInvocation.MyCommand.Name;
            var message = $"Found no {noun} named '{name}'. Run {command} without -Name to list them, or match part of the name with a wildcard (-Name '{name}*').";
            WriteError(new ErrorRecord(new ItemNotFoundException(message), "NameNotFound", ErrorCategory.ObjectNotFound, name));
        }
    }
}
