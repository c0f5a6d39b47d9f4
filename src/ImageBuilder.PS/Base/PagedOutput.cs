using System.Management.Automation;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Applies -Skip, -First and -IncludeTotalCount to items that one call gathers from several listings (the builds
    /// of an image version, listed one after the other), where WritePages would apply them to each listing alone.
    /// Items are written as they come; nothing is kept.
    /// </summary>
    internal sealed class PagedOutput
    {
        private readonly PSCmdlet _cmdlet;
        private readonly ulong _skip;
        private readonly ulong _first;
        private ulong _seen;
        private ulong _written;

        public PagedOutput(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            // The engine fills PagingParameters only for cmdlets declared with SupportsPaging.
            _skip = cmdlet.PagingParameters?.Skip ?? 0;
            _first = cmdlet.PagingParameters?.First ?? ulong.MaxValue;
        }

        /// <summary>False once -First objects have been written: stop asking for pages.</summary>
        public bool WantsMore => _written < _first;

        /// <summary>Writes the item unless -Skip passes over it; says whether more are wanted.</summary>
        public bool Write(object item)
        {
            if (_seen++ >= _skip && WantsMore)
            {
                _cmdlet.WriteObject(item);
                _written++;
            }
            return WantsMore;
        }

        /// <summary>After the last listing: the total for -IncludeTotalCount (every page was read, so it is exact).</summary>
        public void Complete()
        {
            if (WantsMore && _cmdlet.PagingParameters?.IncludeTotalCount.IsPresent == true)
            {
                _cmdlet.WriteObject(_cmdlet.PagingParameters.NewTotalCount(_seen, 1.0));
            }
        }
    }
}
