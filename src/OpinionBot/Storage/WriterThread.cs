namespace OpinionBot.Storage;

/// <summary>
/// The one thread a group-commit store runs its batches on: started with the first work, woken when work arrives
/// (an extra wake-up only makes it look at its queue once more), let finish and joined when the store is disposed.
/// </summary>
public sealed class WriterThread(string name, Action loop)
{
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Lock _gate = new();
    private Thread? _thread;

    /// <summary>True on the writer thread itself.</summary>
    public bool IsCurrent => _thread is { } thread && thread == Thread.CurrentThread;

    public void Start()
    {
        lock (_gate)
        {
            if (_thread is not null) return;
            _thread = new Thread(() => loop()) { IsBackground = true, Name = name };
            _thread.Start();
        }
    }

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
            _signal.Release();
    }

    /// <summary>On the writer thread: waits until <see cref="Wake"/>.</summary>
    public void WaitForWork() => _signal.Wait();

    /// <summary>On the writer thread: waits until <see cref="Wake"/> or until <paramref name="timeout"/> has passed (then false).</summary>
    public bool WaitForWork(TimeSpan timeout) => _signal.Wait(timeout);

    /// <summary>Wakes the loop (which should then see it is to end) and waits for it to return, unless called from it.</summary>
    public void Join()
    {
        Thread? thread;
        lock (_gate) thread = _thread;
        if (thread is null) return;
        Wake();
        if (thread != Thread.CurrentThread)
            thread.Join();
    }
}
