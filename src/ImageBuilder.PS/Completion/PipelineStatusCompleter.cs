using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Completion
{
    public sealed class PipelineStatusCompleter : KnownValuesCompleter
    {
        public PipelineStatusCompleter() : base(IbValues.PipelineStatus.All) { }
    }
}
