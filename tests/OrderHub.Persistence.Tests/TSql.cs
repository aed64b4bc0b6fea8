using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace OrderHub.Persistence.Tests;

/// <summary>T-SQL checked with Microsoft's own parser for SQL Server 2022 (TSql160Parser), as SQL Server itself would parse it.</summary>
internal static partial class TSql
{
    /// <summary>The parsed script; fails the test with every parse error and the statement.</summary>
    public static TSqlFragment Parse(string sql)
    {
        // EF's {0} placeholders become the @p0 parameters EF sends.
        var text = Placeholder().Replace(sql, m => "@p" + m.Groups[1].Value);
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(text), out var errors);
        errors.Count.ShouldBe(0, $"{string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}\n{text}");
        return fragment;
    }

    public static IList<ParseError> Errors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(Placeholder().Replace(sql, m => "@p" + m.Groups[1].Value)), out var errors);
        return errors;
    }

    public static Shape ShapeOf(TSqlFragment fragment)
    {
        var shape = new Shape();
        fragment.Accept(shape);
        return shape;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    /// <summary>What a script is made of: its statements by kind, the table hints it uses, whether it has an OUTPUT clause.</summary>
    internal sealed class Shape : TSqlFragmentVisitor
    {
        public List<TSqlStatement> Statements { get; } = [];

        public HashSet<TableHintKind> Hints { get; } = [];

        public bool HasOutput { get; private set; }

        public override void Visit(TSqlStatement node) => Statements.Add(node);

        public override void Visit(TableHint node) => Hints.Add(node.HintKind);

        public override void Visit(OutputClause node) => HasOutput = true;

        public int Count<T>()
            where T : TSqlStatement => Statements.OfType<T>().Count();
    }
}
