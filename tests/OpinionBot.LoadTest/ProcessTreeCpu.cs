using System.Globalization;

namespace OpinionBot.LoadTest;

/// <summary>
/// CPU time of a process and its children from <c>/proc</c> (Linux): the process's own user + system time, what its
/// reaped children used (<c>cutime</c>, <c>cstime</c>), and its live children's own time — for PostgreSQL, the postmaster
/// and its backends, including backends that have already exited.
/// </summary>
public static class ProcessTreeCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan? Of(int processId)
    {
        if (!OperatingSystem.IsLinux() || Stat(processId) is not { } root)
            return null;
        var ticks = root.Own + root.Children;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != processId
                && Stat(pid) is { } child && child.Parent == processId)
                ticks += child.Own;
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static (int Parent, long Own, long Children)? Stat(int processId)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{processId}/stat");
            // After "pid (comm) ": state ppid ... utime(14) stime(15) cutime(16) cstime(17), counted from the state as field 3.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int n) => long.Parse(fields[n - 3], CultureInfo.InvariantCulture);
            return ((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
