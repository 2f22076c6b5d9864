using System.Net;
using System.Net.Http.Json;
using Kanban.Tests.Support;
using Kanban.Tests.Support.Cluster;

namespace Kanban.Tests.Security;

/// <summary>The server as it is deployed: published to a folder of its own and started from anywhere (systemd, a container).</summary>
public sealed class PublishedServerTests
{
    [Fact]
    public async Task StartedFromAnotherFolderItServesTheAppAndReadsItsSettings()
    {
        var root = Directory.CreateTempSubdirectory("kanban-published-").FullName;
        var published = Path.Combine(root, "opt");
        var elsewhere = Directory.CreateDirectory(Path.Combine(root, "var")).FullName;
        try
        {
            // The build the tests run is published as is: only files are copied.
            using (var publish = ChildProcess.Start("dotnet",
                       ["publish", NodeProcess.ServerProject, "--no-build", "-c", NodeProcess.Configuration, "-o", published, "-p:SkipClientBuild=true"],
                       Path.Combine(root, "publish.log")))
                Assert.True(await publish.WaitForExitAsync(TimeSpan.FromMinutes(2)) == 0, publish.Tail);

            var port = ChildProcess.FreePort();
            var log = Path.Combine(root, "server.log");
            using var server = ChildProcess.Start("dotnet", [Path.Combine(published, "Kanban.Server.dll")], log,
                new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }, workingDirectory: elsewhere);
            await ChildProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(60), server);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            var page = await http.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<div id=\"root\">", await page.Content.ReadAsStringAsync());
            var email = $"ops-{Guid.NewGuid():N}@example.test";
            Assert.True((await http.PostAsJsonAsync("/auth/register", new { email, password = Accounts.Password })).IsSuccessStatusCode);

            // DATA_DIR is relative to the working directory; appsettings.json (next to the server)
            // keeps Entity Framework's statement log quiet.
            Assert.True(File.Exists(Path.Combine(elsewhere, "data", "kanban.db")), "the database is not in ./data of the working directory");
            server.Dispose(); // ends it and closes its log
            Assert.DoesNotContain("Executed DbCommand", await File.ReadAllTextAsync(log));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
