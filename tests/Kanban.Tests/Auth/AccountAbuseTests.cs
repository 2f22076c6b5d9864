using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Kanban.Tests.Support;
using Xunit.Abstractions;

namespace Kanban.Tests.Auth;

/// <summary>
/// /auth tells nobody who has an account, lets nobody lock anyone else out, and slows down whoever
/// sends it too much.
/// </summary>
public sealed class AccountAbuseTests(ITestOutputHelper output)
{
    private const string WrongPassword = "Wrong-Horse-9";

    private static Task<HttpResponseMessage> LogInAsync(HttpClient http, string email, string password) =>
        http.PostAsJsonAsync("/auth/login", new { email, password });

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient http, string email, string password) =>
        http.PostAsJsonAsync("/auth/register", new { email, password });

    private static string NewEmail(string name) => $"{name}-{Guid.NewGuid():N}@example.test";

    /// <summary>
    /// The median times of <paramref name="attempts"/> calls of each, taken in turns, so that
    /// whatever else the machine does meanwhile (other test classes) weighs on both alike.
    /// </summary>
    private static async Task<(double A, double B)> MedianMillisecondsAsync(int attempts, Func<Task> a, Func<Task> b)
    {
        var (timesA, timesB) = (new List<double>(), new List<double>());
        for (var i = 0; i < attempts; i++)
        {
            timesA.Add(await TimeAsync(a));
            timesB.Add(await TimeAsync(b));
        }
        return (Median(timesA), Median(timesB));

        static async Task<double> TimeAsync(Func<Task> call)
        {
            var clock = Stopwatch.StartNew();
            await call();
            return clock.Elapsed.TotalMilliseconds;
        }

        static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
    }

    private void AssertWithinThreeTimes(double a, double b, string what)
    {
        output.WriteLine($"{what}: medians {a:F1} ms and {b:F1} ms");
        Assert.True(Math.Max(a, b) <= 3 * Math.Min(a, b), $"{what}: medians {a:F1} ms and {b:F1} ms");
    }

    [Fact]
    public async Task EveryRefusedLoginLooksTheSameWhetherOrNotTheAccountExists()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db);
        var ana = await server.SignUpAsync("ana");
        using var http = server.NewHttpClient();
        var unknown = NewEmail("nobody");

        var wrong = await LogInAsync(http, ana.Email, WrongPassword);
        var nobody = await LogInAsync(http, unknown, WrongPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(wrong.StatusCode, nobody.StatusCode);
        var body = await Clients.BodyWithoutTraceIdAsync(wrong);
        Assert.Equal(body, await Clients.BodyWithoutTraceIdAsync(nobody));

        // Past any number of failures: still the same answer for both (no "LockedOut").
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(body, await Clients.BodyWithoutTraceIdAsync(await LogInAsync(http, ana.Email, WrongPassword)));
            Assert.Equal(body, await Clients.BodyWithoutTraceIdAsync(await LogInAsync(http, unknown, WrongPassword)));
        }

        // And in the same time: a known account's refusal used to take a password hash, an unknown one's nothing.
        var (known, notKnown) = await MedianMillisecondsAsync(7,
            () => LogInAsync(http, ana.Email, WrongPassword), () => LogInAsync(http, unknown, WrongPassword));
        AssertWithinThreeTimes(known, notKnown, "refusals of a known and an unknown email");
    }

    [Fact]
    public async Task RepeatedFailuresHoldBackOnlyThatAddressFromThatAccount()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db);
        var ana = await server.SignUpAsync("ana");
        var bob = await server.SignUpAsync("bob");
        using var guesser = server.FromAddress("127.0.0.1");
        var refusal = await Clients.BodyWithoutTraceIdAsync(await LogInAsync(guesser, ana.Email, WrongPassword));
        for (var i = 1; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(guesser, ana.Email, WrongPassword)).StatusCode);

        // From that address even the right password is refused for a while, in the same words as a wrong one...
        var held = await LogInAsync(guesser, ana.Email, Accounts.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, held.StatusCode);
        Assert.Equal(refusal, await Clients.BodyWithoutTraceIdAsync(held));
        // ...while another account signs in from it,
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(guesser, bob.Email, Accounts.Password)).StatusCode);
        // and ana herself, from her own address, is not locked out.
        using var anasLaptop = server.FromAddress("127.0.0.2");
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(anasLaptop, ana.Email, Accounts.Password)).StatusCode);
    }

    [Fact]
    public async Task RegisteringAnExistingEmailAnswersAsANewOneAndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db);
        using var http = server.NewHttpClient();
        var ana = NewEmail("ana");

        var created = await RegisterAsync(http, ana, Accounts.Password);
        var again = await RegisterAsync(http, ana, "Another-Horse-7");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(created.StatusCode, again.StatusCode);
        Assert.Equal(await created.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(created.Content.Headers.ContentType, again.Content.Headers.ContentType);

        // The account is ana's as before: her password works, the second one does not.
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(http, ana, Accounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(http, ana, "Another-Horse-7")).StatusCode);

        // A weak password is refused in the same words for a taken email as for a free one.
        var weakTaken = await RegisterAsync(http, ana, "weak");
        var weakFree = await RegisterAsync(http, NewEmail("free"), "weak");
        Assert.Equal(HttpStatusCode.BadRequest, weakTaken.StatusCode);
        Assert.Equal(await Clients.BodyWithoutTraceIdAsync(weakFree), await Clients.BodyWithoutTraceIdAsync(weakTaken));

        // Both hash the password: a taken email answers no faster than a free one.
        var (taken, free) = await MedianMillisecondsAsync(7,
            () => RegisterAsync(http, ana, Accounts.Password), () => RegisterAsync(http, NewEmail("new"), Accounts.Password));
        AssertWithinThreeTimes(taken, free, "registrations of a taken and a free email");
    }

    [Fact]
    public async Task ALoginFloodFromOneAddressIsAnswered429WithRetryAfter()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var server = new KanbanServer(db, new Dictionary<string, string?>
        {
            ["AUTH_RATE_LIMIT_PER_MINUTE"] = "6",
            ["AUTH_RATE_LIMIT_BURST"] = "3",
        });
        using var flood = server.FromAddress("127.0.0.1");
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
            statuses.Add(await LogInAsync(flood, NewEmail("guess"), WrongPassword));

        Assert.All(statuses.Take(3), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var limited = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(limited.Count >= 6, $"{limited.Count} of 10 answered 429");
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {r.Headers.RetryAfter}"));

        // Another address is not slowed down by it.
        using var someoneElse = server.FromAddress("127.0.0.2");
        Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(someoneElse, NewEmail("guess"), WrongPassword)).StatusCode);
    }
}
