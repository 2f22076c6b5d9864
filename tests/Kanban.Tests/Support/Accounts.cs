using System.Net.Http.Json;
using System.Text.Json;

namespace Kanban.Tests.Support;

public static class Accounts
{
    public const string Password = "Correct-Horse-9";

    /// <summary>Registers a new user through /auth and signs in with a bearer token.</summary>
    public static Task<Api> SignUpAsync(this KanbanServer server, string? name = null) => SignUpAsync(server.NewHttpClient(), name);

    /// <summary>Registers a new user with the server <paramref name="http"/> talks to, and signs in with a bearer token.</summary>
    public static async Task<Api> SignUpAsync(HttpClient http, string? name = null)
    {
        var email = $"{name ?? "user"}-{Guid.NewGuid():N}@example.test";
        var register = await http.PostAsJsonAsync("/auth/register", new { email, password = Password });
        Assert.True(register.IsSuccessStatusCode, await register.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = Api.Bearer(await LogInAsync(http, email));
        var me = await new Api(http, "", email).DataAsync("{ me { id } }");
        var api = new Api(http, me.GetProperty("me").GetProperty("id").GetString()!, email);
        if (name is not null)
            await api.DataAsync("mutation($n: String!) { updateProfile(name: $n) { id } }", new { n = name });
        return api;
    }

    public static async Task<string> LogInAsync(HttpClient http, string email, string password = Password)
    {
        var login = await http.PostAsJsonAsync("/auth/login", new { email, password });
        Assert.True(login.IsSuccessStatusCode, $"login {(int)login.StatusCode}");
        using var json = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }
}
