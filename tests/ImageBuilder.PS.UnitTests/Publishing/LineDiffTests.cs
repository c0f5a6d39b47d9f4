using ImageBuilder.PS.Documents;

namespace ImageBuilder.PS.UnitTests.Publishing;

public sealed class LineDiffTests
{
    private static string Render(IEnumerable<DocumentLineDifference> lines) =>
        string.Join("|", lines.Select(l => $"{l.SideIndicator}{l.ReferenceLine?.ToString() ?? "-"},{l.DifferenceLine?.ToString() ?? "-"}:{l.Text}"));

    [Fact]
    public void TheSameDocumentsHaveNoDifference()
    {
        Assert.Empty(LineDiff.Compare(new[] { "a", "b" }, new[] { "a", "b" }));
        Assert.Empty(LineDiff.Compare(Array.Empty<string>(), Array.Empty<string>()));
    }

    [Fact]
    public void AChangedLineIsTheOldLineThenTheNewOne()
    {
        var lines = LineDiff.Compare(new[] { "a", "b", "c" }, new[] { "a", "B", "c" });
        Assert.Equal("<=2,-:b|=>-,2:B", Render(lines));
    }

    [Fact]
    public void InsertionsAndDeletionsKeepEachSidesLineNumbers()
    {
        var lines = LineDiff.Compare(new[] { "a", "b", "c", "d" }, new[] { "x", "a", "c", "d", "e" });
        Assert.Equal("=>-,1:x|<=2,-:b|=>-,5:e", Render(lines));
    }

    [Fact]
    public void IncludeEqualGivesEveryLineInOrder()
    {
        var lines = LineDiff.Compare(new[] { "a", "b", "c" }, new[] { "a", "c", "d" }, includeEqual: true);
        Assert.Equal("==1,1:a|<=2,-:b|==3,2:c|=>-,3:d", Render(lines));
    }

    [Fact]
    public void FindsTheLongestCommonRunNotTheFirstMatch()
    {
        // A greedy match of the first "x" would lose the three shared lines after it.
        var lines = LineDiff.Compare(new[] { "x", "p", "q", "r" }, new[] { "p", "q", "r", "x" });
        Assert.Equal("<=1,-:x|=>-,4:x", Render(lines));
    }

    [Fact]
    public void DocumentTextLinesAreNormalised()
    {
        Assert.Equal(new[] { "a", "", "b" }, DocumentText.Lines("\uFEFFa \r\n\r\nb\t\r\n\n"));
        Assert.Empty(DocumentText.Lines(null));
        Assert.Equal("a\nb", DocumentText.Normalize("a\rb\r"));
    }
}
