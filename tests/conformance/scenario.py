"""A whole image's life through boto3 against the emulator, on a stepped clock.

Component from YAML, recipe, infrastructure and distribution configurations, a pipeline with a build workflow
that waits for approval; the build moves through its stages; the waiting step is resumed with
SendWorkflowStepAction; scan findings and their aggregations agree; a second build, then a lifecycle policy
deprecates the first image; a build arranged to fail and one stopped at its approval step end FAILED; cleanup
meets dependency errors where a resource is still in use. Exits non-zero on the first failed expectation.

Usage: python3 scenario.py --endpoint http://127.0.0.1:PORT --models ../shared/models
"""
import argparse
import collections
import sys

from botocore.exceptions import ClientError

from emulator_client import Emulator, Failure, check

COMPONENT = """name: InstallNginx
description: Installs and enables nginx.
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Install
        action: ExecuteBash
        inputs:
          commands:
            - sudo dnf install -y nginx
            - sudo systemctl enable nginx
  - name: validate
    steps:
      - name: Check
        action: ExecuteBash
        inputs:
          commands:
            - nginx -v
"""
APPROVAL_WORKFLOW = """name: build-with-approval
description: Builds after a person approves.
schemaVersion: 1.0
steps:
  - name: LaunchBuildInstance
    action: LaunchInstance
    onFailure: Abort
  - name: ApplyBuildComponents
    action: ExecuteComponents
    onFailure: Abort
  - name: ApproveImage
    action: WaitForAction
    timeoutSeconds: 7200
  - name: CreateOutputAMI
    action: CreateImage
    onFailure: Abort
"""


