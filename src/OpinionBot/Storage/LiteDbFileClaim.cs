using System.Collections.Concurrent;

namespace OpinionBot.Storage;

/// <summary>
/// This process's claim on a LiteDB file, held from before the database is opened until after it is disposed.
/// LiteDB's direct mode opens the file shareably, so on Linux a second <c>LiteDatabase</c> on the same file in one
/// process is not refused: opened while the first is still checkpointing on shutdown (a host restarted in place, as
/// the tests do, where disposal can finish on another thread), it reads a half-written file. A second claim waits
/// for the first to be released instead.
/// </summary>
public sealed class LiteDbFileClaim : IDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Claims = new(StringComparer.Ordinal);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private SemaphoreSlim? _held;

    public LiteDbFileClaim(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var claim = Claims.GetOrAdd(fullPath, _ => new SemaphoreSlim(1, 1));
        if (!claim.Wait(Patience))
            throw new IOException($"The LiteDB file {fullPath} is still open in this process after {Patience.TotalSeconds:0} s.");
        _held = claim;
    }

    public void Dispose() => Interlocked.Exchange(ref _held, null)?.Release();
}
