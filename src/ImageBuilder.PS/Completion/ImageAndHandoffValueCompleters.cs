using ImageBuilder.PS.Model.AppStream;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.WorkSpaces;

namespace ImageBuilder.PS.Completion
{
    /// <summary>An image build's status: PENDING, BUILDING, AVAILABLE, FAILED, ...</summary>
    public sealed class ImageStatusCompleter : KnownValuesCompleter
    {
        public ImageStatusCompleter() : base(IbValues.ImageStatus.All) { }
    }

    public sealed class ContainerTypeCompleter : KnownValuesCompleter
    {
        public ContainerTypeCompleter() : base(IbValues.ContainerType.All) { }
    }

    public sealed class ContainerRepositoryServiceCompleter : KnownValuesCompleter
    {
        public ContainerRepositoryServiceCompleter() : base(IbValues.ContainerRepositoryService.All) { }
    }

    /// <summary>
    /// The severities Amazon Inspector gives findings. The Image Builder model types severity as free text, so the
    /// list is Inspector's, not the model's.
    /// </summary>
    public sealed class ScanSeverityCompleter : KnownValuesCompleter
    {
        public ScanSeverityCompleter() : base(new[] { "CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED" }) { }
    }

    public sealed class AppStreamVisibilityCompleter : KnownValuesCompleter
    {
        public AppStreamVisibilityCompleter() : base(AppStreamValues.VisibilityType.All) { }
    }

    public sealed class AppStreamAgentVersionCompleter : KnownValuesCompleter
    {
        public AppStreamAgentVersionCompleter() : base(AppStreamValues.AgentSoftwareVersion.All) { }
    }

    public sealed class WorkSpacesIngestionProcessCompleter : KnownValuesCompleter
    {
        public WorkSpacesIngestionProcessCompleter() : base(WorkSpacesValues.WorkspaceImageIngestionProcess.All) { }
    }

    public sealed class WorkSpacesApplicationCompleter : KnownValuesCompleter
    {
        public WorkSpacesApplicationCompleter() : base(WorkSpacesValues.Application.All) { }
    }

    public sealed class WorkSpacesImageTypeCompleter : KnownValuesCompleter
    {
        public WorkSpacesImageTypeCompleter() : base(WorkSpacesValues.ImageType.All) { }
    }
}
