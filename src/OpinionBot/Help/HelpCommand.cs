using OpinionBot.Bot;
using OpinionBot.Localization;

namespace OpinionBot.Help;

public sealed class HelpCommand(IServiceProvider services) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } =
        [new("help", Language.EnUs), new("帮助", Language.ZhCn), new("?", Language.EnUs)];

    public string DescriptionKey => "command.help.description";

    public bool RequiresRoster => false;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // The router is resolved late: it is built from every command, this one included.
        var router = services.GetRequiredService<CommandRouter>();
        var card = HelpCard.Build(router.Commands, context.Language, context.Text);
        return context.ReplyAsync(card.ToActivity(context.Text("help.title")), cancellationToken);
    }
}
