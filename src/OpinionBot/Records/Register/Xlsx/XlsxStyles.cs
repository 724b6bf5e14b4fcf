using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpinionBot.Records.Register.Xlsx;

/// <summary>The workbook's stylesheet: a bold shaded header, date-time, date, one-decimal, percent and integer formats.</summary>
public static class XlsxStyles
{
    public static Stylesheet Build() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "0.0" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "0.0%" }) { Count = 4 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Format(0),
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true },
            Format(164),
            Format(165),
            Format(166),
            Format(167),
            Format(1)) { Count = 7 },
        new CellStyles(new DocumentFormat.OpenXml.Spreadsheet.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static CellFormat Format(uint numberFormat) => new()
    {
        NumberFormatId = numberFormat, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0,
        ApplyNumberFormat = numberFormat == 0 ? null : BooleanValue.FromBoolean(true),
    };
}
