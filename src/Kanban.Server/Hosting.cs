namespace Kanban.Server;

public static class Hosting
{
    /// <summary>Listen address (PORT, default 8080, unless ASPNETCORE_URLS says otherwise), body limit, options, CORS.</summary>
    public static WebApplicationBuilder AddKanbanHosting(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls($"http://localhost:{builder.Configuration["PORT"] ?? "8080"}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = GraphQL.GraphQLEndpoint.MaxBodyBytes);

        builder.Services.AddOptions<KanbanOptions>().BindConfiguration("");
        builder.Services.AddProblemDetails();
        builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
        {
            var origins = (builder.Configuration["CLIENT_URL"] ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            p.WithOrigins(origins).AllowCredentials().AllowAnyHeader().AllowAnyMethod();
        }));
        return builder;
    }
}
