using System.Text.RegularExpressions;
using Kanban.Client;
using Kanban.Contract;
using Kanban.Tests.Support.Cluster;

namespace Kanban.Tests.Events;

/// <summary>
/// Events are named once, by their records in Kanban.Contract, which the server and the .NET
/// client both use. The web client spells them in web/src/realtime/events.ts: any difference
/// between the three fails here.
/// </summary>
public sealed partial class EventNamesTests
{
    private static readonly IReadOnlyDictionary<string, string> Records = typeof(IBoardEvent).Assembly.GetTypes()
        .Where(t => t.IsAssignableTo(typeof(IBoardEvent)) && !t.IsInterface)
        .ToDictionary(t => (string)t.GetProperty(nameof(IBoardEvent.Name))!.GetValue(null)!, t => t.Name);

    [GeneratedRegex(@"export const EventName = \{(?<body>[^}]*)\}")]
    private static partial Regex EventNameObject();

    [GeneratedRegex(@"(?<key>\w+):\s*'(?<name>[^']+)'")]
    private static partial Regex Entry();

    [Fact]
    public void TheWebClientNamesEveryEventAsItsRecordDoes()
    {
        var file = Path.Combine(NodeProcess.RepoRoot, "web", "src", "realtime", "events.ts");
        var body = EventNameObject().Match(File.ReadAllText(file)).Groups["body"].Value;
        var web = Entry().Matches(body).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["key"].Value);

        Assert.Equal(Records.Keys.Order(), web.Keys.Order());
        foreach (var (name, record) in Records)
            Assert.True(web[name] == record, $"{file} calls {name} '{web[name]}', its record is {record}");
    }

    [Fact]
    public void TheDotNetClientListensToAndAppliesEveryEvent()
    {
        Assert.Equal(Records.Keys.Order(), BoardConnection.EventNames.Order());
        // Every event but presence (which is not logged and changes no board) changes the replica.
        Assert.Equal(Records.Keys.Where(n => n != PresenceChanged.Name).Order(), BoardReplica.AppliedEvents.Order());
    }
}
