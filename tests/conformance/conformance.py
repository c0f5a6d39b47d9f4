"""Wire conformance of the emulator, proven with the AWS SDK for Python.

Drives every operation of the current Image Builder model and the AppStream and WorkSpaces import operations
against the emulator with boto3 (endpoint_url, dummy credentials): each on its success path, plus the error
paths the models list. Every successful response is checked against its output shape (members, enums,
patterns, lengths). Prints "covered N/M operations" and exits non-zero on the first failed expectation.

Usage: python3 conformance.py --endpoint http://127.0.0.1:PORT --models ../shared/models
"""
import argparse
import re
import sys
import uuid

from botocore.exceptions import ClientError

from emulator_client import LOGS_OPERATIONS, Emulator, Failure, check, shape_violations

STAGE_SECONDS = 2
COMPONENT_YAML = """name: HelloWorld
description: Says hello.
schemaVersion: 1.0
parameters:
  - Greeting:
      type: string
      default: hello
      description: What to say.
phases:
  - name: build
    steps:
      - name: Hello
        action: ExecuteBash
        inputs:
          commands:
            - echo "{{ Greeting }}"
  - name: test
    steps:
      - name: Check
        action: ExecuteBash
        inputs:
          commands:
            - true
"""
WAIT_WORKFLOW_YAML = """name: approval-build
description: A build that waits for approval.
schemaVersion: 1.0
steps:
  - name: LaunchBuildInstance
    action: LaunchInstance
    onFailure: Abort
  - name: WaitForApproval
    action: WaitForAction
    timeoutSeconds: 3600
  - name: ApplyBuildComponents
    action: ExecuteComponents
    onFailure: Abort
  - name: CreateOutputAMI
    action: CreateImage
    onFailure: Abort
"""
POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["210987654321"]},"Action":["imagebuilder:GetComponent"],"Resource":["*"]}]}'


