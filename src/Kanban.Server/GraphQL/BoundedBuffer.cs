namespace Kanban.Server.GraphQL;

/// <summary>
/// A response written in memory first, refused once it passes its bound: a request that would
/// answer more than that gets a clear error instead of a half-written body.
/// </summary>
public sealed class BoundedBuffer(long maxBytes) : MemoryStream
{
    public sealed class FullException() : Exception("The response is over its size bound.");

    public override void Write(byte[] buffer, int offset, int count)
    {
        Ensure(count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Ensure(buffer.Length);
        base.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        Ensure(1);
        base.WriteByte(value);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct)
    {
        Ensure(count);
        return base.WriteAsync(buffer, offset, count, ct);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        Ensure(buffer.Length);
        return base.WriteAsync(buffer, ct);
    }

    private void Ensure(int count)
    {
        if (Length + count > maxBytes)
            throw new FullException();
    }
}
