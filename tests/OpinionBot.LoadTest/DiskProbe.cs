using System.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace OpinionBot.LoadTest;

/// <summary>
/// Watches the disk while a run is measured: every 50 ms it writes 4 KB to a file of its own in the temp folder (the
/// file system the bot's data is on) and flushes it to the disk, and keeps the slowest flush. A run whose tail the bot
/// did not cause shows here: on the test VM a stall of the virtual disk holds every fsync on the machine, this one too.
/// </summary>
public sealed class DiskProbe : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(50);
    private readonly SafeFileHandle _file;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private TimeSpan _slowest;
    private DateTime _slowestAt;
    private int _flushes;
    private string? _failure;

    private DiskProbe()
    {
        var path = Path.Combine(Path.GetTempPath(), $"opinionbot-disk-probe-{Guid.NewGuid():N}");
        _file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        _thread = new Thread(Watch) { IsBackground = true, Name = "disk probe" };
    }

    public static DiskProbe Start()
    {
        var probe = new DiskProbe();
        probe._thread.Start();
        return probe;
    }

    /// <summary>Stops the probe and says what it saw, for the benchmark's output.</summary>
    public string Stop()
    {
        _stopping = true;
        _thread.Join();
        if (_failure is not null)
            return $"the probe stopped after {_flushes} flushes: {_failure}";
        return $"slowest fsync {_slowest.TotalMilliseconds:0.0} ms at {_slowestAt:HH:mm:ss.fff} UTC, of {_flushes} "
            + $"(4 KB written and flushed every {Every.TotalMilliseconds:0} ms beside the bot, same file system)";
    }

    private void Watch()
    {
        var block = new byte[4096];
        while (!_stopping)
        {
            var at = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            try
            {
                RandomAccess.Write(_file, block, fileOffset: 0);
                RandomAccess.FlushToDisk(_file);
            }
            catch (IOException failure)
            {
                _failure = failure.Message; // the run goes on; its output says the disk went unwatched
                return;
            }
            clock.Stop();
            _flushes++;
            if (clock.Elapsed > _slowest)
                (_slowest, _slowestAt) = (clock.Elapsed, at);
            Thread.Sleep(Every); // a benchmark tool pacing its probe, not a test waiting for a result
        }
    }

    public void Dispose()
    {
        if (!_stopping)
            Stop();
        _file.Dispose();
    }
}
