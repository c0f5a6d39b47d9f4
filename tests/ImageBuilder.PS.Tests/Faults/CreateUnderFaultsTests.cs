using ImageBuilder.PS.Emulator;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Faults;

/// <summary>
/// Creates whose answers are lost: a resource that was created is never reported as a failure, and a create
/// whose own answer is lost says that a re-run with the same -ClientToken is safe (and is).
/// </summary>
public sealed class CreateUnderFaultsTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _f;

    public CreateUnderFaultsTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Emulator.Reset();
    }

    public void Dispose() => _f.Emulator.ClearFaults();

    private const string Document = "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: Hello\n        action: ExecuteBash\n        inputs:\n          commands: ['echo hello']\n";
    private const string Workflow = "name: wfl\nschemaVersion: 1.0\nsteps:\n  - name: Approve\n    action: WaitForAction\n";

    private static readonly Dictionary<string, object?> Documents = new() { ["Doc"] = Document, ["Flow"] = Workflow };

    private const string NewComponent = "New-IbComponent -Name {0} -SemanticVersion 1.0.0 -Platform Linux -Data $Doc";

    private RunResult Run(string script) => _f.Run(script, Documents);

    /// <summary>Every answer, however often the SDK tries, so the failure reaches the module.</summary>
    private void LoseEveryAnswerOf(string operation, FaultKind kind) =>
        _f.Emulator.AddFault(new FaultRule { Operation = operation, Kind = kind });

    [Theory]
    [InlineData(FaultKind.DropAfterApply)]
    [InlineData(FaultKind.ServerError)]
    [InlineData(FaultKind.Throttle)]
    public void A_create_whose_read_back_fails_writes_what_is_known_with_a_warning(FaultKind kind)
    {
        LoseEveryAnswerOf("GetComponent", kind);

        var result = Run(string.Format(NewComponent, "readback"));

        Assert.Empty(result.Errors);
        Assert.Null(result.Terminating);
        var component = result.Single<Model.Ib.Component>();
        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:component/readback/1.0.0/1", component.Arn);
        Assert.Equal(("readback", "1.0.0", "Linux"), (component.Name, component.Version, component.Platform));
        var warning = Assert.Single(result.Warnings).Message;
        Assert.Contains(component.Arn!, warning);
        Assert.Contains("could not be read back", warning);
        Assert.Contains("Get-IbComponent -Arn " + component.Arn, warning);
    }

    /// <summary>An update the service made is not a failure either: the first Get (the resource as it is) passes, every later one is lost.</summary>
    [Fact]
    public void Every_update_survives_a_failed_read_back()
    {
        Assert.Empty(Run("""
            $infra = New-IbInfrastructureConfiguration -Name infra -InstanceProfileName profile
            New-IbDistributionConfiguration -Name dist -Distribution @{ Region = 'us-east-1'; AmiDistributionConfiguration = @{ Name = 'ami-{{ imagebuilder:buildDate }}' } } | Out-Null
            $parent = 'arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x'
            $recipe = New-IbRecipe -Name recipe -SemanticVersion 1.0.0 -ParentImage $parent -Component (New-IbComponent -Name comp -SemanticVersion 1.0.0 -Platform Linux -Data $Doc).Arn
            New-IbPipeline -Name pipe -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn | Out-Null
            """).Errors);
        foreach (var get in new[] { "GetInfrastructureConfiguration", "GetDistributionConfiguration", "GetImagePipeline" })
        {
            // Past the first call (and its retries, had it failed), every answer is lost.
            _f.Emulator.AddFault(new FaultRule { Operation = get, Kind = FaultKind.DropAfterApply, Skip = 1 });
        }

        var result = Run("""
            (Get-IbInfrastructureConfiguration -Name infra | Update-IbInfrastructureConfiguration -Description changed).Arn
            (Get-IbDistributionConfiguration -Name dist | Update-IbDistributionConfiguration -Description changed).Arn
            (Get-IbPipeline -Name pipe | Update-IbPipeline -Description changed).Arn
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Output.Count);
        Assert.All(result.Output, arn => Assert.StartsWith("arn:aws:imagebuilder:us-east-1:123456789012:", arn.ToString()));
        var warnings = result.Warnings.Where(w => w.Message.Contains("was updated, but it could not be read back")).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.Message.Contains("Get-IbPipeline -Arn arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/pipe"));
        _f.Emulator.ClearFaults();
        Assert.Equal("changed", _f.Run("(Get-IbPipeline -Name pipe).Description").Output.Single().ToString());
    }

    [Fact]
    public void A_distribution_whose_read_back_fails_writes_the_new_build_with_a_warning()
    {
        var setup = Run("""
            $dist = New-IbDistributionConfiguration -Name dist -Distribution @{ Region = 'us-east-1'; AmiDistributionConfiguration = @{ Name = 'ami-{{ imagebuilder:buildDate }}' } }
            $source = Get-IbImage -Owner Amazon -Platform Linux | Select-Object -First 1 | Get-IbImageBuildVersion | Select-Object -First 1
            $source.Arn, $dist.Arn
            """);
        Assert.Empty(setup.Errors);
        LoseEveryAnswerOf("GetImage", FaultKind.DropAfterApply);

        var result = _f.Run("(Start-IbImageDistribution $Source $Dist -ExecutionRole DistributeRole).Arn",
            new Dictionary<string, object?> { ["Source"] = setup.Output[0].ToString(), ["Dist"] = setup.Output[1].ToString() });

        Assert.Empty(result.Errors);
        var arn = Assert.Single(result.Output).ToString();
        Assert.StartsWith("arn:aws:imagebuilder:us-east-1:123456789012:image/", arn);
        var warning = Assert.Single(result.Warnings).Message;
        Assert.Contains($"{arn} was created, but it could not be read back", warning);
        Assert.Contains("Get-IbImage -Arn " + arn, warning);
    }

    [Fact]
    public void Every_create_then_read_cmdlet_survives_a_failed_read_back()
    {
        foreach (var get in new[] { "GetInfrastructureConfiguration", "GetDistributionConfiguration", "GetImageRecipe", "GetImagePipeline", "GetImage", "GetWorkflow" })
        {
            LoseEveryAnswerOf(get, FaultKind.DropAfterApply);
        }

        var result = Run("""
            $infra = New-IbInfrastructureConfiguration -Name infra -InstanceProfileName profile
            $dist = New-IbDistributionConfiguration -Name dist -Distribution @{ Region = 'us-east-1'; AmiDistributionConfiguration = @{ Name = 'ami-{{ imagebuilder:buildDate }}' } }
            $parent = 'arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x'
            $recipe = New-IbRecipe -Name recipe -SemanticVersion 1.0.0 -ParentImage $parent -Component (New-IbComponent -Name comp -SemanticVersion 1.0.0 -Platform Linux -Data $Doc).Arn
            $pipeline = New-IbPipeline -Name pipe -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn
            $image = $pipeline | Start-IbPipeline
            $workflow = New-IbWorkflow -Name wfl -SemanticVersion 1.0.0 -Type BUILD -Data $Flow
            $infra, $dist, $recipe, $pipeline, $image, $workflow | ForEach-Object { $_.Arn }
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(6, result.Output.Count);
        Assert.All(result.Output, arn => Assert.StartsWith("arn:aws:imagebuilder:us-east-1:123456789012:", arn.ToString()));
        Assert.Equal(6, result.Warnings.Count(w => w.Message.Contains("could not be read back")));
    }

    [Fact]
    public void A_create_whose_answer_is_lost_once_is_retried_with_its_token_and_made_once()
    {
        _f.Emulator.AddFault(new FaultRule { Operation = "CreateComponent", Kind = FaultKind.DropAfterApply, Count = 1 });

        var result = Run(string.Format(NewComponent, "once") + "; (Get-IbComponent -Owner Self | Where-Object Name -eq once).Count");

        Assert.Empty(result.Errors);
        Assert.Equal("once", result.Single<Model.Ib.Component>().Name);
        Assert.Equal(1, result.Objects<int>().Single());
    }

    [Fact]
    public void A_create_whose_every_answer_is_lost_names_its_token_and_a_rerun_with_it_is_safe()
    {
        LoseEveryAnswerOf("CreateComponent", FaultKind.DropAfterApply);

        var failed = Run(string.Format(NewComponent, "lost") + " -ClientToken lost-token-1");

        var error = Assert.Single(failed.Errors);
        Assert.Equal("ConnectionFailed", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("CreateComponent", error.ErrorDetails.Message);
        Assert.Contains("may have been applied", error.ErrorDetails.Message);
        Assert.Contains("-ClientToken lost-token-1", error.ErrorDetails.Message);

        _f.Emulator.ClearFaults();
        var rerun = Run(string.Format(NewComponent, "lost") + " -ClientToken lost-token-1; (Get-IbComponent -Owner Self | Where-Object Name -eq lost).Count");

        Assert.Empty(rerun.Errors);
        Assert.Equal("lost", rerun.Single<Model.Ib.Component>().Name);
        Assert.Equal(1, rerun.Objects<int>().Single());
    }

    [Fact]
    public void A_generated_token_is_named_too()
    {
        LoseEveryAnswerOf("CreateComponent", FaultKind.DropAfterApply);

        var failed = Run(string.Format(NewComponent, "generated"));

        var message = Assert.Single(failed.Errors).ErrorDetails.Message;
        Assert.Matches("-ClientToken [0-9a-f-]{36} is safe", message);
    }

    [Fact]
    public void One_dropped_answer_in_a_pipeline_fails_only_its_own_item()
    {
        var arns = Run("1..3 | ForEach-Object { (New-IbComponent -Name \"item$_\" -SemanticVersion 1.0.0 -Platform Linux -Data $Doc).Arn }");
        arns.AssertSuccess();
        // The second item's read loses every answer; the fault is cleared before the third goes down the pipeline.
        var script = """
            $i = 0
            $arns | ForEach-Object {
                $i++
                if ($i -eq 2) { Invoke-RestMethod -Method Post "$Url/_emulator/faults" -Body '{"operation":"GetComponent","kind":"DropAfterApply"}' | Out-Null }
                if ($i -eq 3) { Invoke-RestMethod -Method Delete "$Url/_emulator/faults" | Out-Null }
                [pscustomobject]@{ Arn = $_ }
            } | Get-IbComponent
            """;

        var result = _f.Run(script, new Dictionary<string, object?> { ["arns"] = arns.Output.Select(o => o.ToString()).ToArray(), ["Url"] = _f.Emulator.Url });

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ConnectionFailed", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(arns.Output[1].ToString(), error.TargetObject);
        Assert.Contains("Nothing was changed", error.ErrorDetails.Message);
        Assert.Equal(new[] { "item1", "item3" }, result.Objects<Model.Ib.Component>().Select(c => c.Name));
    }
}
