using System.Globalization;

namespace OpinionBot.Evidence;

public static class FileSize
{
    /// <summary>Bytes as people read them: <c>512 B</c>, <c>4.9 KB</c>, <c>10 MB</c>.</summary>
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };
}
