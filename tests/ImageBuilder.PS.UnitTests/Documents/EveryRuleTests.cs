using ImageBuilder.PS.Documents;

namespace ImageBuilder.PS.UnitTests.Documents;

/// <summary>
/// One small document per rule, each breaking exactly that rule, with the line and column the finding must
/// point at. A finding that names the right rule at the wrong place sends the author to the wrong line.
/// </summary>
public sealed class EveryRuleTests
{
    public enum DocumentKind { Component, Workflow }

    public static TheoryData<DocumentKind, string, int, int, string> Cases => new()
    {
        { DocumentKind.Component, "DocumentEmpty", 1, 1,
            "" },
        { DocumentKind.Component, "DocumentNotAMapping", 1, 1,
            "- a\n- b\n" },
        { DocumentKind.Component, "UnknownKey", 2, 1,
            "schemaVersion: 1.0\nowner: me\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n" },
        { DocumentKind.Component, "SchemaVersionMissing", 1, 1,
            "phases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n" },
        { DocumentKind.Component, "SchemaVersionUnsupported", 1, 16,
            "schemaVersion: 2.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n" },
        { DocumentKind.Component, "SectionNotAList", 3, 3,
            "schemaVersion: 1.0\nparameters:\n  Name: x\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n" },
        { DocumentKind.Component, "VariableMalformed", 3, 5,
            "schemaVersion: 1.0\nparameters:\n  - just-a-name\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n" },
        { DocumentKind.Component, "VariableDuplicate", 5, 5,
            "schemaVersion: 1.0\nparameters:\n  - P:\n      type: string\n  - P:\n      type: string\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n" },
        { DocumentKind.Component, "VariableTypeInvalid", 4, 13,
            "schemaVersion: 1.0\nparameters:\n  - P:\n      type: integer\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n" },
        { DocumentKind.Component, "ConstantValueMissing", 4, 7,
            "schemaVersion: 1.0\nconstants:\n  - C:\n      type: string\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n" },
        { DocumentKind.Component, "PhasesMissing", 1, 1,
            "schemaVersion: 1.0\nname: x\n" },
        { DocumentKind.Component, "PhasesEmpty", 2, 9,
            "schemaVersion: 1.0\nphases: []\n" },
        { DocumentKind.Component, "PhaseMalformed", 3, 5,
            "schemaVersion: 1.0\nphases:\n  - build\n" },
        { DocumentKind.Component, "PhaseNameInvalid", 3, 11,
            "schemaVersion: 1.0\nphases:\n  - name: compile\n    steps:\n      - name: A\n        action: Reboot\n" },
        { DocumentKind.Component, "PhaseDuplicate", 7, 11,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n  - name: build\n    steps:\n      - name: B\n        action: Reboot\n" },
        { DocumentKind.Component, "StepsEmpty", 4, 12,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps: []\n" },
        { DocumentKind.Component, "StepMalformed", 5, 9,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - Reboot\n" },
        { DocumentKind.Component, "StepNameMissing", 5, 9,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - action: Reboot\n" },
        { DocumentKind.Component, "StepNameInvalid", 5, 15,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: My Step\n        action: Reboot\n" },
        { DocumentKind.Component, "StepNameDuplicate", 7, 15,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n      - name: A\n        action: Reboot\n" },
        { DocumentKind.Component, "ActionMissing", 5, 9,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n" },
        { DocumentKind.Component, "UnknownAction", 6, 17,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Rebooot\n" },
        { DocumentKind.Component, "InputsMissing", 5, 9,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: ExecuteBash\n" },
        { DocumentKind.Component, "InputsNotAList", 8, 11,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: DeleteFile\n        inputs:\n          path: /tmp/x\n" },
        { DocumentKind.Component, "InputsEmpty", 7, 17,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: DeleteFile\n        inputs: []\n" },
        { DocumentKind.Component, "InputItemNotAMapping", 8, 13,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: DeleteFile\n        inputs:\n          - /tmp/x\n" },
        { DocumentKind.Component, "InputsNotAMapping", 8, 11,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: ExecuteBash\n        inputs:\n          - echo hi\n" },
        { DocumentKind.Component, "InputMissing", 8, 11,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: ReadFile\n        inputs:\n          encoding: utf8\n" },
        { DocumentKind.Component, "InputConflict", 8, 11,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: ExecuteBash\n        inputs:\n          commands: [ls]\n          file: x.sh\n" },
        { DocumentKind.Component, "OnFailureInvalid", 7, 20,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n        onFailure: Retry\n" },
        { DocumentKind.Component, "TimeoutInvalid", 7, 25,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n        timeoutSeconds: soon\n" },
        { DocumentKind.Component, "MaxAttemptsInvalid", 7, 22,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n        maxAttempts: 0\n" },
        { DocumentKind.Component, "VariableUnknown", 8, 28,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: ExecuteBash\n        inputs:\n          commands: ['echo {{ Missing }}']\n" },
        { DocumentKind.Component, "LoopVariableOutsideLoop", 8, 28,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: ExecuteBash\n        inputs:\n          commands: ['echo {{ loop.index }}']\n" },
        { DocumentKind.Component, "StepOutputUnknown", 8, 28,
            "schemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: ExecuteBash\n        inputs:\n          commands: ['echo {{ build.B.outputs.stdout }}']\n" },
        { DocumentKind.Component, "YamlSyntax", 3, 1,
            "schemaVersion: 1.0\nphases: [\n" },
        { DocumentKind.Workflow, "ParameterMalformed", 3, 5,
            "schemaVersion: 1.0\nparameters:\n  - size\nsteps:\n  - name: Go\n    action: WaitForAction\n" },
        { DocumentKind.Workflow, "ParameterNameMissing", 3, 5,
            "schemaVersion: 1.0\nparameters:\n  - type: string\nsteps:\n  - name: Go\n    action: WaitForAction\n" },
        { DocumentKind.Workflow, "ParameterDuplicate", 5, 11,
            "schemaVersion: 1.0\nparameters:\n  - name: p\n    type: string\n  - name: p\n    type: string\nsteps:\n  - name: Go\n    action: WaitForAction\n" },
        { DocumentKind.Workflow, "ParameterTypeInvalid", 4, 11,
            "schemaVersion: 1.0\nparameters:\n  - name: p\n    type: number\nsteps:\n  - name: Go\n    action: WaitForAction\n" },
        { DocumentKind.Workflow, "ParameterDefaultInvalid", 5, 14,
            "schemaVersion: 1.0\nparameters:\n  - name: p\n    type: boolean\n    default: maybe\nsteps:\n  - name: Go\n    action: WaitForAction\n" },
        { DocumentKind.Workflow, "OutputMalformed", 6, 5,
            "schemaVersion: 1.0\nsteps:\n  - name: Go\n    action: WaitForAction\noutputs:\n  - name: X\n" },
        { DocumentKind.Workflow, "ReferenceExpected", 6, 21,
            "schemaVersion: 1.0\nsteps:\n  - name: Go\n    action: TerminateInstance\n    inputs:\n      instanceId.$: i-1234\n" },
        { DocumentKind.Workflow, "ParameterUnknown", 7, 14,
            "schemaVersion: 1.0\nsteps:\n  - name: Go\n    action: WaitForAction\n    if:\n      booleanEquals: true\n      value: $.parameters.approve\n" },
        { DocumentKind.Workflow, "StepOutputUnknown", 6, 21,
            "schemaVersion: 1.0\nsteps:\n  - name: Go\n    action: TerminateInstance\n    inputs:\n      instanceId.$: $.stepOutputs.Launch.instanceId\n" },
        { DocumentKind.Workflow, "UnknownAction", 4, 13,
            "schemaVersion: 1.0\nsteps:\n  - name: Go\n    action: WaitForActions\n" },
        { DocumentKind.Workflow, "OnFailureInvalid", 5, 16,
            "schemaVersion: 1.0\nsteps:\n  - name: Go\n    action: WaitForAction\n    onFailure: Ignore\n" },
        { DocumentKind.Workflow, "StepsEmpty", 2, 8,
            "schemaVersion: 1.0\nsteps: []\n" },
        { DocumentKind.Workflow, "StepNameInvalid", 3, 11,
            "schemaVersion: 1.0\nsteps:\n  - name: 1st\n    action: WaitForAction\n" },
        { DocumentKind.Workflow, "MoreThanOneDocument", 5, 1,
            "schemaVersion: 1.0\nsteps:\n  - name: Go\n    action: WaitForAction\n---\nschemaVersion: 1.0\n" },
        { DocumentKind.Component, "MoreThanOneDocument", 8, 1,
            "---\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Reboot\n---\nphases: []\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachRuleIsReportedFirstAndAtItsPlace(DocumentKind kind, string rule, int line, int column, string yaml)
    {
        var findings = kind == DocumentKind.Component ? ComponentDocumentChecker.Check(yaml) : WorkflowDocumentChecker.Check(yaml);

        var finding = Assert.Single(findings);
        Assert.Equal(rule, finding.Rule);
        Assert.Equal((line, column), (finding.Line, finding.Column));
    }
}
