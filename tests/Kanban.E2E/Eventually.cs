namespace Kanban.E2E;

public static class Eventually
{
    /// <summary>Retries an assertion until it holds or the time is up; then its last failure is the test's.</summary>
    public static async Task HoldsAsync(Func<Task> assertion, int timeoutMs = 15_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100); // polling the server for a condition, not waiting out a race
            }
        }
    }
}
