using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OpinionBot.Tests.Records;

/// <summary>Reads generated .xlsx and .docx files back with the Open XML SDK, and validates them against its schemas.</summary>
public static class OpenXmlFiles
{
    /// <summary>A sheet as read back: its name, rows of cell texts (numbers as written), the cells' style indexes, and the sheet part.</summary>
    public sealed record SheetContent(string Name, List<List<string?>> Rows, List<List<uint?>> Styles, Worksheet Worksheet);

    public static List<SheetContent> ReadWorkbook(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        AssertValid(document);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheets = new List<SheetContent>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            var rows = new List<List<string?>>();
            var styles = new List<List<uint?>>();
            foreach (var row in worksheet.GetFirstChild<SheetData>()!.Elements<Row>())
            {
                var values = new List<string?>();
                var rowStyles = new List<uint?>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : values.Count;
                    while (values.Count < column) { values.Add(null); rowStyles.Add(null); }
                    values.Add(cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.Text!.Text
                        : cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                        : cell.CellValue?.Text);
                    rowStyles.Add(cell.StyleIndex?.Value);
                }

                rows.Add(values);
                styles.Add(rowStyles);
            }

            sheets.Add(new SheetContent(sheet.Name!, rows, styles, worksheet));
        }

        return sheets;
    }

    /// <summary>The number format code of a cell style of the workbook (e.g. <c>yyyy-mm-dd hh:mm</c>).</summary>
    public static string? NumberFormat(byte[] xlsx, uint styleIndex)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)styleIndex);
        var id = format.NumberFormatId?.Value ?? 0;
        return stylesheet.NumberingFormats?.Elements<DocumentFormat.OpenXml.Spreadsheet.NumberingFormat>().FirstOrDefault(n => n.NumberFormatId?.Value == id)?.FormatCode?.Value;
    }

    public static DateTime FromExcel(string? value) => DateTime.FromOADate(double.Parse(value!, CultureInfo.InvariantCulture));

    /// <summary>The paragraphs of a .docx with their style ids, tables' cell texts, and the number of images.</summary>
    public sealed record DocumentContent(List<(string? Style, string Text)> Paragraphs, List<List<List<string>>> Tables, int Images, string Title);

    public static DocumentContent ReadDocument(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        AssertValid(document);
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, ParagraphText(p))).ToList();
        var tables = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(ParagraphText))).ToList()).ToList())
            .ToList();
        return new DocumentContent(paragraphs, tables, document.MainDocumentPart.ImageParts.Count(), document.PackageProperties.Title ?? "");
    }

    private static string ParagraphText(Paragraph paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e switch
        {
            DocumentFormat.OpenXml.Wordprocessing.Text text => text.Text,
            DocumentFormat.OpenXml.Wordprocessing.Break => "\n",
            _ => "",
        }));

    private static void AssertValid(OpenXmlPackage package)
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            index = index * 26 + (c - 'A' + 1);
        return index - 1;
    }
}
