using Kanban.Contract;
using Kanban.Server.Realtime;

namespace Kanban.Tests.Realtime;

/// <summary>When a room hears who is in it: every change in a small room, only people's comings, goings and editing in a crowd.</summary>
public sealed class PresenceNewsTests
{
    private static readonly UserView Ana = new("ana", "Ana"), Ben = new("ben", "Ben");

    private static Viewer[] Room(params (UserView User, int Connections, Guid? Editing)[] viewers) =>
        viewers.Select(v => new Viewer(v.User, v.Connections, v.Editing)).ToArray();

    [Fact]
    public void ASmallRoomHearsOneMoreTabOfSomeoneAlreadyThere() =>
        Assert.True(PresenceNews.IsNews(Room((Ana, 1, null), (Ben, 1, null)), Room((Ana, 2, null), (Ben, 1, null))));

    [Fact]
    public void ACrowdDoesNotHearOneMoreTabOfSomeoneAlreadyThere() =>
        Assert.False(PresenceNews.IsNews(Room((Ana, 30, null), (Ben, 1, null)), Room((Ana, 31, null), (Ben, 1, null))));

    [Fact]
    public void ACrowdHearsSomeoneArriveLeaveOrEdit()
    {
        var task = Guid.NewGuid();
        var crowd = Room((Ana, 30, null));
        Assert.True(PresenceNews.IsNews(crowd, Room((Ana, 30, null), (Ben, 1, null))));
        Assert.True(PresenceNews.IsNews(Room((Ana, 30, null), (Ben, 1, null)), crowd));
        Assert.True(PresenceNews.IsNews(crowd, Room((Ana, 30, task))));
        Assert.True(PresenceNews.IsNews(null, crowd)); // nothing heard yet
    }

    [Fact]
    public void ABiggerRoomGathersChangesLongerUpToTwoSeconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(50), PresenceNews.Settle(3));
        Assert.Equal(TimeSpan.FromMilliseconds(500), PresenceNews.Settle(500));
        Assert.Equal(TimeSpan.FromSeconds(2), PresenceNews.Settle(20_000));
    }
}
