using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ImageBuilder.PS.Emulator.Core;

/// <summary>
/// Opaque pagination tokens. A token carries the position in a listing and a checksum over the operation and the
/// request's filters, so a token from another operation, another filter set or made up by hand is recognised
/// and refused with InvalidPaginationTokenException, as the service does.
/// </summary>
internal static class PageToken
{
    private const byte FormatVersion = 1;

    public static string Create(string scope, long position)
    {
        var bytes = new byte[1 + 8 + 8];
        bytes[0] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), position);
        Checksum(scope, position).CopyTo(bytes.AsSpan(9));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The position a token stands for, or an InvalidPaginationTokenException when it is not one of ours for this scope.</summary>
    public static long Read(string token, string scope)
    {
        var bytes = Decode(token);
        if (bytes is null || bytes.Length != 17 || bytes[0] != FormatVersion)
        {
            throw ServiceError.InvalidPaginationToken("The pagination token is not valid.");
        }
        var position = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        if (position < 0 || !bytes.AsSpan(9).SequenceEqual(Checksum(scope, position)))
        {
            throw ServiceError.InvalidPaginationToken("The pagination token is not valid for this request.");
        }
        return position;
    }

    private static byte[]? Decode(string token)
    {
        var text = token.Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Checksum(string scope, long position)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("imagebuilder-emulator|" + scope + "|" + position.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return hash.AsSpan(0, 8).ToArray();
    }
}
