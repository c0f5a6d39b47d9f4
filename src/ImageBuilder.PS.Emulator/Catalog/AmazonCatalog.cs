using ImageBuilder.PS.Emulator.Builds;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Ib;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Catalog;

/// <summary>
/// The resources that exist before anyone calls: Amazon's components, images and default workflows (so
/// `-Owner Amazon` listings and parent images work), a Marketplace and a third-party component, and a component
/// another account shares.
/// </summary>
internal static class AmazonCatalog
{
    public const string SharingAccount = "210987654321";
    private static readonly DateTime Published = new(2025, 1, 15, 0, 0, 0, DateTimeKind.Utc);

    public static void Seed(EmulatorState state)
    {
        AddComponent(state, Ownership.Amazon, "aws", "update-linux", "1.0.2", "Linux", "BUILD", "Updates Linux with the latest security updates.", LinuxDocument("UpdateLinux", "sudo dnf update -y"));
        AddComponent(state, Ownership.Amazon, "aws", "aws-cli-version-2-linux", "1.0.4", "Linux", "BUILD", "Installs the AWS CLI version 2.", LinuxDocument("InstallAwsCli", "curl -sSo awscliv2.zip https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip"));
        AddComponent(state, Ownership.Amazon, "aws", "reboot-test-linux", "1.0.0", "Linux", "TEST", "Checks that the instance comes back after a reboot.", LinuxDocument("RebootTest", "uptime", phase: "test"));
        AddComponent(state, Ownership.Amazon, "aws", "update-windows", "1.0.1", "Windows", "BUILD", "Installs the latest Windows updates.", WindowsDocument("UpdateWindows", "Install-WindowsUpdate -AcceptAll"));
        AddComponent(state, Ownership.AWSMarketplace, "aws-marketplace", "cis-hardening-linux", "1.0.0", "Linux", "BUILD", "CIS Level 1 hardening (AWS Marketplace).", LinuxDocument("Harden", "./harden.sh --level 1"));
        AddComponent(state, Ownership.ThirdParty, "aws-marketplace", "monitoring-agent-linux", "2.1.0", "Linux", "BUILD", "Installs a third-party monitoring agent.", LinuxDocument("InstallAgent", "./install-agent.sh"));
        AddComponent(state, Ownership.Shared, SharingAccount, "corporate-baseline", "1.2.0", "Linux", "BUILD", "The organisation's baseline, shared by another account.", LinuxDocument("Baseline", "./baseline.sh"));

        AddImage(state, "amazon-linux-2023-x86", "2025.1.15", "Linux", "Amazon Linux 2023");
        AddImage(state, "amazon-linux-2-x86", "2025.1.15", "Linux", "Amazon Linux 2");
        AddImage(state, "ubuntu-server-22-lts-x86", "2025.1.15", "Linux", "Ubuntu 22");
        AddImage(state, "windows-server-2022-english-full-base-x86", "2025.1.15", "Windows", "Microsoft Windows Server 2022");

        AddWorkflow(state, "BUILD", "build-image", "Builds an AMI: launches a build instance, applies the build components, creates the image.",
            ("LaunchBuildInstance", "LaunchInstance"), ("ApplyBuildComponents", "ExecuteComponents"), ("InventoryCollection", "CollectImageMetadata"),
            ("RunSanityTests", "RunCommand"), ("CreateOutputAMI", "CreateImage"), ("TerminateBuildInstance", "TerminateInstance"));
        AddWorkflow(state, "TEST", "test-image", "Tests an AMI: launches a test instance, runs the test components.",
            ("LaunchTestInstance", "LaunchInstance"), ("CollectImageScanFindings", "CollectImageScanFindings"), ("ApplyTestComponents", "ExecuteComponents"),
            ("TerminateTestInstance", "TerminateInstance"));
        AddWorkflow(state, "BUILD", "build-container", "Builds a container image and pushes it to ECR.",
            ("LaunchBuildInstance", "LaunchInstance"), ("BuildContainer", "ExecuteComponents"), ("TerminateBuildInstance", "TerminateInstance"));
        AddWorkflow(state, "TEST", "test-container", "Tests a container image.",
            ("LaunchTestInstance", "LaunchInstance"), ("ApplyTestComponents", "ExecuteComponents"), ("TerminateTestInstance", "TerminateInstance"));
    }

