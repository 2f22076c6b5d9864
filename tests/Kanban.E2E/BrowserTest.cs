namespace Kanban.E2E;

/// <summary>A browser test: the people it opened leave when it ends, whatever its outcome.</summary>
public abstract class BrowserTest(Browser browser) : IAsyncLifetime
{
    protected Browser Browser { get; } = browser;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Browser.CloseEveryoneAsync();
}