def expect_error(call, code, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        check(e.response["Error"]["Code"] == code, f"{call.__name__}: expected {code}, got {e.response['Error']['Code']}")
        return
    raise Failure(f"{call.__name__}: expected {code}, but it succeeded")


class Scenario:
    def __init__(self, emulator):
        self.emu = emulator
        self.ib = emulator.ib
        self.stage = emulator.control("state")["stageSeconds"]

    def step(self, fraction=1.0):
        self.emu.control("clock/advance", {"seconds": self.stage * fraction})

    def status(self, arn):
        return self.ib.get_image(imageBuildVersionArn=arn)["image"]["state"]

    def follow(self, arn, until, approve=None, limit=80):
        """Steps the clock a quarter stage at a time, recording each status once; approves a waiting step when asked."""
        seen = []
        for _ in range(limit):
            state = self.status(arn)["status"]
            if not seen or seen[-1] != state:
                seen.append(state)
            if state in until:
                return seen
            waiting = [s for s in self.ib.list_waiting_workflow_steps()["steps"] if s["imageBuildVersionArn"] == arn]
            if waiting and approve is not None:
                approve(waiting[0])
                continue
            self.step(0.25)
        raise Failure(f"{arn} did not reach {until}: {seen}")

    def run(self):
        ib = self.ib
        self.emu.control("reset", {})
        self.emu.control("clock", {"mode": "stepped"})

        component = ib.create_component(name="install-nginx", semanticVersion="1.0.0", platform="Linux", data=COMPONENT)["componentBuildVersionArn"]
        workflow = ib.create_workflow(name="build-with-approval", semanticVersion="1.0.0", type="BUILD", data=APPROVAL_WORKFLOW)["workflowBuildVersionArn"]
        recipe = ib.create_image_recipe(name="nginx", semanticVersion="1.0.0",
                                        parentImage="arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x",
                                        components=[{"componentArn": component}])["imageRecipeArn"]
        infra = ib.create_infrastructure_configuration(name="nginx-infra", instanceProfileName="ImageBuilderProfile")["infrastructureConfigurationArn"]
        dist = ib.create_distribution_configuration(name="nginx-dist", distributions=[{"region": "us-east-1"}])["distributionConfigurationArn"]
        pipeline = ib.create_image_pipeline(name="nginx-pipeline", imageRecipeArn=recipe, infrastructureConfigurationArn=infra,
                                            distributionConfigurationArn=dist, workflows=[{"workflowArn": workflow}],
                                            imageScanningConfiguration={"imageScanningEnabled": True})["imagePipelineArn"]

        # The first build: every stage in order, holding at the approval step until RESUME.
        first = ib.start_image_pipeline_execution(imagePipelineArn=pipeline)["imageBuildVersionArn"]
        approvals = []

        def approve(step):
            approvals.append(step)
            detail = ib.get_workflow_step_execution(stepExecutionId=step["stepExecutionId"])
            check(detail["status"] == "RUNNING" and detail["action"] == "WaitForAction", f"waiting step {detail}")
            self.step(2)
            check(self.status(first)["status"] == "BUILDING", "the build holds while the step waits")
            ib.send_workflow_step_action(stepExecutionId=step["stepExecutionId"], imageBuildVersionArn=first, action="RESUME", reason="Looks good")

        seen = self.follow(first, ("AVAILABLE", "FAILED"), approve)
        check(seen == ["PENDING", "CREATING", "BUILDING", "TESTING", "DISTRIBUTING", "INTEGRATING", "AVAILABLE"], f"stages {seen}")
        check(len(approvals) == 1 and approvals[0]["name"] == "ApproveImage", f"approvals {approvals}")
        executions = ib.list_workflow_executions(imageBuildVersionArn=first)["workflowExecutions"]
        check([(e["type"], e["status"]) for e in executions] == [("BUILD", "COMPLETED"), ("TEST", "COMPLETED")], f"executions {executions}")
        build_steps = ib.list_workflow_step_executions(workflowExecutionId=executions[0]["workflowExecutionId"])["steps"]
        check([s["name"] for s in build_steps] == ["LaunchBuildInstance", "ApplyBuildComponents", "ApproveImage", "CreateOutputAMI"], "build steps in order")
        check(all(s["status"] == "COMPLETED" and s["endTime"] >= s["startTime"] for s in build_steps), "every build step completed")

        # Findings and aggregations tell the same story.
        findings = [f for page in ib.get_paginator("list_image_scan_findings").paginate(
            filters=[{"name": "imageBuildVersionArn", "values": [first]}], PaginationConfig={"PageSize": 5}) for f in page["findings"]]
        check(len(findings) > 0, "a scanned image has findings")
        by_severity = collections.Counter(f["severity"] for f in findings)
        check(len(by_severity) >= 3, f"severities vary: {dict(by_severity)}")
        check(all(0 <= f["inspectorScore"] <= 10 and f["packageVulnerabilityDetails"]["cvss"][0]["baseScore"] == f["inspectorScore"] for f in findings), "CVSS scores")
        per_image = ib.list_image_scan_finding_aggregations(filter={"name": "imagePipelineArn", "values": [pipeline]})
        check(per_image["aggregationType"] == "imageBuildVersionArn", "pipeline aggregation is per image")
        counts = per_image["responses"][0]["imageAggregation"]["severityCounts"]
        check(counts == {"all": len(findings), "critical": by_severity["CRITICAL"], "high": by_severity["HIGH"], "medium": by_severity["MEDIUM"]},
              f"aggregation {counts} vs findings {dict(by_severity)}")
        per_vulnerability = ib.list_image_scan_finding_aggregations(filter={"name": "imageBuildVersionArn", "values": [first]})["responses"]
        vulnerabilities = collections.Counter(f["packageVulnerabilityDetails"]["vulnerabilityId"] for f in findings)
        check({r["vulnerabilityIdAggregation"]["vulnerabilityId"]: r["vulnerabilityIdAggregation"]["severityCounts"]["all"] for r in per_vulnerability} == dict(vulnerabilities),
              "per-vulnerability counts")

        # A second build, approved the same way; then the lifecycle policy keeps only the newest.
        second = ib.start_image_pipeline_execution(imagePipelineArn=pipeline)["imageBuildVersionArn"]
        check(second.endswith("/nginx/1.0.0/2"), f"second build {second}")
        self.follow(second, ("AVAILABLE",), lambda s: ib.send_workflow_step_action(stepExecutionId=s["stepExecutionId"], imageBuildVersionArn=second, action="RESUME"))
        policy = ib.create_lifecycle_policy(name="nginx-keep-newest", executionRole="ImageBuilderLifecycleRole", resourceType="AMI_IMAGE",
                                            policyDetails=[{"action": {"type": "DEPRECATE"}, "filter": {"type": "COUNT", "value": 1}}],
                                            resourceSelection={"recipes": [{"name": "nginx", "semanticVersion": "1.x.x"}]})["lifecyclePolicyArn"]
        execution = self.emu.control("lifecycle/run", {})["lifecycleExecutionIds"][0]
        check(ib.get_lifecycle_execution(lifecycleExecutionId=execution)["lifecycleExecution"]["state"]["status"] == "IN_PROGRESS", "the execution runs for a stage")
        self.step()
        check(ib.get_lifecycle_execution(lifecycleExecutionId=execution)["lifecycleExecution"]["state"]["status"] == "SUCCESS", "then succeeds")
        check(self.status(first)["status"] == "DEPRECATED" and self.status(second)["status"] == "AVAILABLE", "the old image is deprecated, the new one stays")
        resources = ib.list_lifecycle_execution_resources(lifecycleExecutionId=execution)["resources"]
        amis = ib.get_image(imageBuildVersionArn=first)["image"]["outputResources"]["amis"]
        check([r["resourceId"] for r in resources] == [amis[0]["image"]], "the execution names the old AMI")
        builds = ib.list_image_build_versions(imageVersionArn="arn:aws:imagebuilder:us-east-1:123456789012:image/nginx/1.0.0")["imageSummaryList"]
        check([b["state"]["status"] for b in builds] == ["DEPRECATED", "AVAILABLE"], "build versions show both states")

        # A build arranged to fail in testing, and one stopped at the approval step.
        self.emu.control("failures", {"target": "ImageBuild", "stage": "TESTING", "reason": "Test suite failed: nginx did not start", "count": 1})
        failed = ib.start_image_pipeline_execution(imagePipelineArn=pipeline)["imageBuildVersionArn"]
        self.follow(failed, ("FAILED",), lambda s: ib.send_workflow_step_action(stepExecutionId=s["stepExecutionId"], imageBuildVersionArn=failed, action="RESUME"))
        check(self.status(failed)["reason"] == "Test suite failed: nginx did not start", "the arranged reason")
        check(ib.list_workflow_executions(imageBuildVersionArn=failed)["workflowExecutions"][-1]["status"] == "FAILED", "the test workflow failed")
        check(ib.get_image_pipeline(imagePipelineArn=pipeline)["imagePipeline"]["lastRunStatus"] == "FAILED", "the pipeline reports the failure")
        stopped = ib.start_image_pipeline_execution(imagePipelineArn=pipeline)["imageBuildVersionArn"]
        seen = self.follow(stopped, ("FAILED",), lambda s: ib.send_workflow_step_action(stepExecutionId=s["stepExecutionId"], imageBuildVersionArn=stopped, action="STOP", reason="Rejected"))
        check(seen[-2:] == ["BUILDING", "FAILED"] and "Rejected" in self.status(stopped)["reason"], f"stopped build {seen}")

        # A schedule: the pipeline runs by itself when its cron expression comes due on the emulator's clock.
        nightly = ib.create_image_pipeline(name="nginx-nightly", imageRecipeArn=recipe, infrastructureConfigurationArn=infra,
                                           schedule={"scheduleExpression": "cron(30 2 * * ? *)", "pipelineExecutionStartCondition": "EXPRESSION_MATCH_ONLY"},
                                           imageTestsConfiguration={"imageTestsEnabled": False})["imagePipelineArn"]
        next_run = ib.get_image_pipeline(imagePipelineArn=nightly)["imagePipeline"]["dateNextRun"]
        check(next_run.endswith("T02:30:00Z"), f"next run {next_run}")
        self.emu.control("clock/advance", {"seconds": 86400})
        scheduled = ib.list_image_pipeline_images(imagePipelineArn=nightly)["imageSummaryList"]
        check(len(scheduled) == 1 and scheduled[0]["buildType"] == "SCHEDULED", f"scheduled images {scheduled}")
        after = ib.get_image_pipeline(imagePipelineArn=nightly)["imagePipeline"]
        check(after["dateLastRun"] == next_run and after["dateNextRun"] > next_run, f"pipeline run dates {after}")
        # The scheduled build must end before its pipeline can go.
        self.follow(scheduled[0]["arn"], ("AVAILABLE", "FAILED"))
        ib.delete_image_pipeline(imagePipelineArn=nightly)

        # Cleanup: what is in use cannot go yet.
        expect_error(ib.delete_image_recipe, "ResourceDependencyException", imageRecipeArn=recipe)
        expect_error(ib.delete_component, "ResourceDependencyException", componentBuildVersionArn=component)
        expect_error(ib.delete_infrastructure_configuration, "ResourceDependencyException", infrastructureConfigurationArn=infra)
        expect_error(ib.delete_distribution_configuration, "ResourceDependencyException", distributionConfigurationArn=dist)
        expect_error(ib.delete_workflow, "ResourceDependencyException", workflowBuildVersionArn=workflow)
        ib.delete_image_pipeline(imagePipelineArn=pipeline)
        expect_error(ib.delete_component, "ResourceDependencyException", componentBuildVersionArn=component)
        ib.delete_image_recipe(imageRecipeArn=recipe)
        # The clock has moved on by days: a run of the lifecycle policy may be under way, and must end first.
        for _ in range(80):
            runs = ib.list_lifecycle_executions(resourceArn=policy)["lifecycleExecutions"]
            if not any(r["state"]["status"] in ("IN_PROGRESS", "CANCELLING") for r in runs):
                break
            self.step(0.25)
        for call, kwargs in ((ib.delete_component, {"componentBuildVersionArn": component}),
                             (ib.delete_workflow, {"workflowBuildVersionArn": workflow}),
                             (ib.delete_infrastructure_configuration, {"infrastructureConfigurationArn": infra}),
                             (ib.delete_distribution_configuration, {"distributionConfigurationArn": dist}),
                             (ib.delete_lifecycle_policy, {"lifecyclePolicyArn": policy})):
            call(**kwargs)
        for image in (first, second, failed, stopped, scheduled[0]["arn"]):
            ib.delete_image(imageBuildVersionArn=image)
        check(ib.list_images()["imageVersionList"] == [], "nothing of ours is left")
        check(ib.list_image_scan_findings()["findings"] == [], "no findings are left")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--models", required=True)
    args = parser.parse_args()
    emulator = Emulator(args.endpoint, args.models)
    try:
        Scenario(emulator).run()
    except Failure as failure:
        print(f"FAILED: {failure}")
        return 1
    finally:
        emulator.close()
    print("scenario passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
