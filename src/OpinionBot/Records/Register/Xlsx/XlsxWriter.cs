using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpinionBot.Records.Register.Xlsx;

/// <summary>
/// A workbook written straight into a zip (<see cref="ZipArchiveMode.Create"/>), one part at a time, so a sheet of a
/// hundred thousand rows never sits in memory — the Open XML SDK's package API buffers every part until it is saved.
/// Sheets are written with <see cref="SheetWriter"/>; <see cref="Finish"/> adds the workbook, styles, the shared
/// strings (repeated values only), properties, relationships and content types.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly DateTime _modified;
    private readonly List<(string Name, string Range)> _sheets = [];
    private readonly SharedStrings _sharedStrings = new();
    private SheetWriter? _open;

    public XlsxWriter(Stream output, DateTime modifiedLocal)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        _modified = modifiedLocal;
    }

    /// <summary>Starts the next sheet; the previous one must be finished. Names are cut to Excel's 31 characters.</summary>
    public SheetWriter AddSheet(string name, IReadOnlyList<ColumnSpec> columns)
    {
        if (_open is not null) throw new InvalidOperationException($"Finish sheet '{_open.Name}' first.");
        var safeName = SafeSheetName(name);
        var stream = Entry($"xl/worksheets/sheet{_sheets.Count + 1}.xml");
        _open = new SheetWriter(stream, safeName, columns, selected: _sheets.Count == 0, _sharedStrings, finished: sheet =>
        {
            _sheets.Add((sheet.Name, sheet.Range));
            _open = null;
        });
        return _open;
    }

    /// <summary>Writes the remaining parts; <paramref name="title"/> and <paramref name="author"/> go into the document properties.</summary>
    public void Finish(string title, string author)
    {
        if (_open is not null) throw new InvalidOperationException($"Sheet '{_open.Name}' is not finished.");
        WritePart("xl/workbook.xml", Workbook());
        WritePart("xl/styles.xml", XlsxStyles.Build());
        using (var stream = Entry("xl/sharedStrings.xml"))
        using (var writer = OpenXmlWriter.Create(stream, new UTF8Encoding(false)))
        {
            writer.WriteStartDocument(true);
            _sharedStrings.WriteTo(writer);
            writer.Close();
        }

        WriteXml("xl/_rels/workbook.xml.rels", w =>
        {
            w.WriteStartElement("Relationships", RelationshipsNs);
            for (var i = 1; i <= _sheets.Count; i++)
                Relationship(w, $"rId{i}", $"{OfficeRelationships}/worksheet", $"worksheets/sheet{i}.xml");
            Relationship(w, $"rId{_sheets.Count + 1}", $"{OfficeRelationships}/styles", "styles.xml");
            Relationship(w, $"rId{_sheets.Count + 2}", $"{OfficeRelationships}/sharedStrings", "sharedStrings.xml");
            w.WriteEndElement();
        });
        WriteXml("_rels/.rels", w =>
        {
            w.WriteStartElement("Relationships", RelationshipsNs);
            Relationship(w, "rId1", $"{OfficeRelationships}/officeDocument", "xl/workbook.xml");
            Relationship(w, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
            w.WriteEndElement();
        });
        WriteXml("docProps/core.xml", w => CoreProperties(w, title, author));
        WriteXml("[Content_Types].xml", ContentTypes);
    }

    public void Dispose()
    {
        _open?.Dispose();
        _zip.Dispose();
    }

    private Workbook Workbook()
    {
        var sheets = new Sheets(_sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" }));
        var filters = new DefinedNames(_sheets.Select((s, i) => new DefinedName($"'{s.Name.Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(s.Range)}")
        {
            Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true,
        }));
        return new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheets, filters);
    }

    private void ContentTypes(XmlWriter w)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        w.WriteStartElement("Types", ns);
        Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(w, "xml", "application/xml");
        Override(w, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (var i = 1; i <= _sheets.Count; i++)
            Override(w, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        Override(w, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        Override(w, "/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
        Override(w, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        w.WriteEndElement();

        static void Default(XmlWriter w, string extension, string type)
        {
            w.WriteStartElement("Default", ns);
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }

        static void Override(XmlWriter w, string part, string type)
        {
            w.WriteStartElement("Override", ns);
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
    }

    private void CoreProperties(XmlWriter w, string title, string author)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        w.WriteStartElement("cp", "coreProperties", cp);
        w.WriteAttributeString("xmlns", "dc", null, dc);
        w.WriteAttributeString("xmlns", "dcterms", null, dcterms);
        w.WriteAttributeString("xmlns", "xsi", null, xsi);
        w.WriteElementString("dc", "title", dc, SheetWriter.Clean(title));
        w.WriteElementString("dc", "creator", dc, SheetWriter.Clean(author));
        w.WriteStartElement("dcterms", "created", dcterms);
        w.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
        w.WriteString(DateTime.SpecifyKind(_modified, DateTimeKind.Unspecified).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "Z");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", RelationshipsNs);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    private void WritePart(string path, OpenXmlElement root)
    {
        using var stream = Entry(path);
        using var writer = OpenXmlWriter.Create(stream, new UTF8Encoding(false));
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
        writer.Close();
    }

    private void WriteXml(string path, Action<XmlWriter> write)
    {
        using var stream = Entry(path);
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        writer.WriteStartDocument(true);
        write(writer);
        writer.WriteEndDocument();
    }

    private Stream Entry(string path)
    {
        var entry = _zip.CreateEntry(path, CompressionLevel.Fastest);
        entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(_modified, DateTimeKind.Unspecified), TimeSpan.Zero);
        return entry.Open();
    }

    /// <summary><c>A1:AQ101</c> → <c>$A$1:$AQ$101</c>.</summary>
    private static string Absolute(string range) => string.Join(':', range.Split(':').Select(cell =>
    {
        var digits = cell.IndexOfAny("0123456789".ToCharArray());
        return $"${cell[..digits]}${cell[digits..]}";
    }));

    /// <summary>Excel sheet names: at most 31 characters, none of <c>[]:*?/\</c>.</summary>
    public static string SafeSheetName(string name)
    {
        var safe = new string(name.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray()).Trim('\'');
        return safe.Length <= 31 ? safe : safe[..31];
    }
}
