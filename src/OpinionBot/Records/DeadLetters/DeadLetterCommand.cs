using OpinionBot.Bot;
using OpinionBot.Localization;

namespace OpinionBot.Records.DeadLetters;

/// <summary><c>outbox</c> / <c>投递失败</c> (admins and the office): the messages the outbox gave up on, to retry or discard.</summary>
public sealed class DeadLetterCommand(DeadLetterCard card) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("outbox", Language.EnUs), new("投递失败", Language.ZhCn)];

    public string DescriptionKey => "command.outbox.description";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!DeadLetterAccess.MayUse(context.Actor))
            return context.ReplyTextAsync("deadLetters.notAllowed", cancellationToken);
        return context.ReplyAsync(card.Build(context.Language).ToActivity(context.Text("deadLetters.summary")), cancellationToken);
    }
}
