using System.Net;

namespace Kanban.Server.Auth;

/// <summary>The client a request comes from, as the /auth rate limit and the login throttle count it.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The remote address; for IPv6 its /64 network, since one subscriber usually holds a whole
    /// /64 and could otherwise step around any per-address limit.
    /// </summary>
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
