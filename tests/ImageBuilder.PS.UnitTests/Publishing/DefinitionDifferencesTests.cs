using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Publishing;

namespace ImageBuilder.PS.UnitTests.Publishing;

public sealed class DefinitionDifferencesTests
{
    [Fact]
    public void LineEndingsTrailingSpacesAndFinalBlankLinesDoNotCount()
    {
        var stored = "name: a\nphases:\n  - name: build\n";
        var given = "\uFEFFname: a  \r\nphases:\r\n  - name: build\r\n\r\n\r\n";
        Assert.False(new DefinitionDifferences().Document("Document", stored, given).Any);
    }

    [Fact]
    public void CommentsAndIndentationDo()
    {
        var differences = new DefinitionDifferences().Document("Document", "name: a\nphases: []\n", "# the same\nname: a\nphases: []\n");
        Assert.Equal("Document", differences.Names);
        Assert.Equal("Document: 0 lines removed, 1 line added", differences.ToString());
    }

    [Fact]
    public void AbsentAndEmptyTextAreTheSame()
    {
        Assert.False(new DefinitionDifferences().Text("Description", null, "").Text("KmsKeyId", "", null).Any);
        var changed = new DefinitionDifferences().Text("Description", null, "Says hello");
        Assert.Equal("Description: (none) -> 'Says hello'", changed.ToString());
    }

    [Fact]
    public void PlatformIgnoresCaseWhenAsked()
    {
        Assert.False(new DefinitionDifferences().Text("Platform", "Linux", "linux", StringComparison.OrdinalIgnoreCase).Any);
        Assert.True(new DefinitionDifferences().Text("Platform", "Linux", "Windows", StringComparison.OrdinalIgnoreCase).Any);
    }

    [Fact]
    public void SupportedOsVersionsAreASet()
    {
        Assert.False(new DefinitionDifferences().Set("SupportedOsVersion", new[] { "A", "B" }, new[] { "B", "A" }).Any);
        Assert.False(new DefinitionDifferences().Set("SupportedOsVersion", null, Array.Empty<string>()).Any);
        Assert.Equal("SupportedOsVersion: +'C', -'A'", new DefinitionDifferences().Set("SupportedOsVersion", new[] { "A", "B" }, new[] { "B", "C" }).ToString());
    }

    [Fact]
    public void ComponentsCompareWithTheirParametersAndInOrder()
    {
        ComponentConfiguration With(string arn, params string[] values) => new()
        {
            ComponentArn = arn,
            Parameters = values.Length == 0 ? null : new List<ComponentParameter> { new() { Name = "Greeting", Value = values.ToList() } },
        };
        var stored = new[] { With("a/1.0.0/1", "hi"), With("b/x.x.x") };
        Assert.False(new DefinitionDifferences().Structures("Component", stored, new[] { With("a/1.0.0/1", "hi"), new ComponentConfiguration { ComponentArn = "b/x.x.x", Parameters = new() } }).Any);
        Assert.Equal("Component: item 1 differs", new DefinitionDifferences().Structures("Component", stored, new[] { With("a/1.0.0/1", "hello"), With("b/x.x.x") }).ToString());
        Assert.Equal("Component: item 1, 2 differs", new DefinitionDifferences().Structures("Component", stored, new[] { With("b/x.x.x"), With("a/1.0.0/1", "hi") }).ToString());
        Assert.Equal("Component: 2 items -> 1 item", new DefinitionDifferences().Structures("Component", stored, new[] { With("a/1.0.0/1", "hi") }).ToString());
    }

    [Fact]
    public void MapsCompareByEntryAndNameTheKeysThatDiffer()
    {
        var stored = new Dictionary<string, string> { ["Team"] = "images", ["Os"] = "linux" };
        Assert.False(new DefinitionDifferences().Map("AmiTag", stored, new Dictionary<string, string> { ["Os"] = "linux", ["Team"] = "images" }).Any);
        Assert.Equal("AmiTag: Os, Owner", new DefinitionDifferences().Map("AmiTag", stored, new Dictionary<string, string> { ["Team"] = "images", ["Owner"] = "me" }).ToString());
        Assert.False(new DefinitionDifferences().Map("AmiTag", null, new Dictionary<string, string>()).Any);
    }
}
