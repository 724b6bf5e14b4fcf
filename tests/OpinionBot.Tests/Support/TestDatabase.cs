using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Tests.Support;

/// <summary>A LiteDB file of its own in the temp folder, deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "opinionbot-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase() => Database = LiteDbRegistration.Open(FilePath);

    public ILiteDatabase Database { get; }

    /// <summary>The database file (its folder is the test's own, deleted afterwards).</summary>
    public string FilePath => Path.Combine(_folder, "unit.db");

    public void Dispose()
    {
        Database.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
