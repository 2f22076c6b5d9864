using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kanban.E2E;

public static class Screenshots
{
    /// <summary>Saves what the page shows under KANBAN_SCREENSHOTS (scripts/test.sh sets it), for a person to look at.</summary>
    public static async Task SaveScreenshotAsync(this IPage page, string name, ITestOutputHelper output)
    {
        var folder = Environment.GetEnvironmentVariable("KANBAN_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = path });
        output.WriteLine($"screenshot: {path}");
    }
}
