using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kanban.Tests.Support;

/// <summary>The answer to one GraphQL request.</summary>
public sealed record GraphQLResult(int Status, JsonElement Data, JsonElement[] Errors, JsonElement Extensions = default)
{
    /// <summary><c>extensions.seq</c>: the seq of the last event the mutation logged, if it changed anything.</summary>
    public long? Seq => Extensions.ValueKind == JsonValueKind.Object && Extensions.TryGetProperty("seq", out var s) ? s.GetInt64() : null;

    public string? Code => Errors.Length == 0 ? null : Errors[0].GetProperty("extensions").GetProperty("code").GetString();

    public string? Field => Errors.Length > 0 && Errors[0].GetProperty("extensions").TryGetProperty("field", out var f) ? f.GetString() : null;
}

/// <summary>A signed-in user's GraphQL client over HTTP, as a real client would talk.</summary>
public sealed class Api(HttpClient http, string userId, string email)
{
    public string UserId { get; } = userId;
    public string Email { get; } = email;
    public HttpClient Http { get; } = http;

    /// <summary>Sent as X-Client-Id, so events caused by this client carry it as origin.</summary>
    public string? ClientId { get; set; }

    public async Task<GraphQLResult> SendAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        if (ClientId is not null)
            request.Headers.Add("X-Client-Id", ClientId);
        using var response = await Http.SendAsync(request);
        return await ReadAsync(response);
    }

    /// <summary>The data of a request that must succeed.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var result = await SendAsync(query, variables);
        Assert.True(result.Errors.Length == 0, $"GraphQL errors: {string.Join("; ", result.Errors.Select(e => e.ToString()))}");
        return result.Data;
    }

    /// <summary>The error code of a request that must fail.</summary>
    public async Task<GraphQLResult> FailAsync(string query, object? variables = null)
    {
        var result = await SendAsync(query, variables);
        Assert.True(result.Errors.Length > 0, $"expected an error, got {result.Data}");
        return result;
    }

    public static async Task<GraphQLResult> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement.Clone();
        var data = root.TryGetProperty("data", out var d) ? d : default;
        var errors = root.TryGetProperty("errors", out var e) ? e.EnumerateArray().ToArray() : [];
        var extensions = root.TryGetProperty("extensions", out var x) ? x : default;
        return new GraphQLResult((int)response.StatusCode, data, errors, extensions);
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
