using System.Net;
using Kanban.Tests.Support;

namespace Kanban.Tests.Http;

/// <summary>The server serves the built web client, with a Content-Security-Policy that allows only its own scripts.</summary>
public sealed class WebClientTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/boards/0195b6a0-0000-7000-8000-000000000000")] // a board's URL survives a reload
    public async Task PagesServeTheAppWithAStrictPolicy(string path)
    {
        var response = await fixture.Server.NewHttpClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<div id=\"root\"", await response.Content.ReadAsStringAsync());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task TheAppsScriptsAreServedAsJavaScript()
    {
        var http = fixture.Server.NewHttpClient();
        var html = await http.GetStringAsync("/");
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "text/javascript", $"{response.Headers} {response.Content.Headers}");
    }
}
