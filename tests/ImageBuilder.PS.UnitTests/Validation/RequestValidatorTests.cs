using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;
using ImageBuilder.PS.Validation;

namespace ImageBuilder.PS.UnitTests.Validation;

public sealed class RequestValidatorTests
{
    [Fact]
    public void EveryPatternOfTheModelsCompiles()
    {
        var shapes = typeof(IbShapes).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Shapes", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetFields().Select(f => f.GetValue(null)).OfType<ShapeDef>())
            .Where(s => s.Pattern is not null)
            .ToList();
        Assert.True(shapes.Count > 50);
        Assert.All(shapes, s => Assert.NotNull(s.PatternRegex));
    }

    [Fact]
    public void ReportsEachBrokenRuleWithItsPath()
    {
        var request = new CreateComponentRequest
        {
            Name = "bad/name",
            SemanticVersion = "1.0",
            Description = "",
            Tags = Enumerable.Range(0, 51).ToDictionary(i => "k" + i, i => "v"),
            Platform = null,
        };
        var violations = RequestValidator.Validate(request);
        var byPath = violations.ToDictionary(v => v.Path, v => v.Rule);
        Assert.StartsWith("must match the pattern", byPath["name"]);
        Assert.StartsWith("must be a version of three whole numbers", byPath["semanticVersion"]);
        Assert.Equal("must have at least 1 characters (it has 0)", byPath["description"]);
        Assert.Equal("must have at most 50 entries (it has 51)", byPath["tags"]);
        Assert.Equal("is required", byPath["platform"]);
        Assert.DoesNotContain("clientToken", byPath.Keys); // filled in when sent
    }

    [Fact]
    public void NestedMembersAndRangesAreChecked()
    {
        var request = new ListImagesRequest
        {
            MaxResults = 0,
            Filters = new List<Filter> { new() { Name = "name", Values = new List<string>() } },
        };
        var rules = RequestValidator.Validate(request).Select(v => v.Path + ": " + v.Rule).ToList();
        Assert.Contains("maxResults: must be at least 1", rules);
        Assert.Contains("filters[0].values: must have at least 1 items (it has 0)", rules);
        Assert.Empty(RequestValidator.Validate(new ListImagesRequest { MaxResults = 25 }));
    }

    [Fact]
    public void LengthsCountCharactersNotUtf16Units()
    {
        var name = new string('a', 127) + "\U0001F600"; // 128 characters, 129 UTF-16 units
        Assert.DoesNotContain(RequestValidator.Validate(new CreateComponentRequest { Name = "x", SemanticVersion = "1.0.0", Platform = "Linux", Description = name }), v => v.Path == "description");
    }
}
