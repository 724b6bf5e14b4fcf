using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace OpinionBot.Records.SpecialReport;

/// <summary>
/// A report in the usual layout of an official document, built with the Open XML SDK: a centred title and subtitle,
/// numbered section headings (style <c>Heading1</c>), indented paragraphs, bordered tables, PNG images, and the
/// sending unit and date at the end. A4, Song/Hei typefaces for Chinese.
/// </summary>
public sealed class ReportDocument
{
    public const string TitleStyle = "Title";
    public const string HeadingStyle = "Heading1";
    public const string SubtitleStyle = "Subtitle";

    /// <summary>The width an image takes on the page: 15 cm.</summary>
    private const long ImageWidthEmu = 5_400_000;

    private readonly List<Func<MainDocumentPart, OpenXmlElement>> _body = [];
    private uint _images;

    public ReportDocument Title(string text) => Add(StyledParagraph(TitleStyle, text));

    public ReportDocument Subtitle(string text) => Add(StyledParagraph(SubtitleStyle, text));

    public ReportDocument Heading(string text) => Add(StyledParagraph(HeadingStyle, text));

    /// <summary>A body paragraph, first line indented two characters; line breaks in <paramref name="text"/> are kept.</summary>
    public ReportDocument Paragraph(string text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new Indentation { FirstLineChars = 200 }));
        paragraph.Append(Runs(text));
        return Add(paragraph);
    }

    /// <summary>A two-column table of labels and values.</summary>
    public ReportDocument Facts(IEnumerable<(string Label, string Value)> facts) =>
        Table(null, facts.Select(f => (IReadOnlyList<string>)[f.Label, f.Value]).ToList(), [2200, 6800]);

    /// <summary>A bordered table with an optional bold header row; <paramref name="widths"/> in twentieths of a point.</summary>
    public ReportDocument Table(IReadOnlyList<string>? headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<int> widths)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        if (headers is not null)
            table.Append(Row(headers, widths, bold: true));
        foreach (var row in rows)
            table.Append(Row(row, widths, bold: false));
        _body.Add(_ => table);
        return Add(new Paragraph());
    }

    /// <summary>A PNG, 15 cm wide, keeping its aspect ratio.</summary>
    public ReportDocument Image(byte[] png, int widthPixels, int heightPixels, string name)
    {
        var id = ++_images;
        _body.Add(main =>
        {
            var part = main.AddImagePart(ImagePartType.Png);
            using (var stream = new MemoryStream(png, writable: false))
                part.FeedData(stream);
            var height = ImageWidthEmu * heightPixels / Math.Max(1, widthPixels);
            return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(Drawing(main.GetIdOfPart(part), id, name, ImageWidthEmu, height)));
        });
        return this;
    }

    /// <summary>The sending unit and the date, right-aligned at the end.</summary>
    public ReportDocument Signature(string unit, string date)
    {
        Add(new Paragraph());
        Add(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Right }), new Run(new Text(unit))));
        return Add(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Right }), new Run(new Text(date))));
    }

    public void Save(Stream output, string title, string author, DateTime createdUtc)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = title;
        document.PackageProperties.Creator = author;
        document.PackageProperties.Created = createdUtc;
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        var body = new Body();
        foreach (var element in _body)
            body.Append(element(main));
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1587, Right = 1587, Header = 851, Footer = 992, Gutter = 0 }));
        main.Document = new Document(body);
    }

    public byte[] ToBytes(string title, string author, DateTime createdUtc)
    {
        using var stream = new MemoryStream();
        Save(stream, title, author, createdUtc);
        return stream.ToArray();
    }

    private ReportDocument Add(OpenXmlElement element)
    {
        _body.Add(_ => element);
        return this;
    }

    private static Paragraph StyledParagraph(string style, string text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(Runs(text));
        return paragraph;
    }

    /// <summary>One run per line, with breaks between; characters XML cannot carry are dropped.</summary>
    private static IEnumerable<OpenXmlElement> Runs(string text)
    {
        var lines = Register.Xlsx.SheetWriter.Clean(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run();
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            yield return run;
        }
    }

    private static TableRow Row(IReadOnlyList<string> cells, IReadOnlyList<int> widths, bool bold)
    {
        var row = new TableRow();
        if (bold) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < cells.Count; i++)
        {
            var paragraph = new Paragraph();
            foreach (var run in Runs(cells[i]).Cast<Run>())
            {
                if (bold) run.PrependChild(new RunProperties(new Bold()));
                paragraph.Append(run);
            }

            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[Math.Min(i, widths.Count - 1)].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                paragraph));
        }

        return row;
    }

    private static Drawing Drawing(string relationshipId, uint id, string name, long width, long height) => new(
        new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = name }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = width, Cy = height }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "SimSun", ComplexScript = "Times New Roman" },
                new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" }, new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        Heading(TitleStyle, "Title", "44", JustificationValues.Center, before: "240"),
        Heading(SubtitleStyle, "Subtitle", "24", JustificationValues.Center, before: "0", bold: false),
        Heading(HeadingStyle, "heading 1", "32", JustificationValues.Left, before: "240"));

    private static Style Heading(string id, string name, string size, JustificationValues justification, string before, bool bold = true)
    {
        var run = new StyleRunProperties(new RunFonts { EastAsia = "SimHei" });
        if (bold) run.Append(new Bold());
        run.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        return new Style(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = before, After = "120" }, new Justification { Val = justification }),
            run)
        { Type = StyleValues.Paragraph, StyleId = id };
    }
}
