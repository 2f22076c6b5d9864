using System.Net;
using System.Net.Sockets;
using Kanban.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kanban.E2E;

/// <summary>The server goes away and comes back: the page says so, then catches up by itself.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectTests(Browser browser) : BrowserTest(browser)
{
    [Fact]
    public async Task ChangesMadeWhileAPageWasCutOffAppearWhenTheServerIsBack()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var port = FreePort();
        var server = new KanbanServer(database, port: port);
        try
        {
            var ana = await server.SignUpAsync("ana");
            var ben = await Person.SignUpAsync(Browser, server, "Ben");
            var board = await ana.CreateBoardAsync("Launch");
            var column = await ana.CreateColumnAsync(board, "To do");
            await ana.DataAsync("mutation($b: ID!, $e: String!) { addMember(boardId: $b, email: $e, role: EDITOR) { role } }", new { b = board, e = ben.Email });
            await ana.CreateTaskAsync(column, "Before");
            await ben.Page.OpenAsync(board);
            await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Before"]);
            var banner = ben.Page.GetByText("Reconnecting…");
            await Expect(banner).ToHaveCountAsync(0);

            await server.DisposeAsync();
            await Expect(banner).ToBeVisibleAsync();

            server = new KanbanServer(database, port: port); // same address, same data, same signing keys
            await ana.CreateTaskAsync(column, "While away 1");
            await ana.CreateTaskAsync(column, "While away 2");
            await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Before", "While away 1", "While away 2"], new() { Timeout = 20_000 });
            await Expect(banner).ToHaveCountAsync(0, new() { Timeout = 20_000 });

            // Live again: a change now arrives as an event.
            await ana.CreateTaskAsync(column, "After");
            await Expect(ben.Page.CardTitles("To do")).ToHaveTextAsync(["Before", "While away 1", "While away 2", "After"]);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
