using MessagePack;
using MessagePack.Formatters;

namespace Kanban.Server.Realtime;

/// <summary>
/// The answer to <c>JoinBoard</c>: the board's seq, and either the logged events after the
/// client's seq (each exactly as it was pushed) or, when the log cannot bring it up to date,
/// the whole board; and who is looking at the board now. Every part is already the contract's
/// JSON, so the hub writes the answer around them: a big board's kept snapshot goes from its
/// bytes into the connection's buffer, without being copied into an answer of its own first
/// (2.9 MB per join for a board of 2,000 detailed tasks, and a full GC every few joins).
/// </summary>
public sealed record JoinAnswer(long Seq, IReadOnlyList<Wire> Events, Wire? Snapshot, Wire Presence);

/// <summary>Writes a <see cref="JoinAnswer"/> for MessagePack clients: the same map as its JSON.</summary>
public sealed class JoinAnswerMessagePackFormatter : IMessagePackFormatter<JoinAnswer?>
{
    public static readonly JoinAnswerMessagePackFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, JoinAnswer? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }
        var wire = WireMessagePackFormatter.Instance;
        writer.WriteMapHeader(4);
        writer.Write("seq");
        writer.Write(value.Seq);
        writer.Write("events");
        writer.WriteArrayHeader(value.Events.Count);
        foreach (var e in value.Events)
            wire.Serialize(ref writer, e, options);
        writer.Write("snapshot");
        wire.Serialize(ref writer, value.Snapshot, options);
        writer.Write("presence");
        wire.Serialize(ref writer, value.Presence, options);
    }

    public JoinAnswer Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
        throw new NotSupportedException("The server only sends these.");
}
