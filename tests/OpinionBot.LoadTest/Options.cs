using OpinionBot.Testing;

namespace OpinionBot.LoadTest;

/// <summary>Command-line options: <c>--reports N --concurrency C --warmup W --bot path/to/OpinionBot.dll</c>, or <c>--url</c> of a running bot.</summary>
public sealed record Options(int Reports, int Concurrency, int Warmup, string BotPath, Uri? Url = null, int? BotPid = null)
{
    /// <summary><c>--store</c>: LiteDb (a fresh file per bot) or PostgreSql (a throw-away server, one database for all bots).</summary>
    public string Store { get; init; } = "LiteDb";

    /// <summary><c>--instances</c>: bot processes sharing the load (more than one needs PostgreSql).</summary>
    public int Instances { get; init; } = 1;

    public bool OnPostgreSql => Store == "PostgreSql";

    /// <summary>
    /// <c>--late</c>: every post was published two days before the report, so its response clocks have run out and the
    /// report also sends the first reminder slips and escalation notices (the late-report path). By default a post is
    /// reported 20 minutes after it was published, as most are.
    /// </summary>
    public bool Late { get; init; }

    /// <summary>
    /// <c>--no-approver-chat</c>: the unit's supervising leader has no personal chat with the bot, so a report queues no
    /// approval card (nobody can be reached; the passes before 2026-11-26 afternoon measured this path). By default the
    /// leader has one, as in production, and every report queues the leader's approval card in the outbox.
    /// </summary>
    public bool ApproverChat { get; init; } = true;

    public const string Usage = """
        Usage: dotnet run -c Release --project tests/OpinionBot.LoadTest -- [options]

          --reports N       measured report submissions (default 2000)
          --concurrency C   concurrent workers over one HttpClient (default 8)
          --warmup W        warm-up submissions before measuring, not measured (default 50)
          --bot PATH        the bot's OpinionBot.dll (default: src/OpinionBot/bin/Release/net10.0/OpinionBot.dll)
          --url URL         load a bot that is already running (see the serve mode) instead of starting one;
                            its case numbers must then form one gapless block, wherever it starts
          --bot-pid PID     with --url: the running bot's process id, to report its CPU time
          --store STORE     LiteDb (default: a fresh file) or PostgreSql (starts a throw-away PostgreSQL server from
                            the Debian postgresql package, durable settings, one database for every instance)
          --instances N     bot processes sharing the database, the load split between them (default 1;
                            more than one needs --store PostgreSql)
          --late            report posts published two days earlier (clocks already run out: the report also
                            sends reminder slips and escalation notices); default: published 20 minutes earlier
          --no-approver-chat  the unit's leader has no personal chat with the bot: a report queues no approval
                            card (default: the leader has one, as in production, and every report queues the card)
          --help            this text

        Build the bot first: dotnet build src/OpinionBot -c Release
        """;

    /// <summary>Parses the arguments; null with a message on bad input or --help.</summary>
    public static Options? Parse(string[] args, out string? message)
    {
        int reports = 2000, concurrency = 8, warmup = 50, instances = 1;
        var store = "LiteDb";
        var late = false;
        var approverChat = true;
        int? botPid = null;
        string? bot = null;
        Uri? url = null;
        message = null;

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var name = arg;
            string? value = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is var eq and > 0)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }

            if (name is "--help" or "-h" or "-?")
            {
                message = Usage;
                return null;
            }

            if (name == "--late" && value is null)
            {
                late = true;
                continue;
            }

            if (name == "--no-approver-chat" && value is null)
            {
                approverChat = false;
                continue;
            }

            if (name is not ("--reports" or "--concurrency" or "--warmup" or "--bot" or "--url" or "--bot-pid" or "--store" or "--instances"))
            {
                message = $"Unknown option '{arg}'.\n\n{Usage}";
                return null;
            }

            if (value is null)
            {
                if (i + 1 >= args.Length)
                {
                    message = $"Option {name} needs a value.\n\n{Usage}";
                    return null;
                }

                value = args[++i];
            }

            if (name == "--bot")
            {
                bot = value;
                continue;
            }

            if (name == "--store")
            {
                if (!string.Equals(value, "LiteDb", StringComparison.OrdinalIgnoreCase) && !string.Equals(value, "PostgreSql", StringComparison.OrdinalIgnoreCase))
                {
                    message = $"Option --store is LiteDb or PostgreSql, not '{value}'.";
                    return null;
                }

                store = string.Equals(value, "LiteDb", StringComparison.OrdinalIgnoreCase) ? "LiteDb" : "PostgreSql";
                continue;
            }

            if (name == "--url")
            {
                if (!Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out url) || url.Scheme is not ("http" or "https"))
                {
                    message = $"Option --url needs an http(s) address such as http://127.0.0.1:5000, not '{value}'.";
                    return null;
                }

                continue;
            }

            var min = name == "--warmup" ? 0 : 1;
            if (!int.TryParse(value, out var number) || number < min)
            {
                message = $"Option {name} needs a whole number ≥ {min}, not '{value}'.";
                return null;
            }

            switch (name)
            {
                case "--bot-pid": botPid = number; break;
                case "--reports": reports = number; break;
                case "--concurrency": concurrency = number; break;
                case "--instances": instances = number; break;
                default: warmup = number; break;
            }
        }

        if (reports + warmup > 9999)
        {
            message = $"--reports + --warmup must be at most 9999 (case numbers have four digits), not {reports + warmup}.";
            return null;
        }

        if (instances > 1 && store != "PostgreSql")
        {
            message = "--instances above 1 needs --store PostgreSql (a LiteDB file belongs to one process).";
            return null;
        }

        if (url is not null && (instances > 1 || store != "LiteDb"))
        {
            message = "--url loads a bot that is already running; --store and --instances start bots of their own.";
            return null;
        }

        if (url is not null)
            return new Options(reports, concurrency, warmup, bot ?? "", url, botPid) { Late = late, ApproverChat = approverChat };

        string botPath;
        if (bot is not null)
        {
            botPath = Path.GetFullPath(bot);
        }
        else
        {
            string root;
            try
            {
                root = RepositoryRoot.Path;
            }
            catch (DirectoryNotFoundException e)
            {
                message = $"{e.Message}; pass --bot <path to OpinionBot.dll>.";
                return null;
            }

            botPath = Path.Combine(root, "src", "OpinionBot", "bin", "Release", "net10.0", "OpinionBot.dll");
        }

        if (!File.Exists(botPath))
        {
            message = $"The bot is not built: {botPath} does not exist.\nBuild it first: dotnet build src/OpinionBot -c Release"
                + (bot is null ? "" : "\n(or fix the path given to --bot)");
            return null;
        }

        return new Options(reports, concurrency, warmup, botPath) { Store = store, Instances = instances, Late = late, ApproverChat = approverChat };
    }
}
