using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpinionBot.Records.Register.Xlsx;

/// <summary>
/// Writes one worksheet forward-only with <see cref="OpenXmlWriter"/> (SAX): frozen header row, column widths, rows of
/// inline-string, number and date cells, then an autofilter over everything written. Cells go in order without a
/// reference; an empty cell is left out and the next one then carries its reference. Nothing of the sheet is kept in memory.
/// </summary>
public sealed class SheetWriter : IDisposable
{
    public const int MaxRows = 1_048_576;
    public const int MaxCellText = 32_767;

    private static readonly Cell CellElement = new();
    private static readonly Row RowElement = new();
    private static readonly InlineString InlineElement = new();
    private static readonly Text TextElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly OpenXmlAttribute Inline = new("t", "", "inlineStr");
    private static readonly OpenXmlAttribute SharedString = new("t", "", "s");
    private static readonly KeyValuePair<string, string>[] NoNamespaces = [];
    private static readonly OpenXmlAttribute[] Preserve = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];

    private readonly Stream _stream;
    private readonly OpenXmlWriter _writer;
    private readonly IReadOnlyList<ColumnSpec> _columns;
    private readonly string[] _columnNames;

    /// <summary>The attributes of a cell for each style, plain and inline-string: built once, so writing a cell allocates nothing for them.</summary>
    private readonly OpenXmlAttribute[][] _plain;
    private readonly OpenXmlAttribute[][] _inline;
    private readonly OpenXmlAttribute[][] _shared;
    private readonly SharedStrings _sharedStrings;
    private readonly Action<SheetWriter> _finished;
    private int _column;

    /// <summary>The next cell's column when it is not the one after the last written (a cell was left empty): it then carries its reference.</summary>
    private bool _gap;
    private bool _rowOpen;
    private bool _done;

    internal SheetWriter(Stream stream, string name, IReadOnlyList<ColumnSpec> columns, bool selected, SharedStrings sharedStrings, Action<SheetWriter> finished)
    {
        _sharedStrings = sharedStrings;
        _stream = stream;
        Name = name;
        _columns = columns;
        _finished = finished;
        _columnNames = Enumerable.Range(0, columns.Count).Select(ColumnName).ToArray();
        var styles = Enum.GetValues<CellStyle>();
        _plain = styles.Select(s => s == CellStyle.Default ? [] : new[] { Style(s) }).ToArray();
        _inline = styles.Select(s => s == CellStyle.Default ? new[] { Inline } : [Style(s), Inline]).ToArray();
        _shared = styles.Select(s => s == CellStyle.Default ? new[] { SharedString } : [Style(s), SharedString]).ToArray();
        _writer = OpenXmlWriter.Create(stream, new UTF8Encoding(false));
        _writer.WriteStartDocument(true);
        _writer.WriteStartElement(new Worksheet(), [], [new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")]);
        _writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0, TabSelected = selected ? true : null }));
        _writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15 });
        _writer.WriteElement(new Columns(columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true,
            Style = c.Style is CellStyle.Default ? null : (uint)c.Style,
        })));
        _writer.WriteStartElement(new SheetData());

        StartRow();
        foreach (var column in columns)
            Shared(column.Header, CellStyle.Header);
        EndRow();
    }

    public string Name { get; }

    /// <summary>Rows written, the header included.</summary>
    public int RowCount { get; private set; }

    public int ColumnCount => _columns.Count;

    /// <summary>The filtered range, e.g. <c>A1:AQ101</c>.</summary>
    public string Range => $"A1:{_columnNames[^1]}{Math.Max(1, RowCount)}";

    public SheetWriter StartRow()
    {
        if (_rowOpen) EndRow();
        if (RowCount >= MaxRows) throw new SheetFullException(Name);
        RowCount++;
        _writer.WriteStartElement(RowElement, [new OpenXmlAttribute("r", "", RowCount.ToString(CultureInfo.InvariantCulture))], NoNamespaces);
        _rowOpen = true;
        _column = 0;
        _gap = false;
        return this;
    }

    public SheetWriter EndRow()
    {
        if (!_rowOpen) return this;
        _writer.WriteEndElement();
        _rowOpen = false;
        return this;
    }

    /// <summary>A text cell (inline string); null or empty leaves the cell empty.</summary>
    public SheetWriter Text(string? value, CellStyle style = CellStyle.Default)
    {
        if (string.IsNullOrEmpty(value)) return Skip();
        var text = Clean(value);
        Begin(style, inline: true);
        _writer.WriteStartElement(InlineElement, [], NoNamespaces);
        _writer.WriteStartElement(TextElement, char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n') ? Preserve : [], NoNamespaces);
        _writer.WriteString(text);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        return End();
    }

    /// <summary>
    /// A text cell from the workbook's shared strings: for values that repeat (a unit, a level, a state), written once
    /// in the table and by index in each cell. Free text (titles, links) goes in <see cref="Text"/>.
    /// </summary>
    public SheetWriter Shared(string? value, CellStyle style = CellStyle.Default)
    {
        if (string.IsNullOrEmpty(value)) return Skip();
        Begin(_shared[(int)style]);
        _writer.WriteStartElement(ValueElement, [], NoNamespaces);
        _writer.WriteString(_sharedStrings.IndexOf(Clean(value)));
        _writer.WriteEndElement();
        return End();
    }

    public SheetWriter Number(double? value, CellStyle style = CellStyle.Default)
    {
        if (value is not { } number || double.IsNaN(number) || double.IsInfinity(number)) return Skip();
        Begin(style, inline: false);
        _writer.WriteStartElement(ValueElement, [], NoNamespaces);
        _writer.WriteString(number.ToString(CultureInfo.InvariantCulture));
        _writer.WriteEndElement();
        return End();
    }

    public SheetWriter Integer(long? value) => Number(value, CellStyle.Integer);

    /// <summary>A date-time shown as the wall-clock time it was in the organisation's zone.</summary>
    public SheetWriter DateTime(DateTimeOffset? local) =>
        local is { } value ? Number(value.DateTime.ToOADate(), CellStyle.DateTime) : Skip();

    public SheetWriter Date(DateOnly? day) =>
        day is { } value ? Number(value.ToDateTime(TimeOnly.MinValue).ToOADate(), CellStyle.Date) : Skip();

    public SheetWriter Percent(double? ratio) => Number(ratio, CellStyle.Percent);

    public SheetWriter Decimal(double? value) => Number(value is { } v ? Math.Round(v, 1) : null, CellStyle.Decimal);

    public SheetWriter Skip()
    {
        _column++;
        _gap = true;
        return this;
    }

    /// <summary>Closes the sheet data, adds the autofilter over the written range and ends the part.</summary>
    public void Finish()
    {
        if (_done) return;
        EndRow();
        _writer.WriteEndElement(); // sheetData
        _writer.WriteElement(new AutoFilter { Reference = Range });
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
        _stream.Dispose();
        _done = true;
        _finished(this);
    }

    public void Dispose()
    {
        if (_done) return;
        _writer.Dispose();
        _stream.Dispose();
        _done = true;
    }

    private void Begin(CellStyle style, bool inline) => Begin(inline ? _inline[(int)style] : _plain[(int)style]);

    private void Begin(OpenXmlAttribute[] attributes)
    {
        if (_column >= _columns.Count) throw new InvalidOperationException($"Row {RowCount} has more cells than the {_columns.Count} columns.");
        if (_gap)
        {
            attributes = [new OpenXmlAttribute("r", "", _columnNames[_column] + RowCount.ToString(CultureInfo.InvariantCulture)), .. attributes];
            _gap = false;
        }

        _writer.WriteStartElement(CellElement, attributes, NoNamespaces);
    }

    private SheetWriter End()
    {
        _writer.WriteEndElement();
        _column++;
        return this;
    }

    /// <summary>Characters XML 1.0 cannot carry (controls, lone surrogates) are dropped; the text is cut at Excel's limit for a cell.</summary>
    public static string Clean(string text)
    {
        if (text.Length > MaxCellText) text = text[..MaxCellText];
        return IsXmlSafe(text) ? text : Keep(text);
    }

    private static bool IsXmlSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (!XmlAllowed(text[i])) return false;
        }

        return true;
    }

    private static string Keep(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) kept.Append(text, i++, 2);
            else if (XmlAllowed(text[i])) kept.Append(text[i]);
        }

        return kept.ToString();
    }

    private static bool XmlAllowed(char c) => c is '\t' or '\n' or '\r' or (>= ' ' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');

    private static OpenXmlAttribute Style(CellStyle style) => new("s", "", ((uint)style).ToString(CultureInfo.InvariantCulture));

    /// <summary>A, B, …, Z, AA, AB, … for a zero-based column index.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}

/// <summary>A sheet would need more than Excel's 1,048,576 rows.</summary>
public sealed class SheetFullException(string sheet) : Exception($"Sheet '{sheet}' is full ({SheetWriter.MaxRows} rows).");
