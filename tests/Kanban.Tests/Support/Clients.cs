using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kanban.Tests.Support;

/// <summary>HTTP clients of the test server as particular clients: from another address, with a cookie sent by hand.</summary>
public static class Clients
{
    /// <summary>
    /// A client whose connections leave from <paramref name="address"/> (any of 127.0.0.0/8 is this
    /// machine): the server sees a different client address, as it would another person's.
    /// </summary>
    public static HttpClient FromAddress(this KanbanServer server, string address) =>
        server.NewHttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        });

    /// <summary>A client that sends exactly this Cookie header and keeps no cookies of its own.</summary>
    public static HttpClient WithCookie(this KanbanServer server, string cookieHeader)
    {
        var http = server.NewHttpClient(new SocketsHttpHandler { UseCookies = false });
        http.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return http;
    }

    /// <summary>A problem-details body without its traceId, which differs on every request whatever it answers.</summary>
    public static async Task<string> BodyWithoutTraceIdAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0 || JsonNode.Parse(text) is not JsonObject json)
            return text;
        json.Remove("traceId");
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
