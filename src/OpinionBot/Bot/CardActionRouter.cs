namespace OpinionBot.Bot;

public sealed class CardActionRouter(IEnumerable<ICardAction> actions)
{
    private readonly Dictionary<string, ICardAction> _byVerb = actions.ToDictionary(a => a.Verb, StringComparer.OrdinalIgnoreCase);

    public ICardAction? Find(string? verb) => verb is not null && _byVerb.TryGetValue(verb, out var action) ? action : null;
}
