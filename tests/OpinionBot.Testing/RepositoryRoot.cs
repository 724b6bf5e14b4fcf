namespace OpinionBot.Testing;

public static class RepositoryRoot
{
    /// <summary>The folder holding OpinionBot.sln, found upwards from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OpinionBot.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("OpinionBot.sln not found above " + AppContext.BaseDirectory);
    }
}
