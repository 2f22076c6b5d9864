using Kanban.Server;
using Kanban.Server.Auth;
using Kanban.Server.Boards;
using Kanban.Server.Data;
using Kanban.Server.GraphQL;
using Kanban.Server.Realtime;
using Kanban.Server.Telemetry;

var builder = WebApplication.CreateBuilder(Hosting.Options(args));
builder.AddKanbanHosting();
builder.Services.AddKanbanDatabase(builder.Configuration);
builder.Services.AddKanbanAuth();
builder.Services.AddBoards();
builder.Services.AddKanbanGraphQL();
builder.Services.AddRealtime(builder.Configuration);
builder.Services.AddKanbanTelemetry(builder.Configuration);
builder.Services.AddKanbanHealth();

var app = builder.Build();
await app.MigrateKanbanDatabaseAsync();

app.UseForwardedHeaders();
app.UseNodeName();
app.UseKanbanMetrics();
app.UseExceptionHandler();
app.UseSecurityHeaders();
app.UseWebClient();
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapKanbanAuth();
app.MapGraphQL();
app.MapRealtime();
app.MapKanbanHealth();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