    private static string LinuxDocument(string step, string command, string phase = "build") =>
        $"name: {step}\nschemaVersion: 1.0\nphases:\n  - name: {phase}\n    steps:\n      - name: {step}\n        action: ExecuteBash\n        inputs:\n          commands:\n            - {command}\n";

    private static string WindowsDocument(string step, string command) =>
        $"name: {step}\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: {step}\n        action: ExecutePowerShell\n        inputs:\n          commands:\n            - {command}\n";

    private static void AddComponent(EmulatorState state, Ownership owner, string arnAccount, string name, string version, string platform, string type, string description, string data)
    {
        SemanticVersion.TryParse(version, out var v);
        var arn = state.Arns.Build("component", name, version, 1, arnAccount);
        var component = new Component
        {
            Arn = arn,
            Name = name,
            Version = version,
            Description = description,
            Type = type,
            Platform = platform,
            State = new ComponentState { Status = "ACTIVE" },
            Owner = IbSupport.OwnerText(owner, state.Settings.Account),
            Data = data,
            Encrypted = true,
            DateCreated = Published,
            Publisher = owner is Ownership.AWSMarketplace or Ownership.ThirdParty ? "Example Software Ltd" : null,
            Obfuscate = owner is Ownership.AWSMarketplace or Ownership.ThirdParty ? true : null,
            ProductCodes = owner == Ownership.AWSMarketplace
                ? new List<ProductCodeListItem> { new() { ProductCodeId = "exampleproductcode1", ProductCodeType = "marketplace" } }
                : null,
        };
        state.Components.Add(new Entry<Component>(arn, state.Arns.Build("component", name, owner: arnAccount), owner, component, state.NextSequence()) { Version = v, Build = 1 });
    }

    private static void AddImage(EmulatorState state, string name, string version, string platform, string osVersion)
    {
        SemanticVersion.TryParse(version, out var v);
        var arn = state.Arns.Build("image", name, version, 1, "aws");
        var image = new Image
        {
            Arn = arn,
            Type = "AMI",
            Name = name,
            Version = version,
            Platform = platform,
            OsVersion = osVersion,
            State = new ImageState { Status = "AVAILABLE" },
            DateCreated = Published,
            BuildType = "SCHEDULED",
            ImageSource = "AMAZON_MANAGED",
            EnhancedImageMetadataEnabled = true,
        };
        var entry = new Entry<Image>(arn, state.Arns.Build("image", name, owner: "aws"), Ownership.Amazon, image, state.NextSequence()) { Version = v, Build = 1 };
        image.OutputResources = ImageOutputs.For(state, entry);
        image.OutputResources.Amis![0].AccountId = "137112412989";
        state.Images.Add(entry);
    }

    private static void AddWorkflow(EmulatorState state, string type, string name, string description, params (string Name, string Action)[] steps)
    {
        var data = $"name: {name}\ndescription: {System.Text.Json.JsonSerializer.Serialize(description)}\nschemaVersion: 1.0\nsteps:\n"
                   + string.Concat(steps.Select(s => $"  - name: {s.Name}\n    action: {s.Action}\n    onFailure: Abort\n"));
        var arnType = "workflow/" + type.ToLowerInvariant();
        var arn = state.Arns.Build(arnType, name, "1.0.0", 1, "aws");
        var workflow = new Workflow
        {
            Arn = arn,
            Name = name,
            Version = "1.0.0",
            Description = description,
            Type = type,
            Owner = "Amazon",
            Data = data,
            DateCreated = Published,
        };
        state.Workflows.Add(new Entry<Workflow>(arn, state.Arns.Build(arnType, name, owner: "aws"), Ownership.Amazon, workflow, state.NextSequence()) { Version = new SemanticVersion(1, 0, 0), Build = 1 });
    }
}
