using System.Collections.Concurrent;
using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cards;
using OpinionBot.Localization;

namespace OpinionBot.Help;

public sealed class HelpCommand(IServiceProvider services) : ICommand
{
    /// <summary>The card depends on the language alone (the commands and texts are fixed at start), so it is built once per language.</summary>
    private readonly ConcurrentDictionary<Language, Attachment> _cards = new();

    public IReadOnlyList<CommandWord> Words { get; } =
        [new("help", Language.EnUs), new("帮助", Language.ZhCn), new("?", Language.EnUs)];

    public string DescriptionKey => "command.help.description";

    public bool RequiresRoster => false;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var card = _cards.GetOrAdd(context.Language, _ =>
        {
            // The router is resolved late: it is built from every command, this one included.
            var router = services.GetRequiredService<CommandRouter>();
            return HelpCard.Build(router.Commands, context.Language, context.Text).ToAttachment();
        });
        return context.ReplyAsync(AdaptiveCard.ToActivity(card, context.Text("help.title")), cancellationToken);
    }
}
