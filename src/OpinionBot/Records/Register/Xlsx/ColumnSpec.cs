namespace OpinionBot.Records.Register.Xlsx;

/// <summary>A column of a sheet: its header, its width (in characters) and how its cells are shown.</summary>
public sealed record ColumnSpec(string Header, double Width, CellStyle Style = CellStyle.Default);

/// <summary>The cell formats of <see cref="XlsxStyles"/>, by their index in <c>cellXfs</c>.</summary>
public enum CellStyle : uint
{
    Default = 0,
    Header = 1,
    DateTime = 2,
    Date = 3,
    Decimal = 4,
    Percent = 5,
    Integer = 6,
}
