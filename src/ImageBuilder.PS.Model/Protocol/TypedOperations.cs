using System;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>
    /// An operation with the CLR types of its request and answer, so a caller gets a <typeparamref name="TResponse"/>
    /// back without a cast, and the operation's <see cref="OperationDef.Service"/> says where it goes.
    /// </summary>
    public class OperationDef<TRequest, TResponse> : OperationDef
        where TRequest : class, IAwsStructure
        where TResponse : class, IAwsStructure
    {
        public OperationDef(string name, string httpMethod, string requestUri) : base(name, httpMethod, requestUri)
        {
        }

        /// <summary>An empty request, made by the input shape's factory (no reflection).</summary>
        public TRequest NewRequest() =>
            (TRequest)(Input?.Factory?.Invoke() ?? throw new InvalidOperationException($"{Name} has no request type."));
    }

    /// <summary>
    /// An operation that pages: its request takes a page token, its answer carries a page of
    /// <typeparamref name="TItem"/> and the next token (see <see cref="IPagedRequest"/> and <see cref="IPage{TItem}"/>).
    /// </summary>
    public sealed class PagedOperationDef<TRequest, TResponse, TItem> : OperationDef<TRequest, TResponse>
        where TRequest : class, IPagedRequest
        where TResponse : class, IPage<TItem>
    {
        public PagedOperationDef(string name, string httpMethod, string requestUri) : base(name, httpMethod, requestUri)
        {
        }
    }
}
