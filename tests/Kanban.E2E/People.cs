using System.Text.Json;
using Kanban.Tests.Support;
using Microsoft.Playwright;

namespace Kanban.E2E;

/// <summary>A person in their own browser context, signed in with the browser cookie.</summary>
public sealed record Person(string Name, string Email, IPage Page)
{
    /// <summary>GraphQL through the person's own cookie, as the app itself sends it.</summary>
    public async Task<JsonElement> GraphQLAsync(string query, object? variables = null)
    {
        var response = await Page.Context.APIRequest.PostAsync("/graphql", new() { DataObject = new { query, variables } });
        using var body = JsonDocument.Parse(await response.TextAsync());
        Assert.False(body.RootElement.TryGetProperty("errors", out var errors), errors.ToString());
        return body.RootElement.GetProperty("data").Clone();
    }

    public async Task<JsonElement> BoardAsync(string boardId) =>
        (await GraphQLAsync(BoardApi.BoardQuery, new { id = boardId })).GetProperty("board");

    /// <summary>Registers through /auth and signs the browser context in with the cookie.</summary>
    public static async Task<Person> SignUpAsync(Browser browser, KanbanServer server, string name, int width = 1280, int height = 800, bool touch = false)
    {
        var page = await browser.NewPersonAsync(server.Address, width, height, touch);
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        var request = page.Context.APIRequest;
        (await request.PostAsync("/auth/register", new() { DataObject = new { email, password = Accounts.Password } })).EnsureOk();
        (await request.PostAsync("/auth/login?useCookies=true", new() { DataObject = new { email, password = Accounts.Password } })).EnsureOk();
        var person = new Person(name, email, page);
        await person.GraphQLAsync("mutation($n: String!) { updateProfile(name: $n) { id } }", new { n = name });
        return person;
    }
}

internal static class ResponseExtensions
{
    public static void EnsureOk(this IAPIResponse response) =>
        Assert.True(response.Ok, $"{response.Url} answered {response.Status}");
}
