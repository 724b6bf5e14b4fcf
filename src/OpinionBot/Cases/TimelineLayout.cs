using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace OpinionBot.Cases;

/// <summary>
/// How LiteDB keeps the timelines (collection <c>case_events</c>): with the <c>_id</c> index alone. An event's <c>_id</c>
/// is binary, its case's part followed by 16 bytes of the SHA-256 of its dedup key:
/// <list type="bullet">
/// <item>a number as the procedure hands them out (<c>2026-0042</c>): <c>0x01</c>, the year and the sequence big-endian, so
/// cases sort in numbering order and a report's events go into the same corner of the index;</item>
/// <item>any other number: <c>0x02</c> and 8 bytes of the SHA-256 of it (a timeline read checks the number it finds).</item>
/// </list>
/// A case's timeline is the range of its part; an event already recorded is one key. Binary keys compare byte by byte,
/// untouched by the database's text collation. The event's own id (<see cref="CaseEvent.Id"/>, its order of insertion)
/// is kept in <c>Seq</c>. Before this layout each event had three index keys (its id, case number and dedup key), the
/// largest single cost of a report.
/// </summary>
public static class TimelineLayout
{
    public const string Collection = "case_events";
    public const string SeqField = "Seq";

    private const byte NumberedCase = 0x01;
    private const byte OtherCase = 0x02;
    private const int DedupBytes = 16;

    public static BsonValue Key(string caseNumber, string dedupKey)
    {
        var casePart = CasePart(caseNumber);
        var key = new byte[casePart.Length + DedupBytes];
        casePart.CopyTo(key, 0);
        SHA256.HashData(Encoding.UTF8.GetBytes(dedupKey)).AsSpan(0, DedupBytes).CopyTo(key.AsSpan(casePart.Length));
        return new BsonValue(key);
    }

    /// <summary>The first and last possible key of a case's events.</summary>
    public static (BsonValue From, BsonValue To) RangeOf(string caseNumber)
    {
        var casePart = CasePart(caseNumber);
        byte[] Filled(byte with)
        {
            var key = new byte[casePart.Length + DedupBytes];
            casePart.CopyTo(key, 0);
            key.AsSpan(casePart.Length).Fill(with);
            return key;
        }

        return (new BsonValue(Filled(0x00)), new BsonValue(Filled(0xFF)));
    }

    public static BsonDocument ToDocument(BsonMapper mapper, CaseEvent caseEvent) =>
        Keyed(mapper.ToDocument(caseEvent), caseEvent.CaseNumber, caseEvent.DedupKey);

    /// <summary>The event of a document read from the collection (the document is changed: it was read for this alone).</summary>
    public static CaseEvent ToEvent(BsonMapper mapper, BsonDocument document)
    {
        document["_id"] = document[SeqField];
        document.Remove(SeqField);
        return mapper.ToObject<CaseEvent>(document);
    }

    /// <summary>An event document as builds before this layout wrote it (its id an ObjectId), rekeyed in place.</summary>
    public static BsonDocument FromFormer(BsonDocument former) =>
        Keyed(former, former["CaseNumber"].AsString, former["DedupKey"].IsString ? former["DedupKey"].AsString : former["_id"].ToString());

    private static BsonDocument Keyed(BsonDocument document, string caseNumber, string dedupKey)
    {
        document[SeqField] = document["_id"];
        document["_id"] = Key(caseNumber, dedupKey);
        return document;
    }

    private static byte[] CasePart(string caseNumber)
    {
        if (YearAndSequence(caseNumber) is var (year, sequence))
        {
            var part = new byte[7];
            part[0] = NumberedCase;
            BinaryPrimitives.WriteUInt16BigEndian(part.AsSpan(1), (ushort)year);
            BinaryPrimitives.WriteUInt32BigEndian(part.AsSpan(3), (uint)sequence);
            return part;
        }

        var other = new byte[9];
        other[0] = OtherCase;
        SHA256.HashData(Encoding.UTF8.GetBytes(caseNumber)).AsSpan(0, 8).CopyTo(other.AsSpan(1));
        return other;
    }

    /// <summary>The year and sequence of a number exactly as <see cref="CaseNumber.Format"/> writes it, else null (one number, one part).</summary>
    private static (int Year, int Sequence)? YearAndSequence(string caseNumber)
    {
        var dash = caseNumber.IndexOf('-');
        if (dash != 4 || !int.TryParse(caseNumber.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(caseNumber.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || CaseNumber.Format(year, sequence) != caseNumber)
            return null;
        return (year, sequence);
    }
}
