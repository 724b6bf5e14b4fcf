using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpinionBot.Records.Register.Xlsx;

/// <summary>The workbook's shared-string table: each distinct value once, cells refer to it by index.</summary>
public sealed class SharedStrings
{
    private readonly Dictionary<string, string> _indexes = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public int References { get; private set; }

    public int Count => _values.Count;

    /// <summary>The value's index as the cell writes it, adding the value the first time.</summary>
    public string IndexOf(string value)
    {
        References++;
        if (_indexes.TryGetValue(value, out var index)) return index;
        index = _values.Count.ToString(CultureInfo.InvariantCulture);
        _indexes[value] = index;
        _values.Add(value);
        return index;
    }

    public void WriteTo(OpenXmlWriter writer)
    {
        writer.WriteStartElement(new SharedStringTable(), [new("count", "", References.ToString(CultureInfo.InvariantCulture)), new("uniqueCount", "", _values.Count.ToString(CultureInfo.InvariantCulture))]);
        foreach (var value in _values)
            writer.WriteElement(new SharedStringItem(new Text(value) { Space = char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) ? SpaceProcessingModeValues.Preserve : null }));
        writer.WriteEndElement();
    }
}
