using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Image Builder's Update operations replace the whole resource: a member left out of the request is cleared.
    /// So an Update- cmdlet starts from the resource as it is now, copied member by member into the request, and
    /// then applies only the parameters the user gave.
    /// </summary>
    internal static class UpdateRequests
    {
        /// <summary>
        /// A new <typeparamref name="T"/> holding every member of <paramref name="current"/> that the request has too
        /// (same name, and the same shape or the same kind of scalar: a resource's ARN members use a looser string
        /// shape than the request's). Members the resource does not return (the client token, the resource's own ARN
        /// under another name) are left for the caller to set.
        /// </summary>
        public static T FromCurrent<T>(IAwsStructure current) where T : IAwsStructure, new()
        {
            var request = new T();
            foreach (var member in request.GetShape().Members)
            {
                var source = current.GetShape().FindMember(member.WireName);
                if (source is not null && source.WireName == member.WireName && SameKind(source.Shape, member.Shape))
                {
                    request.SetMember(member.Index, current.GetMember(source.Index));
                }
            }
            return request;
        }

        private static bool SameKind(ShapeDef from, ShapeDef to) =>
            from == to || (from.Kind == to.Kind && from.Kind is not (ShapeKind.Structure or ShapeKind.List or ShapeKind.Map) && from.IsDateString == to.IsDateString);
    }
}
