using System.Text.RegularExpressions;

namespace OpinionBot.BotFramework.Schema;

public static class MentionText
{
    /// <summary>
    /// The activity's text with every mention of <paramref name="recipientId"/> removed, as the SDK's
    /// <c>RemoveRecipientMention</c> does: the mention's <c>text</c>, else <c>&lt;at&gt;name&lt;/at&gt;</c>, case-insensitively, then trimmed.
    /// </summary>
    public static string RemoveMentionsOf(Activity activity, string? recipientId)
    {
        var text = activity.Text ?? "";
        if (string.IsNullOrEmpty(recipientId))
            return text.Trim();

        foreach (var mention in activity.GetMentions())
        {
            if (!string.Equals(mention.Mentioned?.Id, recipientId, StringComparison.OrdinalIgnoreCase))
                continue;

            var mentionText = mention.Text ?? $"<at>{mention.Mentioned?.Name}</at>";
            text = Regex.Replace(text, Regex.Escape(mentionText), "", RegexOptions.IgnoreCase);
        }

        return text.Trim();
    }
}
