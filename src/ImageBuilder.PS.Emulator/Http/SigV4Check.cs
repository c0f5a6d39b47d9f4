using System.Text.RegularExpressions;

namespace ImageBuilder.PS.Emulator.Http;

/// <summary>
/// Checks that a request carries a well-formed SigV4 signature (header or presigned query), without verifying it:
/// any key works, as the emulator has no secrets. The errors are the ones AWS front ends send.
/// </summary>
internal static partial class SigV4Check
{
    [GeneratedRegex(@"^AWS4-HMAC-SHA256\s+(?<params>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"^[A-Za-z0-9+/=_.-]+/\d{8}/[a-z0-9-]+/[a-z0-9-]+/aws4_request$", RegexOptions.CultureInvariant)]
    private static partial Regex CredentialPattern();

    [GeneratedRegex(@"^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SignaturePattern();

    /// <summary>Null when the request is signed acceptably, otherwise the error to answer with.</summary>
    public static Core.ServiceError? Check(string? authorization, string? amzDate, string? date, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            var algorithm = query.FirstOrDefault(q => q.Key == "X-Amz-Algorithm").Value;
            if (algorithm is null)
            {
                return Core.ServiceError.MissingAuthenticationToken();
            }
            var credential = query.FirstOrDefault(q => q.Key == "X-Amz-Credential").Value;
            var signature = query.FirstOrDefault(q => q.Key == "X-Amz-Signature").Value;
            if (algorithm != "AWS4-HMAC-SHA256" || credential is null || !CredentialPattern().IsMatch(credential)
                || signature is null || !SignaturePattern().IsMatch(signature))
            {
                return Core.ServiceError.IncompleteSignature("The presigned request is missing or has malformed X-Amz-* parameters.");
            }
            return null;
        }
        var match = HeaderPattern().Match(authorization.Trim());
        if (!match.Success)
        {
            return Core.ServiceError.IncompleteSignature($"Authorization header requires the AWS4-HMAC-SHA256 algorithm. Authorization={authorization.Split(' ')[0]}");
        }
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var piece in match.Groups["params"].Value.Split(','))
        {
            int eq = piece.IndexOf('=');
            if (eq > 0)
            {
                parts[piece.Substring(0, eq).Trim()] = piece.Substring(eq + 1).Trim();
            }
        }
        foreach (var required in new[] { "Credential", "SignedHeaders", "Signature" })
        {
            if (!parts.ContainsKey(required))
            {
                return Core.ServiceError.IncompleteSignature($"Authorization header requires '{required}' parameter.");
            }
        }
        if (!CredentialPattern().IsMatch(parts["Credential"]))
        {
            return Core.ServiceError.IncompleteSignature("Authorization header has a malformed Credential: it must be KEY/yyyyMMdd/region/service/aws4_request.");
        }
        if (!SignaturePattern().IsMatch(parts["Signature"]))
        {
            return Core.ServiceError.IncompleteSignature("Authorization header has a malformed Signature: it must be 64 lower-case hex digits.");
        }
        if (string.IsNullOrWhiteSpace(amzDate) && string.IsNullOrWhiteSpace(date))
        {
            return Core.ServiceError.IncompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        return null;
    }
}
