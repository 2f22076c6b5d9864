using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Kanban.Server;

public static class Hosting
{
    /// <summary>
    /// The published server keeps its web client and appsettings.json next to itself and finds
    /// them there whatever the working directory (systemd, a container). A build run with
    /// <c>dotnet run</c> has no wwwroot beside it and keeps the working directory, its project
    /// folder. DATA_DIR stays relative to the working directory either way.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var published = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        var chosen = new ConfigurationBuilder().AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args).Build()[WebHostDefaults.ContentRootKey];
        return new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = published && string.IsNullOrEmpty(chosen) ? AppContext.BaseDirectory : null,
        };
    }

    /// <summary>Listen addresses (PORT or ASPNETCORE_URLS, and METRICS_URL), body limit, problem details, proxies, CORS.</summary>
    public static WebApplicationBuilder AddKanbanHosting(this WebApplicationBuilder builder, KanbanOptions options)
    {
        builder.WebHost.UseUrls(options.ListenUrls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = GraphQL.GraphQLEndpoint.MaxBodyBytes);

        builder.Services.AddProblemDetails();
        builder.Services.Configure<ForwardedHeadersOptions>(o => TrustProxies(o, options));
        builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
            p.WithOrigins([.. options.ClientOrigins]).AllowCredentials().AllowAnyHeader().AllowAnyMethod()));
        return builder;
    }

    /// <summary>
    /// Behind a trusted proxy the request's scheme and client address are the proxy's report of
    /// them: the session cookie is Secure when the browser came over HTTPS, and rate limits
    /// count the real client. Anyone else's X-Forwarded-* headers are ignored.
    /// </summary>
    private static void TrustProxies(ForwardedHeadersOptions o, KanbanOptions options)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var entry in KanbanOptionsSetup.TrustedProxyEntries(options)) // checked at start-up
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network))
                o.KnownIPNetworks.Add(network);
            else
                o.KnownProxies.Add(IPAddress.Parse(entry));
        }
    }
}
