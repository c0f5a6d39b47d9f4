namespace ImageBuilder.PS.Model.Ib
{
    /// <summary>
    /// The resource policy of an image, recipe, container recipe or component build, with the resource it belongs to,
    /// so that a policy read for many resources at once says which is which. The JSON is in Policy.
    /// </summary>
    public sealed class ResourcePolicy
    {
        public string? Arn { get; set; }

        /// <summary>The policy document, as the JSON text the service holds.</summary>
        public string? Policy { get; set; }

        /// <summary>The resource's name and version, without its ARN prefix.</summary>
        public string? Resource => ArnText.Resource(Arn);

        /// <summary>The principals the policy's statements name (accounts, ARNs, services).</summary>
        public string[] Principals => PolicyStatements.Values(Policy, "Principal");

        /// <summary>The actions the policy's statements allow or deny.</summary>
        public string[] Actions => PolicyStatements.Values(Policy, "Action");

        public override string ToString() => Policy ?? "";
    }
}
