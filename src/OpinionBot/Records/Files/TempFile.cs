namespace OpinionBot.Records.Files;

/// <summary>A seekable scratch file for a document being generated; deleted when the stream is closed.</summary>
public static class TempFile
{
    public static FileStream Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "opinionbot-files");
        Directory.CreateDirectory(folder);
        return new FileStream(Path.Combine(folder, $"{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            bufferSize: 64 * 1024, FileOptions.DeleteOnClose);
    }
}