class Conformance:
    def __init__(self, emulator):
        self.emu = emulator
        self.ib = emulator.ib
        self.covered = set()
        self.errors_checked = 0
        self.shape_problems = []
        for client in (emulator.ib, emulator.appstream, emulator.workspaces, emulator.logs):
            client.meta.events.register("after-call", self._after_call)

    # The model gives WorkflowSummary.arn the pattern of a name ARN (.../x.x.x), yet ListWorkflowBuildVersions lists
    # builds, which only build version ARNs tell apart; the emulator returns those.
    KNOWN_MODEL_QUIRKS = ("ListWorkflowBuildVersions.workflowSummaryList[",)

    def _after_call(self, http_response, parsed, model, **_):
        if 200 <= http_response.status_code < 300:
            self.covered.add(f"{model.service_model.service_name}:{model.name}")
            problems = shape_violations(model.output_shape, parsed) if model.output_shape else []
            self.shape_problems += [f"{model.name}{p}" for p in problems
                                    if not (f"{model.name}{p}".startswith(self.KNOWN_MODEL_QUIRKS) and "].arn:" in p)]
            check(http_response.headers.get("x-amzn-RequestId"), f"{model.name}: no x-amzn-RequestId header")

    def error(self, call, code, status, **kwargs):
        try:
            call(**kwargs)
        except ClientError as e:
            got = e.response["Error"]["Code"]
            got_status = e.response["ResponseMetadata"]["HTTPStatusCode"]
            check(got == code and got_status == status,
                  f"{call.__name__}: expected {code} ({status}), got {got} ({got_status}): {e.response['Error'].get('Message')}")
            check(e.response["Error"].get("Message"), f"{call.__name__}: {code} without a message")
            check(e.response["ResponseMetadata"].get("RequestId"), f"{call.__name__}: {code} without a request id")
            self.errors_checked += 1
            return e
        raise Failure(f"{call.__name__}: expected {code} but the call succeeded")

    def advance(self, stages=1):
        self.emu.control("clock/advance", {"seconds": STAGE_SECONDS * stages})

    def status(self, arn):
        return self.ib.get_image(imageBuildVersionArn=arn)["image"]["state"]["status"]

    def run_until(self, arn, wanted, limit=40):
        seen = []
        for _ in range(limit):
            state = self.status(arn)
            if not seen or seen[-1] != state:
                seen.append(state)
            if state == wanted:
                return seen
            check(state not in ("FAILED", "CANCELLED") or wanted in ("FAILED", "CANCELLED"), f"{arn} ended {state}, not {wanted}")
            self.advance()
        raise Failure(f"{arn} never reached {wanted}; saw {seen}")

    # ------------------------------------------------------------------ components
    def components(self):
        ib = self.ib
        token = str(uuid.uuid4())
        created = ib.create_component(name="Hello World", semanticVersion="1.0.0", platform="Linux", data=COMPONENT_YAML,
                                      description="Says hello", tags={"team": "images"}, clientToken=token)
        arn = created["componentBuildVersionArn"]
        check(arn == "arn:aws:imagebuilder:us-east-1:123456789012:component/hello-world/1.0.0/1", f"component ARN {arn}")
        check(created["latestVersionReferences"]["latestVersionArn"] == arn, "latestVersionReferences of a new component")
        again = ib.create_component(name="Hello World", semanticVersion="1.0.0", platform="Linux", data=COMPONENT_YAML,
                                    description="Says hello", tags={"team": "images"}, clientToken=token)
        check(again["componentBuildVersionArn"] == arn and again["clientToken"] == token, "idempotent retry returns the first result")
        self.error(ib.create_component, "IdempotentParameterMismatchException", 400, name="Hello World", semanticVersion="1.0.1",
                   platform="Linux", data=COMPONENT_YAML, clientToken=token)
        self.error(ib.create_component, "InvalidParameterValueException", 400, name="bad/name!", semanticVersion="1.0.0", platform="Linux", data=COMPONENT_YAML)
        self.error(ib.create_component, "InvalidParameterValueException", 400, name="bad-platform", semanticVersion="1.0.0", platform="Solaris", data=COMPONENT_YAML)
        self.error(ib.create_component, "InvalidParameterValueException", 400, name="bad-version", semanticVersion="1.0", platform="Linux", data=COMPONENT_YAML)
        self.error(ib.create_component, "InvalidParameterValueException", 400, name="bad-yaml", semanticVersion="1.0.0", platform="Linux", data="phases: [unclosed")
        self.error(ib.create_component, "InvalidParameterCombinationException", 400, name="both", semanticVersion="1.0.0", platform="Linux", data=COMPONENT_YAML, uri="s3://bucket/doc.yaml")
        self.error(ib.create_component, "DryRunOperationException", 412, name="dry", semanticVersion="1.0.0", platform="Linux", data=COMPONENT_YAML, dryRun=True)
        newer = ib.create_component(name="Hello World", semanticVersion="1.1.0", platform="Linux", data=COMPONENT_YAML)["componentBuildVersionArn"]

        component = ib.get_component(componentBuildVersionArn=arn)["component"]
        check(component["type"] == "BUILD" and component["state"]["status"] == "ACTIVE" and component["owner"] == "123456789012", "component detail")
        check(component["parameters"][0]["name"] == "Greeting" and component["parameters"][0]["defaultValue"] == ["hello"], "component parameters from YAML")
        wildcard = ib.get_component(componentBuildVersionArn="arn:aws:imagebuilder:us-east-1:123456789012:component/hello-world/1.x.x")
        check(wildcard["component"]["arn"] == newer, "1.x.x selects the newest 1.* version")
        check(wildcard["latestVersionReferences"]["latestMajorVersionArn"] == newer, "latestMajorVersionArn")
        self.error(ib.get_component, "ResourceNotFoundException", 404, componentBuildVersionArn="arn:aws:imagebuilder:us-east-1:123456789012:component/nothing/1.0.0/1")
        self.error(ib.get_component, "InvalidParameterValueException", 400, componentBuildVersionArn="arn:aws:imagebuilder:us-east-1:123456789012:image/hello-world/1.0.0/1")

        imported = ib.import_component(name="imported-script", semanticVersion="2.0.0", type="TEST", format="SHELL", platform="Linux", data="echo tested")
        check(ib.get_component(componentBuildVersionArn=imported["componentBuildVersionArn"])["component"]["type"] == "TEST", "imported component type")

        first = ib.list_components(owner="Self", maxResults=1)
        check(len(first["componentVersionList"]) == 1 and "nextToken" in first, "a page of one with a token")
        second = ib.list_components(owner="Self", maxResults=1, nextToken=first["nextToken"])
        check(second["componentVersionList"][0]["arn"] != first["componentVersionList"][0]["arn"], "the next page moves on")
        everything = [c["arn"] for page in ib.get_paginator("list_components").paginate(owner="Self") for c in page["componentVersionList"]]
        check(len(everything) == len(set(everything)) == 3, f"paginated components: {everything}")
        self.error(ib.list_components, "InvalidPaginationTokenException", 400, owner="Self", nextToken="not-a-token")
        self.error(ib.list_components, "InvalidPaginationTokenException", 400, owner="Amazon", nextToken=first["nextToken"])
        self.error(ib.list_components, "InvalidParameterValueException", 400, filters=[{"name": "colour", "values": ["blue"]}])
        amazon = ib.list_components(owner="Amazon", filters=[{"name": "platform", "values": ["Linux"]}])["componentVersionList"]
        check(amazon and all(c["owner"] == "Amazon" and c["platform"] == "Linux" for c in amazon), "Amazon's Linux components")
        by_name = ib.list_components(owner="Self", byName=True)["componentVersionList"]
        check(len(by_name) == 2, "byName gives one row per component")

        builds = ib.list_component_build_versions(componentVersionArn="arn:aws:imagebuilder:us-east-1:123456789012:component/hello-world/1.0.0")
        check([s["arn"] for s in builds["componentSummaryList"]] == [arn], "component build versions")
        # Since the auto-versioning release a create of a name and version that exist adds the next build.
        twice = [ib.create_component(name="Built Twice", semanticVersion="1.0.0", platform="Linux", data=COMPONENT_YAML)["componentBuildVersionArn"] for _ in range(2)]
        check(twice == [f"arn:aws:imagebuilder:us-east-1:123456789012:component/built-twice/1.0.0/{n}" for n in (1, 2)], f"a second create adds build 2: {twice}")
        for build in twice:
            ib.delete_component(componentBuildVersionArn=build)

        ib.put_component_policy(componentArn=arn, policy=POLICY)
        check(ib.get_component_policy(componentArn=arn)["policy"] == POLICY, "component policy round trip")
        self.error(ib.put_component_policy, "InvalidParameterValueException", 400, componentArn=arn, policy="{not json")
        self.error(ib.get_component_policy, "ResourceNotFoundException", 404, componentArn=newer)
        self.component, self.newer_component = arn, newer

    # ------------------------------------------------------------------ workflows
    def workflows(self):
        ib = self.ib
        created = ib.create_workflow(name="approval-build", semanticVersion="1.0.0", type="BUILD", data=WAIT_WORKFLOW_YAML, description="Waits for approval")
        arn = created["workflowBuildVersionArn"]
        check(arn == "arn:aws:imagebuilder:us-east-1:123456789012:workflow/build/approval-build/1.0.0/1", f"workflow ARN {arn}")
        self.error(ib.create_workflow, "ResourceInUseException", 400, name="approval-build", semanticVersion="1.0.0", type="BUILD", data=WAIT_WORKFLOW_YAML)
        self.error(ib.create_workflow, "InvalidParameterValueException", 400, name="no-steps", semanticVersion="1.0.0", type="BUILD", data="name: x\nschemaVersion: 1.0\n")
        self.error(ib.create_workflow, "InvalidParameterValueException", 400, name="bad-type", semanticVersion="1.0.0", type="DEPLOY", data=WAIT_WORKFLOW_YAML)
        workflow = ib.get_workflow(workflowBuildVersionArn=arn)["workflow"]
        check(workflow["type"] == "BUILD" and workflow["data"] == WAIT_WORKFLOW_YAML, "workflow detail")
        ib.get_workflow(workflowBuildVersionArn="arn:aws:imagebuilder:us-east-1:123456789012:workflow/build/approval-build/x.x.x")
        self.error(ib.get_workflow, "ResourceNotFoundException", 404, workflowBuildVersionArn="arn:aws:imagebuilder:us-east-1:123456789012:workflow/build/none/1.0.0/1")
        mine = ib.list_workflows()["workflowVersionList"]
        check([w["name"] for w in mine] == ["approval-build"], "own workflows")
        amazon = {w["name"] for w in ib.list_workflows(owner="Amazon")["workflowVersionList"]}
        check({"build-image", "test-image"} <= amazon, f"Amazon's workflows: {amazon}")
        builds = ib.list_workflow_build_versions(workflowVersionArn="arn:aws:imagebuilder:us-east-1:123456789012:workflow/build/approval-build/1.0.0")
        check(builds["workflowSummaryList"][0]["arn"] == arn, "workflow build versions")
        self.workflow = arn

    # ------------------------------------------------------------------ recipes and configurations
    def recipes_and_configurations(self):
        ib = self.ib
        parent = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x"
        recipe = ib.create_image_recipe(name="web-server", semanticVersion="1.0.0", parentImage=parent, components=[
            {"componentArn": self.component, "parameters": [{"name": "Greeting", "value": ["hi"]}]},
            {"componentArn": "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x"},
        ], blockDeviceMappings=[{"deviceName": "/dev/xvda", "ebs": {"volumeSize": 20, "volumeType": "gp3"}}], tags={"app": "web"})
        self.recipe = recipe["imageRecipeArn"]
        check(self.recipe == "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/web-server/1.0.0", f"recipe ARN {self.recipe}")
        self.error(ib.create_image_recipe, "ResourceAlreadyExistsException", 400, name="web-server", semanticVersion="1.0.0", parentImage=parent,
                   components=[{"componentArn": self.component}])
        self.error(ib.create_image_recipe, "InvalidParameterValueException", 400, name="missing-component", semanticVersion="1.0.0", parentImage=parent,
                   components=[{"componentArn": "arn:aws:imagebuilder:us-east-1:123456789012:component/none/1.0.0/1"}])
        self.error(ib.create_image_recipe, "InvalidParameterValueException", 400, name="bad-volume", semanticVersion="1.0.0", parentImage=parent,
                   components=[{"componentArn": self.component}], blockDeviceMappings=[{"deviceName": "/dev/xvda", "ebs": {"volumeSize": 99999}}])
        detail = ib.get_image_recipe(imageRecipeArn=self.recipe)["imageRecipe"]
        check(detail["platform"] == "Linux" and len(detail["components"]) == 2, "recipe detail")
        check([r["arn"] for r in ib.list_image_recipes(owner="Self")["imageRecipeSummaryList"]] == [self.recipe], "own recipes")
        ib.put_image_recipe_policy(imageRecipeArn=self.recipe, policy=POLICY)
        check(ib.get_image_recipe_policy(imageRecipeArn=self.recipe)["policy"] == POLICY, "recipe policy")
        self.error(ib.get_image_recipe, "ResourceNotFoundException", 404, imageRecipeArn="arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/none/1.0.0")

        container = ib.create_container_recipe(containerType="DOCKER", name="web-container", semanticVersion="1.0.0",
                                               components=[{"componentArn": self.component}], parentImage="amazonlinux:2023",
                                               dockerfileTemplateData="FROM {{{ imagebuilder:parentImage }}}\n{{{ imagebuilder:environments }}}\n{{{ imagebuilder:components }}}",
                                               targetRepository={"service": "ECR", "repositoryName": "web"})
        self.container_recipe = container["containerRecipeArn"]
        check(ib.get_container_recipe(containerRecipeArn=self.container_recipe)["containerRecipe"]["containerType"] == "DOCKER", "container recipe")
        check(len(ib.list_container_recipes()["containerRecipeSummaryList"]) == 1, "container recipes listed")
        ib.put_container_recipe_policy(containerRecipeArn=self.container_recipe, policy=POLICY)
        check(ib.get_container_recipe_policy(containerRecipeArn=self.container_recipe)["policy"] == POLICY, "container recipe policy")

        infra = ib.create_infrastructure_configuration(name="build-infra", instanceProfileName="EC2InstanceProfileForImageBuilder",
                                                       instanceTypes=["t3.medium"], tags={"env": "test"})
        self.infra = infra["infrastructureConfigurationArn"]
        check(self.infra == "arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/build-infra", f"infra ARN {self.infra}")
        self.error(ib.create_infrastructure_configuration, "ResourceAlreadyExistsException", 400, name="build-infra", instanceProfileName="x")
        self.error(ib.create_infrastructure_configuration, "InvalidParameterValueException", 400, name="bad-sns", instanceProfileName="x", snsTopicArn="not-an-arn")
        ib.update_infrastructure_configuration(infrastructureConfigurationArn=self.infra, instanceProfileName="EC2InstanceProfileForImageBuilder",
                                               instanceTypes=["t3.large"], description="bigger")
        detail = ib.get_infrastructure_configuration(infrastructureConfigurationArn=self.infra)["infrastructureConfiguration"]
        check(detail["instanceTypes"] == ["t3.large"] and "dateUpdated" in detail, "infrastructure update")
        check(ib.list_infrastructure_configurations(filters=[{"name": "name", "values": ["build-infra"]}])["infrastructureConfigurationSummaryList"][0]["arn"] == self.infra, "infra filter")

        dist = ib.create_distribution_configuration(name="two-regions", distributions=[
            {"region": "us-east-1", "amiDistributionConfiguration": {"name": "web-{{ imagebuilder:buildDate }}"}},
            {"region": "eu-west-1", "amiDistributionConfiguration": {"name": "web-{{ imagebuilder:buildDate }}"}}])
        self.dist = dist["distributionConfigurationArn"]
        self.error(ib.create_distribution_configuration, "ResourceAlreadyExistsException", 400, name="two-regions", distributions=[{"region": "us-east-1"}])
        self.error(ib.create_distribution_configuration, "InvalidParameterCombinationException", 400, name="dup-region", distributions=[{"region": "us-east-1"}, {"region": "us-east-1"}])
        ib.update_distribution_configuration(distributionConfigurationArn=self.dist, description="updated", distributions=[
            {"region": "us-east-1", "amiDistributionConfiguration": {"name": "web-{{ imagebuilder:buildDate }}"}},
            {"region": "eu-west-1", "amiDistributionConfiguration": {"name": "web-{{ imagebuilder:buildDate }}"}}])
        check(ib.get_distribution_configuration(distributionConfigurationArn=self.dist)["distributionConfiguration"]["description"] == "updated", "distribution update")
        check(ib.list_distribution_configurations()["distributionConfigurationSummaryList"][0]["regions"] == ["us-east-1", "eu-west-1"], "distribution regions")

    # ------------------------------------------------------------------ pipelines, builds, workflow executions
    def pipeline_build(self):
        ib = self.ib
        pipeline = ib.create_image_pipeline(name="web-pipeline", imageRecipeArn=self.recipe, infrastructureConfigurationArn=self.infra,
                                            distributionConfigurationArn=self.dist,
                                            workflows=[{"workflowArn": self.workflow},
                                                       {"workflowArn": "arn:aws:imagebuilder:us-east-1:aws:workflow/test/test-image/x.x.x"}],
                                            imageScanningConfiguration={"imageScanningEnabled": True}, schedule={"scheduleExpression": "cron(0 0 1 1 ? 2099)"})  # far off: no scheduled run during the test
        self.pipeline = pipeline["imagePipelineArn"]
        self.error(ib.create_image_pipeline, "ResourceAlreadyExistsException", 400, name="web-pipeline", imageRecipeArn=self.recipe, infrastructureConfigurationArn=self.infra)
        self.error(ib.create_image_pipeline, "InvalidParameterCombinationException", 400, name="two-recipes", imageRecipeArn=self.recipe,
                   containerRecipeArn=self.container_recipe, infrastructureConfigurationArn=self.infra)
        ib.update_image_pipeline(imagePipelineArn=self.pipeline, imageRecipeArn=self.recipe, infrastructureConfigurationArn=self.infra,
                                 distributionConfigurationArn=self.dist, description="nightly",
                                 workflows=[{"workflowArn": self.workflow},
                                            {"workflowArn": "arn:aws:imagebuilder:us-east-1:aws:workflow/test/test-image/x.x.x"}],
                                 imageScanningConfiguration={"imageScanningEnabled": True})
        check(ib.get_image_pipeline(imagePipelineArn=self.pipeline)["imagePipeline"]["description"] == "nightly", "pipeline update")
        check(ib.list_image_pipelines(filters=[{"name": "name", "values": ["web-pipeline"]}])["imagePipelineList"][0]["arn"] == self.pipeline, "pipelines listed")

        image = ib.start_image_pipeline_execution(imagePipelineArn=self.pipeline)["imageBuildVersionArn"]
        check(image == "arn:aws:imagebuilder:us-east-1:123456789012:image/web-server/1.0.0/1", f"image ARN {image}")
        check(self.status(image) == "PENDING", "a new build is PENDING")
        self.advance(2)
        check(self.status(image) == "BUILDING", "two stages later the build is BUILDING")
        self.advance()
        waiting = ib.list_waiting_workflow_steps()["steps"]
        check(len(waiting) == 1 and waiting[0]["name"] == "WaitForApproval" and waiting[0]["imageBuildVersionArn"] == image, f"waiting steps: {waiting}")
        self.advance(5)
        check(self.status(image) == "BUILDING", "a waiting build stays BUILDING")
        executions = ib.list_workflow_executions(imageBuildVersionArn=image)["workflowExecutions"]
        check(len(executions) == 1 and executions[0]["status"] == "RUNNING", "one running workflow execution")
        execution = ib.get_workflow_execution(workflowExecutionId=executions[0]["workflowExecutionId"])
        check(execution["workflowBuildVersionArn"] == self.workflow and execution["totalStepCount"] == 4, "workflow execution detail")
        steps = ib.list_workflow_step_executions(workflowExecutionId=executions[0]["workflowExecutionId"])["steps"]
        check([s["status"] for s in steps] == ["COMPLETED", "RUNNING"], f"steps so far: {steps}")
        step = ib.get_workflow_step_execution(stepExecutionId=waiting[0]["stepExecutionId"])
        check(step["action"] == "WaitForAction" and step["status"] == "RUNNING" and step["timeoutSeconds"] == 3600, "waiting step detail")
        self.error(ib.send_workflow_step_action, "ResourceInUseException", 400, stepExecutionId=steps[0]["stepExecutionId"], imageBuildVersionArn=image, action="RESUME")
        self.error(ib.send_workflow_step_action, "InvalidParameterValueException", 400, stepExecutionId=waiting[0]["stepExecutionId"], imageBuildVersionArn=image, action="PAUSE")
        sent = ib.send_workflow_step_action(stepExecutionId=waiting[0]["stepExecutionId"], imageBuildVersionArn=image, action="RESUME", reason="approved")
        check(sent["stepExecutionId"] == waiting[0]["stepExecutionId"], "action acknowledged")
        check(ib.list_waiting_workflow_steps()["steps"] == [], "nothing waits after RESUME")
        seen = self.run_until(image, "AVAILABLE")
        check(seen[-4:] == ["BUILDING", "TESTING", "DISTRIBUTING", "INTEGRATING"][-len(seen[-4:]):] or "AVAILABLE" in seen, f"stages {seen}")
        executions = ib.list_workflow_executions(imageBuildVersionArn=image)["workflowExecutions"]
        check([(e["type"], e["status"]) for e in executions] == [("BUILD", "COMPLETED"), ("TEST", "COMPLETED")], f"executions {executions}")
        detail = ib.get_image(imageBuildVersionArn=image)["image"]
        amis = detail["outputResources"]["amis"]
        check(sorted(a["region"] for a in amis) == ["eu-west-1", "us-east-1"] and all(re.match(r"^ami-[0-9a-f]{17}$", a["image"]) for a in amis), f"AMIs {amis}")
        check(detail["sourcePipelineArn"] == self.pipeline and detail["scanState"]["status"] == "COMPLETED", "pipeline image detail")
        check(ib.get_image_pipeline(imagePipelineArn=self.pipeline)["imagePipeline"]["lastRunStatus"] == "AVAILABLE", "pipeline last run status")
        self.pipeline_image = image
        images = ib.list_image_pipeline_images(imagePipelineArn=self.pipeline)["imageSummaryList"]
        check([i["arn"] for i in images] == [image], "pipeline images")
        self.error(ib.list_image_pipeline_images, "ResourceNotFoundException", 404, imagePipelineArn="arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/none")

    # ------------------------------------------------------------------ CloudWatch Logs: the build's log
    def build_logs(self):
        logs, image = self.emu.logs, self.pipeline_image
        group, stream = "/aws/imagebuilder/web-server", "1.0.0/1"
        groups = [g["logGroupName"] for g in logs.describe_log_groups(logGroupNamePrefix="/aws/imagebuilder/")["logGroups"]]
        check(group in groups and "/aws/imagebuilder/pipeline/web-pipeline" in groups, f"log groups {groups}")
        streams = logs.describe_log_streams(logGroupName=group)["logStreams"]
        check([s["logStreamName"] for s in streams] == [stream] and streams[0]["lastEventTimestamp"] >= streams[0]["firstEventTimestamp"], f"streams {streams}")
        self.error(logs.describe_log_streams, "InvalidParameterException", 400, logGroupName=group, orderBy="LastEventTime", logStreamNamePrefix="1.")
        self.error(logs.describe_log_streams, "ResourceNotFoundException", 400, logGroupName="/aws/imagebuilder/none")

        # The whole log from the head, five events a page, until the forward token comes back unchanged.
        events, token, pages = [], None, 0
        while True:
            kwargs = dict(logGroupName=group, logStreamName=stream, startFromHead=True, limit=5, **({"nextToken": token} if token else {}))
            page = logs.get_log_events(**kwargs)
            pages += 1
            events += page["events"]
            if page["nextForwardToken"] == token:
                break
            token = page["nextForwardToken"]
        messages = [e["message"] for e in events]
        check(pages > 3 and messages[0].startswith("Image Builder: build of " + image), f"log head: {messages[:2]}")
        check(messages[-1] == "Image Builder: the build ended AVAILABLE.", f"log end: {messages[-1]}")
        check(any(m.startswith("AWSTOE") for m in messages) and any("step WaitForApproval" in m for m in messages), "AWSTOE and workflow lines")
        check([e["timestamp"] for e in events] == sorted(e["timestamp"] for e in events), "events in time order")
        # Without a token the newest events come back; the backward token reads the page before them.
        tail = logs.get_log_events(logGroupName=group, logStreamName=stream, limit=3)
        before = logs.get_log_events(logGroupName=group, logStreamName=stream, limit=3, nextToken=tail["nextBackwardToken"])
        check([e["message"] for e in before["events"] + tail["events"]] == messages[-6:], "tail and the page before it")
        check(logs.get_log_events(logGroupName=group, logStreamName=stream, nextToken=tail["nextForwardToken"])["events"] == [], "nothing after the end")
        window = logs.get_log_events(logGroupName=group, logStreamName=stream, startFromHead=True,
                                     startTime=events[-1]["timestamp"], endTime=events[-1]["timestamp"] + 1)["events"]
        check(window and all(e["timestamp"] == events[-1]["timestamp"] for e in window), "a time window")
        self.error(logs.get_log_events, "ResourceNotFoundException", 400, logGroupName=group, logStreamName="9.9.9/9")
        self.error(logs.get_log_events, "InvalidParameterException", 400, logGroupName=group, logStreamName=stream, nextToken="f/forged")

        # Searching: a phrase, paged two events at a time, and through boto3's paginator.
        found, token = [], None
        while True:
            page = logs.filter_log_events(logGroupName=group, logStreamNames=[stream], filterPattern='"AWSTOE phase build"', limit=2,
                                          **({"nextToken": token} if token else {}))
            found += page["events"]
            token = page.get("nextToken")
            if not token:
                break
        check(found and len(found) == sum("AWSTOE phase build" in m for m in messages), f"{len(found)} events for a phrase")
        check(all(e["logStreamName"] == stream for e in found), "filtered events name their stream")
        paged = [e for p in logs.get_paginator("filter_log_events").paginate(logGroupName=group, filterPattern="?succeeded ?completed -AWSTOE",
                                                                               PaginationConfig={"PageSize": 3}) for e in p["events"]]
        check(paged and all(("succeeded" in e["message"] or "completed" in e["message"]) and "AWSTOE" not in e["message"] for e in paged), "alternatives and exclusions")
        regex = logs.filter_log_events(logGroupName=group, filterPattern="%ended [A-Z]+%")["events"]
        check([e["message"] for e in regex] == [messages[-1]], f"a regex pattern: {regex}")
        streams = [s for p in logs.get_paginator("describe_log_streams").paginate(logGroupName="/aws/imagebuilder/pipeline/web-pipeline",
                                                                                   PaginationConfig={"PageSize": 1}) for s in p["logStreams"]]
        # One stream per day of runs, named YYYY/MM/DD as the user guide describes.
        check(len(streams) == 1 and re.fullmatch(r"\d{4}/\d\d/\d\d", streams[0]["logStreamName"]), f"pipeline log streams {streams}")
        run = logs.get_log_events(logGroupName="/aws/imagebuilder/pipeline/web-pipeline", logStreamName=streams[0]["logStreamName"], startFromHead=True)["events"]
        check([e["message"].split(" (")[0] for e in run] == ["Pipeline execution started", "Pipeline execution ended"], f"pipeline log {run}")

        logs.create_log_group(logGroupName="/conformance/empty", tags={"team": "logs"})
        self.error(logs.create_log_group, "ResourceAlreadyExistsException", 400, logGroupName="/conformance/empty")
        check(logs.describe_log_groups(logGroupNamePattern="CONFORMANCE")["logGroups"][0]["logGroupName"] == "/conformance/empty", "group by pattern")
        check(logs.describe_log_streams(logGroupIdentifier="/conformance/empty")["logStreams"] == [], "a new group has no streams")
        logs.delete_log_group(logGroupName="/conformance/empty")
        self.error(logs.delete_log_group, "ResourceNotFoundException", 400, logGroupName="/conformance/empty")

    def images(self):
        ib = self.ib
        token = str(uuid.uuid4())
        image = ib.create_image(imageRecipeArn=self.recipe, infrastructureConfigurationArn=self.infra, clientToken=token,
                                imageScanningConfiguration={"imageScanningEnabled": True}, imageTestsConfiguration={"imageTestsEnabled": False})["imageBuildVersionArn"]
        check(image.endswith("/web-server/1.0.0/2"), f"second build number: {image}")
        check(ib.create_image(imageRecipeArn=self.recipe, infrastructureConfigurationArn=self.infra, clientToken=token,
                              imageScanningConfiguration={"imageScanningEnabled": True}, imageTestsConfiguration={"imageTestsEnabled": False})["imageBuildVersionArn"] == image,
              "CreateImage retry with the same token")
        self.error(ib.create_image, "InvalidParameterValueException", 400, imageRecipeArn="arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/none/1.0.0", infrastructureConfigurationArn=self.infra)
        self.error(ib.get_image, "ResourceNotFoundException", 404, imageBuildVersionArn="arn:aws:imagebuilder:us-east-1:123456789012:image/none/1.0.0/1")
        self.error(ib.get_image, "InvalidParameterValueException", 400, imageBuildVersionArn="not-an-arn")
        seen = self.run_until(image, "AVAILABLE")
        check("TESTING" not in seen, f"tests disabled, no TESTING: {seen}")
        latest = ib.get_image(imageBuildVersionArn="arn:aws:imagebuilder:us-east-1:123456789012:image/web-server/1.0.0")
        check(latest["image"]["arn"] == image, "a version ARN selects the newest build")
        versions = ib.list_images()["imageVersionList"]
        check([v["arn"] for v in versions] == ["arn:aws:imagebuilder:us-east-1:123456789012:image/web-server/1.0.0"], f"image versions {versions}")
        builds = ib.list_image_build_versions(imageVersionArn="arn:aws:imagebuilder:us-east-1:123456789012:image/web-server/1.0.0")["imageSummaryList"]
        check([b["arn"] for b in builds] == [self.pipeline_image, image], "image build versions")
        packages = ib.list_image_packages(imageBuildVersionArn=image, maxResults=5)
        check(len(packages["imagePackageList"]) == 5 and packages.get("nextToken"), "packages page")

        findings = [f for page in ib.get_paginator("list_image_scan_findings").paginate(filters=[{"name": "imageBuildVersionArn", "values": [image]}]) for f in page["findings"]]
        check(len(findings) == 12 and all(f["imageBuildVersionArn"] == image for f in findings), f"{len(findings)} findings")
        severities = {f["severity"] for f in findings}
        check(len(severities) >= 3, f"varied severities {severities}")
        check(all(f["packageVulnerabilityDetails"]["vulnerablePackages"] for f in findings), "findings name packages")
        aggregation = ib.list_image_scan_finding_aggregations(filter={"name": "imageBuildVersionArn", "values": [image]})
        check(aggregation["aggregationType"] == "vulnerabilityId", "aggregation by vulnerability within an image")
        total = sum(r["vulnerabilityIdAggregation"]["severityCounts"]["all"] for r in aggregation["responses"])
        check(total == 12, f"aggregations count {total} findings")
        account = ib.list_image_scan_finding_aggregations()["responses"][0]["accountAggregation"]["severityCounts"]
        check(account["all"] == 24 and account["critical"] == sum(1 for f in ib.list_image_scan_findings(filters=[{"name": "severity", "values": ["CRITICAL"]}], maxResults=25)["findings"]),
              f"account aggregation {account}")
        # One image came from the pipeline, one from CreateImage: both count within the account and the pipeline's only its own.
        by_image = ib.list_image_scan_finding_aggregations(filter={"name": "accountId", "values": ["123456789012"]})
        check(by_image["aggregationType"] == "imageBuildVersionArn", f"an account's findings by image: {by_image['aggregationType']}")
        check(sum(r["imageAggregation"]["severityCounts"]["all"] for r in by_image["responses"]) == account["all"], "the account's images add up to its total")
        in_pipeline = ib.list_image_scan_finding_aggregations(filter={"name": "imagePipelineArn", "values": [self.pipeline]})["responses"]
        check([r["imageAggregation"]["imageBuildVersionArn"] for r in in_pipeline] == [self.pipeline_image], f"the pipeline's images {in_pipeline}")
        check(in_pipeline[0]["imageAggregation"]["severityCounts"]["all"] == 12, "the pipeline's image has its 12 findings")
        self.error(ib.list_image_scan_findings, "InvalidParameterValueException", 400, filters=[{"name": "colour", "values": ["red"]}])

        ib.put_image_policy(imageArn=image, policy=POLICY)
        check(ib.get_image_policy(imageArn=image)["policy"] == POLICY, "image policy")
        self.image = image

        cancel = ib.create_image(imageRecipeArn=self.recipe, infrastructureConfigurationArn=self.infra)["imageBuildVersionArn"]
        self.advance(2)
        ib.cancel_image_creation(imageBuildVersionArn=cancel)
        check(self.status(cancel) == "CANCELLED", "cancelled")
        self.error(ib.cancel_image_creation, "ResourceInUseException", 400, imageBuildVersionArn=cancel)
        self.error(ib.retry_image, "ResourceInUseException", 400, imageBuildVersionArn=image)
        ib.retry_image(imageBuildVersionArn=cancel)
        check(self.status(cancel) == "PENDING", "a retried build starts again")
        self.advance(2)
        executions = ib.list_workflow_executions(imageBuildVersionArn=cancel)["workflowExecutions"]
        check([(e["status"], e["retried"]) for e in executions] == [("CANCELLED", False), ("RUNNING", True)], f"workflows of a retried build: {executions}")
        ib.cancel_image_creation(imageBuildVersionArn=cancel)

        distributed = ib.distribute_image(sourceImage=image, distributionConfigurationArn=self.dist, executionRole="ImageBuilderRole")["imageBuildVersionArn"]
        self.run_until(distributed, "AVAILABLE")
        self.distributed = distributed
        check(len(ib.get_image(imageBuildVersionArn=distributed)["image"]["outputResources"]["amis"]) == 2, "distributed to two regions")
        self.error(ib.distribute_image, "ResourceNotFoundException", 404, sourceImage="ami-0000000000000dead", distributionConfigurationArn=self.dist, executionRole="ImageBuilderRole")
        disk = ib.import_disk_image(name="imported-disk", semanticVersion="1.0.0", platform="Windows", osVersion="Microsoft Windows Server 2022",
                                    infrastructureConfigurationArn=self.infra, uri="s3://bucket/disk.iso")["imageBuildVersionArn"]
        vm = ib.import_vm_image(name="imported-vm", semanticVersion="1.0.0", platform="Linux", vmImportTaskId="import-ami-0123456789abcdef0")["imageArn"]
        self.run_until(disk, "AVAILABLE")
        self.run_until(vm, "AVAILABLE")
        check(ib.get_image(imageBuildVersionArn=vm)["image"]["buildType"] == "IMPORT", "VM import build type")
        check(ib.get_image(imageBuildVersionArn=disk)["image"]["buildType"] == "IMPORT_ISO", "disk import build type")

    # ------------------------------------------------------------------ lifecycle
    def lifecycle(self):
        ib = self.ib
        policy = ib.create_lifecycle_policy(name="keep-one", executionRole="LifecycleRole", resourceType="AMI_IMAGE",
                                            policyDetails=[{"action": {"type": "DEPRECATE"}, "filter": {"type": "COUNT", "value": 1}}],
                                            resourceSelection={"recipes": [{"name": "web-server", "semanticVersion": "1.0.0"}]})["lifecyclePolicyArn"]
        self.error(ib.create_lifecycle_policy, "ResourceAlreadyExistsException", 400, name="keep-one", executionRole="LifecycleRole", resourceType="AMI_IMAGE",
                   policyDetails=[{"action": {"type": "DEPRECATE"}, "filter": {"type": "COUNT", "value": 1}}], resourceSelection={"recipes": [{"name": "web-server", "semanticVersion": "1.0.0"}]})
        self.error(ib.create_lifecycle_policy, "InvalidParameterValueException", 400, name="bad-count", executionRole="LifecycleRole", resourceType="AMI_IMAGE",
                   policyDetails=[{"action": {"type": "DEPRECATE"}, "filter": {"type": "COUNT", "value": 5000}}], resourceSelection={"recipes": [{"name": "web-server", "semanticVersion": "1.0.0"}]})
        ib.update_lifecycle_policy(lifecyclePolicyArn=policy, executionRole="LifecycleRole", resourceType="AMI_IMAGE", description="keep the newest",
                                   policyDetails=[{"action": {"type": "DEPRECATE"}, "filter": {"type": "COUNT", "value": 1}}],
                                   resourceSelection={"recipes": [{"name": "web-server", "semanticVersion": "1.0.0"}]})
        check(ib.get_lifecycle_policy(lifecyclePolicyArn=policy)["lifecyclePolicy"]["description"] == "keep the newest", "lifecycle policy update")
        check(ib.list_lifecycle_policies()["lifecyclePolicySummaryList"][0]["arn"] == policy, "lifecycle policies listed")
        runs = self.emu.control("lifecycle/run", {})["lifecycleExecutionIds"]
        check(len(runs) == 1, "one policy ran")
        self.advance()
        execution = ib.get_lifecycle_execution(lifecycleExecutionId=runs[0])["lifecycleExecution"]
        check(execution["state"]["status"] == "SUCCESS" and execution["resourcesImpactedSummary"]["hasImpactedResources"], f"execution {execution}")
        resources = ib.list_lifecycle_execution_resources(lifecycleExecutionId=runs[0])["resources"]
        check(len(resources) == 2 and all(r["action"]["name"] == "DEPRECATE" and r["state"]["status"] == "SUCCESS" for r in resources), f"resources {resources}")
        check(self.status(self.pipeline_image) == "DEPRECATED" and self.status(self.image) == "DEPRECATED", "the older images are deprecated")
        check(self.status(self.distributed) == "AVAILABLE", "the newest image (the distributed copy) stays")
        check(ib.get_image(imageBuildVersionArn=self.image)["image"].get("deprecationTime"), "a deprecated image has its deprecation time")
        check(any(v["arn"].endswith("/web-server/1.0.0") for v in ib.list_images()["imageVersionList"]), "the version stays listed while a build is available")
        check(ib.list_lifecycle_executions(resourceArn=policy)["lifecycleExecutions"][0]["lifecycleExecutionId"] == runs[0], "executions of the policy")

        update = ib.start_resource_state_update(resourceArn=self.image, state={"status": "DISABLED"})
        self.advance()
        check(self.status(self.image) == "DISABLED", "state update applied")
        ib.start_resource_state_update(resourceArn=self.image, state={"status": "AVAILABLE"})
        self.advance()
        check(self.status(self.image) == "AVAILABLE", "back to AVAILABLE")
        pending = ib.start_resource_state_update(resourceArn=self.image, state={"status": "DELETED"}, updateAt="2099-01-01T00:00:00Z")
        ib.cancel_lifecycle_execution(lifecycleExecutionId=pending["lifecycleExecutionId"])
        check(ib.get_lifecycle_execution(lifecycleExecutionId=pending["lifecycleExecutionId"])["lifecycleExecution"]["state"]["status"] == "CANCELLED", "cancelled execution")
        self.error(ib.cancel_lifecycle_execution, "ResourceInUseException", 400, lifecycleExecutionId=update["lifecycleExecutionId"])
        self.error(ib.get_lifecycle_execution, "ResourceNotFoundException", 404, lifecycleExecutionId="lce-00000000-0000-0000-0000-000000000000")
        self.policy = policy

    # ------------------------------------------------------------------ tags and marketplace
    def tags_and_marketplace(self):
        ib = self.ib
        ib.tag_resource(resourceArn=self.recipe, tags={"owner": "team-a", "cost": "42"})
        check(ib.list_tags_for_resource(resourceArn=self.recipe)["tags"] == {"app": "web", "owner": "team-a", "cost": "42"}, "tags added")
        ib.untag_resource(resourceArn=self.recipe, tagKeys=["cost", "app"])
        check(ib.list_tags_for_resource(resourceArn=self.recipe)["tags"] == {"owner": "team-a"}, "tags removed")
        for arn in (self.component, self.infra, self.dist, self.pipeline, self.image, self.workflow, self.policy, self.container_recipe):
            ib.tag_resource(resourceArn=arn, tags={"checked": "yes"})
            check(ib.list_tags_for_resource(resourceArn=arn)["tags"].get("checked") == "yes", f"tags on {arn}")
        self.error(ib.tag_resource, "ResourceNotFoundException", 404, resourceArn="arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/none/1.0.0", tags={"a": "b"})
        self.error(ib.tag_resource, "InvalidParameterException", 400, resourceArn=self.recipe, tags={"aws:reserved": "x"})
        market = ib.list_components(owner="AWSMarketplace")["componentVersionList"][0]["arn"]
        resource = ib.get_marketplace_resource(resourceType="COMPONENT_DATA", resourceArn=market)
        check(resource["url"].startswith("https://") and "phases" in resource["data"], "marketplace component data")
        self.error(ib.get_marketplace_resource, "InvalidParameterValueException", 400, resourceType="COMPONENT_DATA", resourceArn=self.component)

    # ------------------------------------------------------------------ cleanup with dependencies
    def cleanup(self):
        ib = self.ib
        self.error(ib.delete_component, "ResourceDependencyException", 400, componentBuildVersionArn=self.component)
        self.error(ib.delete_image_recipe, "ResourceDependencyException", 400, imageRecipeArn=self.recipe)
        self.error(ib.delete_infrastructure_configuration, "ResourceDependencyException", 400, infrastructureConfigurationArn=self.infra)
        self.error(ib.delete_distribution_configuration, "ResourceDependencyException", 400, distributionConfigurationArn=self.dist)
        self.error(ib.delete_workflow, "ResourceDependencyException", 400, workflowBuildVersionArn=self.workflow)
        self.error(ib.delete_component, "ResourceNotFoundException", 404, componentBuildVersionArn="arn:aws:imagebuilder:us-east-1:123456789012:component/none/1.0.0/1")
        ib.delete_image_pipeline(imagePipelineArn=self.pipeline)
        ib.delete_workflow(workflowBuildVersionArn=self.workflow)
        ib.delete_image_recipe(imageRecipeArn=self.recipe)
        self.error(ib.delete_component, "ResourceDependencyException", 400, componentBuildVersionArn=self.component)
        ib.delete_container_recipe(containerRecipeArn=self.container_recipe)
        ib.delete_component(componentBuildVersionArn=self.component)
        ib.delete_infrastructure_configuration(infrastructureConfigurationArn=self.infra)
        ib.delete_distribution_configuration(distributionConfigurationArn=self.dist)
        ib.delete_image(imageBuildVersionArn=self.image)
        ib.delete_lifecycle_policy(lifecyclePolicyArn=self.policy)
        self.error(ib.get_image, "ResourceNotFoundException", 404, imageBuildVersionArn=self.image)
        check(ib.list_image_scan_findings(filters=[{"name": "imageBuildVersionArn", "values": [self.image]}])["findings"] == [], "findings go with the image")

    # ------------------------------------------------------------------ errors the service sends on its own
    def service_errors(self):
        ib = self.ib
        amazon = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/1.0.2/1"
        self.error(ib.delete_component, "ForbiddenException", 403, componentBuildVersionArn=amazon)
        self.error(ib.put_component_policy, "ForbiddenException", 403, componentArn=amazon, policy=POLICY)
        self.emu.control("faults", {"operation": "ListImages", "kind": "Throttle", "count": 1})
        self.error(ib.list_images, "CallRateLimitExceededException", 429)
        self.emu.control("faults", {"operation": "ListImages", "kind": "ServerError", "statusCode": 503, "count": 1})
        self.error(ib.list_images, "ServiceUnavailableException", 503)
        self.emu.control("faults", {"operation": "GetImage", "kind": "ServerError", "count": 1})
        self.error(ib.get_image, "ServiceException", 500, imageBuildVersionArn="arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x")
        self.emu.control("faults", None, method="DELETE")
        ib.list_images()

    # ------------------------------------------------------------------ AppStream and WorkSpaces
    def appstream_and_workspaces(self):
        appstream, workspaces = self.emu.appstream, self.emu.workspaces
        created = appstream.create_imported_image(Name="web-appstream", SourceAmiId="ami-0123456789abcdef0",
                                                  IamRoleArn="arn:aws:iam::123456789012:role/AppStreamImport", Description="From Image Builder")["Image"]
        check(created["State"] == "PENDING" and created["Arn"].endswith(":image/web-appstream"), f"AppStream import {created}")
        self.error(appstream.create_imported_image, "ResourceAlreadyExistsException", 400, Name="web-appstream", SourceAmiId="ami-0123456789abcdef0",
                   IamRoleArn="arn:aws:iam::123456789012:role/AppStreamImport")
        self.error(appstream.create_imported_image, "ValidationException", 400, Name="bad name!", SourceAmiId="ami-0123456789abcdef0")
        self.error(appstream.create_imported_image, "InvalidParameterCombinationException", 400, Name="neither")
        states = []
        for _ in range(5):
            state = appstream.describe_images(Names=["web-appstream"])["Images"][0]["State"]
            if not states or states[-1] != state:
                states.append(state)
            self.advance()
        check(states == ["PENDING", "IMPORTING", "VALIDATING", "AVAILABLE"], f"AppStream states {states}")
        public = appstream.describe_images(Type="PUBLIC")["Images"]
        check(public and all(i["Visibility"] == "PUBLIC" for i in public), "public AppStream images")
        self.error(appstream.describe_images, "ResourceNotFoundException", 404, Names=["nothing"])
        self.error(appstream.describe_images, "InvalidParameterCombinationException", 400, Names=["a"], Arns=["arn:aws:appstream:us-east-1:123456789012:image/a"])

        image_id = workspaces.import_workspace_image(Ec2ImageId="ami-0123456789abcdef0", IngestionProcess="BYOL_REGULAR_WSP",
                                                     ImageName="web-workspaces", ImageDescription="From Image Builder")["ImageId"]
        check(re.match(r"^wsi-[0-9a-z]{9,63}$", image_id), f"WorkSpaces image id {image_id}")
        check(workspaces.describe_workspace_images(ImageIds=[image_id])["Images"][0]["State"] == "PENDING", "WorkSpaces import PENDING")
        self.advance()
        check(workspaces.describe_workspace_images(ImageIds=[image_id])["Images"][0]["State"] == "AVAILABLE", "WorkSpaces import AVAILABLE")
        self.error(workspaces.import_workspace_image, "ResourceAlreadyExistsException", 400, Ec2ImageId="ami-0123456789abcdef0",
                   IngestionProcess="BYOL_REGULAR", ImageName="web-workspaces", ImageDescription="again")
        self.error(workspaces.import_workspace_image, "InvalidParameterValuesException", 400, Ec2ImageId="ami-xyz",
                   IngestionProcess="BYOL_REGULAR", ImageName="bad-ami", ImageDescription="bad")
        check(workspaces.describe_workspace_images(MaxResults=1)["Images"][0]["ImageId"] == image_id, "WorkSpaces images listed")
        from_workspaces = appstream.create_imported_image(Name="from-workspaces", WorkspaceImageId=image_id)["Image"]
        check(from_workspaces["State"] == "PENDING", f"AppStream import of a WorkSpaces image {from_workspaces}")
        self.error(appstream.create_imported_image, "ResourceNotFoundException", 404, Name="from-nowhere", WorkspaceImageId="wsi-000000000")

    def run(self):
        self.emu.control("reset", {})
        self.emu.control("clock", {"mode": "stepped"})
        self.components()
        self.workflows()
        self.recipes_and_configurations()
        self.pipeline_build()
        self.build_logs()
        self.images()
        self.lifecycle()
        self.tags_and_marketplace()
        self.cleanup()
        self.service_errors()
        self.appstream_and_workspaces()
        self.emu.control("reset", {})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--models", required=True)
    args = parser.parse_args()
    emulator = Emulator(args.endpoint, args.models)
    suite = Conformance(emulator)
    expected = sorted(f"imagebuilder:{op}" for op in emulator.ib.meta.service_model.operation_names) + \
        ["appstream:CreateImportedImage", "appstream:DescribeImages", "workspaces:DescribeWorkspaceImages", "workspaces:ImportWorkspaceImage"] + \
        [f"logs:{op}" for op in LOGS_OPERATIONS]
    try:
        suite.run()
    except Failure as failure:
        print(f"FAILED: {failure}")
        return 1
    finally:
        emulator.close()
    missing = [op for op in expected if op not in suite.covered]
    print(f"error paths checked: {suite.errors_checked}")
    print(f"covered {len(expected) - len(missing)}/{len(expected)} operations")
    if missing:
        print("not covered: " + ", ".join(missing))
    if suite.shape_problems:
        print("responses that break their shapes:")
        for problem in suite.shape_problems[:50]:
            print("  " + problem)
    return 0 if not missing and not suite.shape_problems else 1


if __name__ == "__main__":
    sys.exit(main())
