using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kanban.Tests.Support;

/// <summary>
/// The real server on real Kestrel at 127.0.0.1 on a free port, over a <see cref="TestDatabase"/>.
/// Clients reach it over real sockets, as any client would.
/// </summary>
public sealed class KanbanServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="port">0 for any free port; a fixed one to restart a server where its clients expect it.</param>
    /// <param name="services">Test instruments to add to the server's services, such as a <see cref="CommandCounter"/>.</param>
    public KanbanServer(TestDatabase database, IDictionary<string, string?>? settings = null, int port = 0, Action<IServiceCollection>? services = null)
    {
        Database = database;
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["DATA_DIR"] = database.DataDir,
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["RATE_LIMIT_PER_SECOND"] = "0",
            ["AUTH_RATE_LIMIT_PER_MINUTE"] = "0", // every test signs its users up from 127.0.0.1
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
        UseKestrel(); // the port is in "urls", with any other listener the settings ask for
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = new Uri(addresses.Addresses.First());
    }

    public TestDatabase Database { get; }

    /// <summary>Everything the server logged.</summary>
    public LogCapture Log { get; } = new();
    public Uri Address { get; }

    /// <summary>A plain HTTP client of the real socket (no cookies, no token).</summary>
    public HttpClient NewHttpClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler()) { BaseAddress = Address };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production"); // what users run: no developer exception pages
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        if (_services is not null)
            builder.ConfigureServices(_services);
    }
}
