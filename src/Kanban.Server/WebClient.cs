namespace Kanban.Server;

/// <summary>The browser application: its built files from wwwroot, and the headers that keep it safe.</summary>
public static class WebClient
{
    // Only the app's own scripts and styles run; it talks only to its own origin (GraphQL, the hub).
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        return next(http);
    });

    /// <summary>
    /// The files in wwwroot (Vite's hashed assets cached for good; the service worker and index.html
    /// revalidated), and index.html for every other path so a board's URL survives a reload.
    /// </summary>
    public static WebApplication UseWebClient(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                var path = file.Context.Request.Path;
                if (path.StartsWithSegments("/assets"))
                    file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                // The service worker and the page that names the current assets are checked on every
                // load, so a new version reaches people on their next visit.
                else if (path == "/sw.js" || path == "/index.html" || path == "/manifest.webmanifest")
                    file.Context.Response.Headers.CacheControl = "no-cache";
            },
        });
        app.MapFallbackToFile("index.html");
        return app;
    }
}
