using System.Globalization;
using System.Security.Cryptography;
using LiteDB;
using Microsoft.Extensions.Options;

namespace OpinionBot.Storage;

/// <summary>
/// A consistent copy of the LiteDB file: checkpoint (the log folded into the data file) with the writer's checkpoints
/// held off (<see cref="LogCheckpoints.Hold"/>, which holds LiteDB's automatic ones too), so the data file does not
/// change while it is copied; the copy written to a temporary name, flushed to disk, then renamed, beside a
/// <c>sha256sum</c>-style checksum file written the same way; older copies beyond <see cref="BackupOptions.Keep"/>
/// deleted. Writes committed during the copy go to the log and are in the next one.
/// </summary>
public sealed class LiteDbBackup(
    ILiteDatabase database, LogCheckpoints checkpoints, IOptions<StorageOptions> options, TimeProvider time, ILogger<LiteDbBackup> logger)
{
    public const string ChecksumExtension = ".sha256";

    private string DataFile => Path.GetFullPath(options.Value.LiteDb.Path);

    private string Folder => Path.GetFullPath(options.Value.Backup.Folder);

    /// <summary>Makes one backup and prunes the old ones; returns the new backup's path.</summary>
    public string Run()
    {
        Directory.CreateDirectory(Folder);
        var name = $"{Path.GetFileNameWithoutExtension(DataFile)}-{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}.db";
        var target = Path.Combine(Folder, name);

        string sha256;
        using (checkpoints.Hold())
        {
            database.Checkpoint();
            sha256 = CopyDurably(DataFile, target);
        }

        WriteDurably(target + ChecksumExtension, $"{sha256}  {name}\n");
        var removed = Prune();
        logger.LogInformation("LiteDB backup {Backup} written ({Bytes:N0} bytes, SHA-256 {Sha256}); {Removed} older removed",
            target, new FileInfo(target).Length, sha256, removed);
        return target;
    }

    /// <summary>Complete backups (the copy and its checksum file) in the folder, oldest first.</summary>
    public IReadOnlyList<string> Backups() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, $"{Path.GetFileNameWithoutExtension(DataFile)}-*.db")
                .Where(f => File.Exists(f + ChecksumExtension))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>Whether the copy's SHA-256 is the one its checksum file records.</summary>
    public static bool Verify(string backup)
    {
        if (!File.Exists(backup) || !File.Exists(backup + ChecksumExtension)) return false;
        var recorded = File.ReadAllText(backup + ChecksumExtension).Split(' ', 2)[0].Trim();
        using var stream = File.OpenRead(backup);
        return string.Equals(recorded, Convert.ToHexStringLower(SHA256.HashData(stream)), StringComparison.Ordinal);
    }

    private int Prune()
    {
        var keep = Math.Max(1, options.Value.Backup.Keep);
        var backups = Backups();
        var old = backups.Take(Math.Max(0, backups.Count - keep)).ToList();
        foreach (var backup in old)
        {
            File.Delete(backup + ChecksumExtension);
            File.Delete(backup);
        }

        foreach (var leftover in Directory.GetFiles(Folder, "*.tmp"))
            File.Delete(leftover); // a copy a crash interrupted

        return old.Count;
    }

    /// <summary>Copies to <c>target.tmp</c>, fsyncs, renames to <paramref name="target"/>; returns the copy's SHA-256 (hex).</summary>
    private static string CopyDurably(string source, string target)
    {
        var temporary = target + ".tmp";
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16))
            using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                {
                    output.Write(buffer, 0, read);
                    hash.AppendData(buffer, 0, read);
                }

                output.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }

    private static void WriteDurably(string path, string content)
    {
        var temporary = path + ".tmp";
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            output.Write(System.Text.Encoding.UTF8.GetBytes(content));
            output.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
