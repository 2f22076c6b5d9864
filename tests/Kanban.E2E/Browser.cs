using Microsoft.Playwright;

namespace Kanban.E2E;

/// <summary>
/// One headless Chromium for the test run: Debian's, never a downloaded one. Each test opens
/// its own contexts (one per person), so cookies and storage never leak between people.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private readonly List<IBrowserContext> _open = [];

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the tests with scripts/test.sh, which installs Debian's chromium.");
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh browser context (no cookies) with one page, at 1280×800 unless told otherwise;
    /// with <paramref name="touch"/>, a touch screen (taps, and CSS's <c>hover: none</c>).
    /// </summary>
    public async Task<IPage> NewPersonAsync(Uri server, int width = 1280, int height = 800, bool touch = false)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HasTouch = touch,
        });
        context.SetDefaultTimeout(15_000);
        lock (_open)
            _open.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes every person's context. Each test ends with it (<see cref="BrowserTest"/>): pages left
    /// open kept their boards live until the end of the run, and slowed the tests after them.
    /// </summary>
    public async Task CloseEveryoneAsync()
    {
        IBrowserContext[] open;
        lock (_open)
        {
            open = [.. _open];
            _open.Clear();
        }
        foreach (var context in open)
            await context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
            await Chromium.CloseAsync();
        _playwright?.Dispose();
    }
}
