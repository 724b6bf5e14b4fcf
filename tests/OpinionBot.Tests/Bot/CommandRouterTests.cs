using OpinionBot.Bot;
using OpinionBot.Localization;

namespace OpinionBot.Tests.Bot;

public sealed class CommandRouterTests
{
    private sealed class FakeCommand(params CommandWord[] words) : ICommand
    {
        public IReadOnlyList<CommandWord> Words { get; } = words;
        public string DescriptionKey => "command.help.description";
        public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static readonly FakeCommand Case = new FakeCommand(new CommandWord("case", Language.EnUs), new CommandWord("查看", Language.ZhCn));
    private static readonly FakeCommand Cases = new FakeCommand(new CommandWord("cases", Language.EnUs));
    private static readonly FakeCommand Subscribe = new FakeCommand(new CommandWord("subscribe briefing", Language.EnUs), new CommandWord("订阅简报", Language.ZhCn));
    private readonly CommandRouter _router = new([Case, Cases, Subscribe]);

    [Theory]
    [InlineData("case 2026-0042", "2026-0042", Language.EnUs)]
    [InlineData("CASE   2026-0042 ", "2026-0042", Language.EnUs)]
    [InlineData("ｃａｓｅ　2026-0042", "2026-0042", Language.EnUs)]
    [InlineData("查看 2026-0042", "2026-0042", Language.ZhCn)]
    [InlineData("查看2026-0042", "2026-0042", Language.ZhCn)]
    [InlineData("查看", "", Language.ZhCn)]
    public void Matches_the_command_word_and_keeps_the_arguments(string text, string arguments, Language language)
    {
        var match = _router.Match(text);

        Assert.NotNull(match);
        Assert.Same(Case, match.Command);
        Assert.Equal(arguments, match.Arguments);
        Assert.Equal(language, match.Language);
    }

    [Fact]
    public void Prefers_the_longest_word_and_requires_a_word_boundary_in_english()
    {
        Assert.Same(Cases, _router.Match("cases")!.Command);
        Assert.Null(_router.Match("casework 1"));
    }

    [Fact]
    public void Matches_multi_word_commands()
    {
        Assert.Same(Subscribe, _router.Match("Subscribe  Briefing")!.Command);
        Assert.Same(Subscribe, _router.Match("订阅简报")!.Command);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("看查")]
    public void Returns_null_for_text_that_is_no_command(string text) => Assert.Null(_router.Match(text));

    [Fact]
    public void Refuses_two_commands_that_claim_the_same_word()
    {
        var clash = new FakeCommand(new CommandWord("CASE", Language.EnUs));

        var error = Assert.Throws<InvalidOperationException>(() => new CommandRouter([Case, clash]));
        Assert.Contains("case", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
