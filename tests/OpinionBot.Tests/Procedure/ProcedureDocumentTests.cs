using System.Text;
using OpinionBot.Procedure;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Procedure;

/// <summary>docs/procedure.md shows the procedure table as the code has it: a change to the table fails here until the document follows.</summary>
public sealed class ProcedureDocumentTests
{
    [Fact]
    public void The_document_shows_the_table_as_the_code_has_it()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "procedure.md"));
        var table = Render();

        Assert.True(document.Contains(table, StringComparison.Ordinal), $"docs/procedure.md should contain this table (paste it in):\n\n{table}");
    }

    /// <summary>The rows as a Markdown table.</summary>
    public static string Render()
    {
        static string List<T>(IEnumerable<T> items) => string.Join(", ", items.Select(i => i!.ToString()));
        var md = new StringBuilder();
        md.AppendLine("| action | from | when | who | needs | to | records | ends | then | closes | opens | dispatch | tells |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in ProcedureTable.Rows)
        {
            var opens = r.Completes.Select(c => $"{c} (done)").Concat(r.Opens.Select(c => c.ToString()));
            md.AppendLine($"| {r.Action} | {(r.From.Count == 0 ? "—" : List(r.From))} | {List(r.When)} | {r.By} | {(r.Needs == Requirement.None ? "" : r.Needs.ToString())} | {r.To?.ToString() ?? "(same)"} | {List(r.Records)} | {List(r.Ends)} | {r.Then} | {List(r.Closes)}{(r.CancelsClocks ? "; cancels the rest" : "")} | {List(opens)} | {(r.Dispatch == DispatchTarget.None ? "" : r.Dispatch.ToString())} | {List(r.Tells.Select(t => t.Audience))} |");
        }

        return md.ToString().TrimEnd();
    }
}
