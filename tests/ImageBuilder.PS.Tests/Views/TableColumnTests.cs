using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Views;

/// <summary>
/// Every column a table view shows is a property of that name (or an alias of one), so what a user reads in a
/// header works with Sort-Object, Where-Object and Select-Object.
/// </summary>
public sealed class TableColumnTests : IClassFixture<ViewErrorTests.Fixture>
{
    private readonly ViewErrorTests.Fixture _f;

    public TableColumnTests(ViewErrorTests.Fixture fixture) => _f = fixture;

    [Fact]
    public void EveryTableHeaderIsAPropertyOfItsType()
    {
        var missing = new List<string>();
        foreach (var view in ViewSweep.Views.Where(v => v.IsTable))
        {
            var sample = ViewSweep.SparseObjects(_f.TypeNamed(view.TypeName)).First();
            var names = _f.Session.Run("$Item.PSObject.Properties.Name", new Dictionary<string, object?> { ["Item"] = sample })
                .Output.Select(o => o.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
            missing.AddRange(view.Labels.Where(l => !names.Contains(l)).Select(l => $"{view.TypeName}: {l}"));
        }
        Assert.True(missing.Count == 0, "Headers that are not properties:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void FindingsSortByTheirScoreColumn()
    {
        var result = _f.Session.Run("""
            $low = [ImageBuilder.PS.Model.Ib.ImageScanFinding]@{ InspectorScore = 2.0 }
            $high = [ImageBuilder.PS.Model.Ib.ImageScanFinding]@{ InspectorScore = 9.8 }
            ($low, $high | Sort-Object Score -Descending | Select-Object -First 1).Score
            """);
        result.AssertSuccess();
        Assert.Equal(9.8, Convert.ToDouble(result.Output.Single().BaseObject));
    }
}
