using OpinionBot.Localization;

namespace OpinionBot.Tests.Localization;

public sealed class ShortTextTests
{
    [Theory]
    [InlineData("short", 40, "short")]
    [InlineData("abcdef", 3, "abc…")]
    [InlineData("ab😀cd", 3, "ab…")]      // the emoji would straddle the cut: left out whole
    [InlineData("ab😀cd", 4, "ab😀…")]
    [InlineData("e\u0301e\u0301e\u0301", 3, "e\u0301…")] // a letter and its combining accent stay together
    [InlineData("😀", 1, "…")]
    public void Cuts_only_between_whole_characters(string text, int max, string expected) =>
        Assert.Equal(expected, ShortText.Cut(text, max));

    [Fact]
    public void Never_leaves_a_lone_surrogate_whatever_the_length()
    {
        var text = string.Concat(Enumerable.Repeat("a😀𠀀", 20));
        for (var max = 0; max < text.Length; max++)
        {
            var cut = ShortText.Cut(text, max);
            Assert.True(cut.Length <= max + 1);
            Assert.DoesNotContain(cut.Select((c, i) => (c, i)), p =>
                (char.IsHighSurrogate(p.c) && (p.i + 1 >= cut.Length || !char.IsLowSurrogate(cut[p.i + 1])))
                || (char.IsLowSurrogate(p.c) && (p.i == 0 || !char.IsHighSurrogate(cut[p.i - 1]))));
        }
    }
}
