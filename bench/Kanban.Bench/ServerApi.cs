using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kanban.Client;

namespace Kanban.Bench;

/// <summary>A GraphQL error (its <c>extensions.code</c>) or an HTTP failure of a request.</summary>
public sealed class GraphQLException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
}

/// <summary>The server over HTTP: accounts and readiness. One connection pool for every user.</summary>
public sealed class ServerApi : IDisposable
{
    public const string Password = "Correct-Horse-9";

    public ServerApi(Uri url)
    {
        Url = url;
        Http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(120),
        };
    }

    public Uri Url { get; }
    public HttpClient Http { get; }

    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await Http.GetAsync("/readyz", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
                if (DateTime.UtcNow > deadline)
                    throw new InvalidOperationException($"{Url}readyz answers {(int)response.StatusCode}");
            }
            catch (HttpRequestException e) when (DateTime.UtcNow <= deadline)
            {
                _ = e; // not up yet
            }
            await Task.Delay(200, ct);
        }
    }

    /// <summary>Registers a new user through /auth/register and signs in for a bearer token.</summary>
    public async Task<BenchUser> SignUpAsync(string name, CancellationToken ct = default)
    {
        var email = $"{name}-{Guid.NewGuid():N}@bench.example";
        using (var register = await Http.PostAsJsonAsync("/auth/register", new { email, password = Password }, ct))
        {
            if (!register.IsSuccessStatusCode)
                throw new InvalidOperationException($"register {(int)register.StatusCode}: {await register.Content.ReadAsStringAsync(ct)}");
        }
        string token;
        using (var login = await Http.PostAsJsonAsync("/auth/login", new { email, password = Password }, ct))
        {
            if (!login.IsSuccessStatusCode)
                throw new InvalidOperationException($"login {(int)login.StatusCode}: {await login.Content.ReadAsStringAsync(ct)}");
            using var json = JsonDocument.Parse(await login.Content.ReadAsStringAsync(ct));
            token = json.RootElement.GetProperty("accessToken").GetString()!;
        }
        var user = new BenchUser(this, email, token);
        var me = await user.GraphQLAsync("{ me { id } }", ct: ct);
        user.Id = me.GetProperty("me").GetProperty("id").GetString()!;
        return user;
    }

    /// <summary>Signs up <paramref name="count"/> users, a few at a time (password hashing is the server's slowest request).</summary>
    public async Task<BenchUser[]> SignUpManyAsync(string prefix, int count, CancellationToken ct, int concurrency = 4)
    {
        var users = new BenchUser[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (i, token) => users[i] = await SignUpAsync($"{prefix}{i}", token));
        return users;
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>A signed-in user: GraphQL over HTTP with its bearer token, and hub connections.</summary>
public sealed class BenchUser(ServerApi server, string email, string token)
{
    public string Id { get; internal set; } = "";
    public string Email { get; } = email;
    public string Token { get; } = token;

    /// <summary>The data of a request that must succeed; <paramref name="clientId"/> goes out as X-Client-Id.</summary>
    public async Task<JsonElement> GraphQLAsync(string query, object? variables = null, string? clientId = null, CancellationToken ct = default) =>
        (await GraphQLSizedAsync(query, variables, clientId, ct)).Data;

    /// <summary>As <see cref="GraphQLAsync"/>, with the size of the response body in bytes.</summary>
    public async Task<(JsonElement Data, int Bytes)> GraphQLSizedAsync(string query, object? variables = null, string? clientId = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (clientId is not null)
            request.Headers.Add("X-Client-Id", clientId);
        using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new GraphQLException($"HTTP{(int)response.StatusCode}", "response is not JSON");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = first.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() ?? "?" : "?";
                throw new GraphQLException(code, first.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "");
            }
            if (!response.IsSuccessStatusCode || !root.TryGetProperty("data", out var data))
                throw new GraphQLException($"HTTP{(int)response.StatusCode}", "no data");
            return (data.Clone(), body.Length);
        }
    }

    /// <summary>A new hub connection (WebSockets) signed in as this user.</summary>
    public Task<BoardConnection> ConnectAsync() =>
        BoardConnection.ConnectAsync(server.Url, () => Task.FromResult<string?>(Token));
}
