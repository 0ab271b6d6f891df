using System.Net;
using System.Net.Sockets;

namespace KreativLand.Web.Media;

/// <summary>
/// Copies a picture given by web address into the store, so that the profile can show it (the CSP loads images only
/// from the site itself). The site fetches on a curator's behalf, so the fetch must not become a way into the
/// operator's own network: https only, no redirects, and the connection goes only to an address that is public on the
/// internet — checked on the address actually connected to, after DNS, so a name that resolves to 10.0.0.1 or 127.0.0.1
/// gets nowhere (<see cref="IsPublic"/>).
/// </summary>
public static class MediaFetch
{
    public const string ClientName = "media-fetch";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public enum Refusal { NotHttps, NotPublic, Failed }

    public static IHttpClientBuilder AddMediaFetch(this IServiceCollection services) => services
        .AddHttpClient(ClientName, client =>
        {
            client.Timeout = Timeout;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("KreativLand-image-copy/1.0");
            client.DefaultRequestHeaders.Accept.ParseAdd("image/jpeg, image/png, image/webp");
        })
        .ConfigurePrimaryHttpMessageHandler(CreateHandler);

    /// <summary>No redirects (each would need the same check), no proxy, no cookies; connections only to public addresses.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = ConnectToPublicAddressAsync,
    };

    /// <summary>Resolves the host and connects to its first public address; private, loopback and other internal addresses are never tried.</summary>
    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var address = addresses.FirstOrDefault(IsPublic)
            ?? throw new HttpRequestException(HttpRequestError.ConnectionError, "no public address", new NotPublicException());
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The handler wraps what the connect callback throws, once or more.</summary>
    private static bool CausedByNotPublic(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is NotPublicException) return true;
        return false;
    }

    public sealed class NotPublicException() : Exception("the address is not a public internet address");

    /// <summary>Whether an address belongs to the public internet (not loopback, private, link-local, shared, multicast, reserved, documentation).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)      // shared address space (carrier-grade NAT)
                || (b[0] == 169 && b[1] == 254)                    // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)    // IETF protocol assignments, documentation
                || (b[0] == 198 && b[1] is 18 or 19)               // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal || address.IsIPv6Teredo || address.IsIPv4MappedToIPv6) return false;
        var bytes = address.GetAddressBytes();
        // Only global unicast (2000::/3), without documentation (2001:db8::/32), NAT64 (64:ff9b::/96 is outside 2000::/3 anyway) or 6to4 of private ranges.
        if ((bytes[0] & 0xE0) != 0x20) return false;
        if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8) return false;
        if (bytes[0] == 0x20 && bytes[1] == 0x02) return IsPublic(new IPAddress(bytes[2..6]));
        return true;
    }

    /// <summary>Fetches the address and stores the picture; the store's own checks (content, size, pixels) apply.</summary>
    public static async Task<(MediaUpload? Upload, Refusal? Refused)> CopyAsync(HttpClient client, MediaStore store, string? address, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(address?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps) return (null, Refusal.NotHttps);
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode) return (null, Refusal.Failed);
            if (response.Content.Headers.ContentLength > store.MaxUploadBytes) return (new(null, null, MediaUpload.Refusal.TooLarge), null);
            // The client's timeout ends with the headers: the body gets its own, so a trickling server cannot hold the request.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Timeout);
            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            return (await store.StoreAsync(body, deadline.Token), null);
        }
        catch (HttpRequestException exception) when (CausedByNotPublic(exception))
        {
            return (null, Refusal.NotPublic);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return (null, Refusal.Failed);
        }
    }
}
