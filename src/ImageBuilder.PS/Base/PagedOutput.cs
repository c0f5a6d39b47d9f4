using System.Management.Automation;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Applies -Skip, -First and -IncludeTotalCount to everything one invocation writes: all its listings, for all
    /// its pipeline input (`Get-IbImage | Get-IbImageBuildVersion -First 2` writes two builds in all, not two per
    /// image). Items are written as they come; nothing is kept.
    /// </summary>
    internal sealed class PagedOutput
    {
        private readonly PSCmdlet _cmdlet;
        private readonly ulong _skip;
        private readonly ulong _first;
        private readonly bool _countAll;
        private ulong _seen;
        private ulong _written;

        public PagedOutput(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            // The engine fills PagingParameters only for cmdlets declared with SupportsPaging.
            _skip = cmdlet.PagingParameters?.Skip ?? 0;
            _first = cmdlet.PagingParameters?.First ?? ulong.MaxValue;
            _countAll = cmdlet.PagingParameters?.IncludeTotalCount.IsPresent == true;
        }

        /// <summary>False once -First objects have been written (unless every item is being counted): stop asking for pages.</summary>
        public bool WantsMore => _written < _first || _countAll;

        /// <summary>
        /// Whether more will still be wanted after <paramref name="items"/> more are offered, each written unless
        /// -Skip passes over it: a listing asks for its next page early only when it will need it.
        /// </summary>
        public bool WantsMoreAfter(int items)
        {
            if (_countAll) return true;
            var seenAfter = _seen + (ulong)items;
            var skippedUntil = _skip > _seen ? _skip : _seen;
            var written = _written + (seenAfter > skippedUntil ? seenAfter - skippedUntil : 0);
            return written < _first;
        }

        /// <summary>Writes the item unless -Skip passes over it or -First is reached; says whether more are wanted.</summary>
        public bool Write(object item)
        {
            if (_seen++ >= _skip && _written < _first)
            {
                _cmdlet.WriteObject(item);
                _written++;
            }
            return WantsMore;
        }

        /// <summary>At the end of the invocation: the total for -IncludeTotalCount (every page was read, so it is exact).</summary>
        public void Complete()
        {
            if (_countAll)
            {
                _cmdlet.WriteObject(_cmdlet.PagingParameters.NewTotalCount(_seen, 1.0));
            }
        }
    }
}
