using System.Globalization;

namespace OpinionBot.Briefings;

/// <summary>
/// The weekly summary's chart: cases per week as bars, a 600×300 PNG (ScottPlot over SkiaSharp). Labels are dates
/// only, so no CJK font is needed. When the native Skia library cannot load, there is no chart and the card's figures stand alone.
/// </summary>
public sealed class WeeklyChart(ILogger<WeeklyChart> logger)
{
    public const int Width = 600;
    public const int Height = 300;

    private bool _unavailable;

    public byte[]? Render(IReadOnlyList<WeekCount> weeks)
    {
        if (_unavailable || weeks.Count == 0) return null;
        try
        {
            var plot = new ScottPlot.Plot();
            var bars = weeks.Select((w, i) => new ScottPlot.Bar { Position = i, Value = w.Cases, FillColor = i == weeks.Count - 1 ? ScottPlot.Colors.SteelBlue : ScottPlot.Colors.LightSteelBlue }).ToList();
            plot.Add.Bars(bars);
            plot.Axes.Bottom.SetTicks(
                weeks.Select((_, i) => (double)i).ToArray(),
                weeks.Select(w => w.Monday.ToString("MM-dd", CultureInfo.InvariantCulture)).ToArray());
            plot.Axes.Margins(bottom: 0);
            plot.Axes.SetLimitsY(0, Math.Max(1, weeks.Max(w => w.Cases)) * 1.15);
            return plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            _unavailable = true;
            logger.LogWarning(e, "The weekly chart cannot be drawn (SkiaSharp's native library did not load); summaries go out with figures only");
            return null;
        }
    }
}
