using OpinionBot.BotFramework.Schema;

namespace OpinionBot.Delivery.Outbox;

/// <summary>Renders a <see cref="OutboxKind.RenderedSend"/> message's content when the outbox delivers it.</summary>
public interface IOutboxRenderer
{
    /// <summary>Whether this renderer renders the message (by its correlation key).</summary>
    bool Renders(OutboxMessage message);

    /// <summary>
    /// The activity's content (the outbox addresses it to the stored conversation reference), or null when what it would show is gone: the message
    /// is then dead-lettered with <paramref name="why"/>.
    /// </summary>
    Activity? Render(OutboxMessage message, out string why);
}
