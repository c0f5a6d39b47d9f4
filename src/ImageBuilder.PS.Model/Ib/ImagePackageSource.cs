namespace ImageBuilder.PS.Model.Ib
{
    public sealed partial class ImagePackage
    {
        /// <summary>
        /// The image build version the package was listed for. The service's answer does not repeat it; Get-IbImagePackage
        /// sets it, because one call can list the packages of several builds.
        /// </summary>
        public string? ImageBuildVersionArn { get; set; }
    }
}
