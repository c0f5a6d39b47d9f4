"""Many boto3 clients at once against the emulator, for a while; then a count of what they made.

Each of N client threads (each with its own boto3 client and connection) creates uniquely named
infrastructure configurations and component versions, retries some creates with the same client token,
tags, reads back and lists, until the time is up. Afterwards every resource made must be listed exactly once
and read back intact, and every idempotent retry must have returned the first answer.

Usage: python3 concurrency.py --endpoint URL --models DIR [--clients 50] [--seconds 15]
"""
import argparse
import sys
import threading
import time
import uuid

from emulator_client import Emulator, Failure, check

COMPONENT = "name: C\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: S\n        action: ExecuteBash\n        inputs:\n          commands:\n            - echo hi\n"


def worker(emulator, index, deadline, results, errors, start):
    try:
        ib = emulator.client("imagebuilder")
        made_infra, made_components, calls = [], [], 0
        start.wait()
        n = 0
        while time.monotonic() < deadline:
            name = f"client-{index:02d}-infra-{n:04d}"
            arn = ib.create_infrastructure_configuration(name=name, instanceProfileName="Profile", tags={"client": str(index)})["infrastructureConfigurationArn"]
            made_infra.append((arn, name))
            token = str(uuid.uuid4())
            version = f"1.{index}.{n}"
            first = ib.create_component(name="shared-component", semanticVersion=version, platform="Linux", data=COMPONENT, clientToken=token)
            again = ib.create_component(name="shared-component", semanticVersion=version, platform="Linux", data=COMPONENT, clientToken=token)
            check(first["componentBuildVersionArn"] == again["componentBuildVersionArn"], f"retry of {version} gave another answer")
            made_components.append(first["componentBuildVersionArn"])
            got = ib.get_infrastructure_configuration(infrastructureConfigurationArn=arn)["infrastructureConfiguration"]
            check(got["name"] == name and got["tags"] == {"client": str(index)}, f"{arn} read back as {got['name']}")
            if n % 5 == 0:
                page = ib.list_infrastructure_configurations(maxResults=25)
                check(len(page["infrastructureConfigurationSummaryList"]) <= 25, "page size respected")
                ib.list_components(filters=[{"name": "name", "values": ["shared-component"]}], maxResults=10)
            calls += 6
            n += 1
        results[index] = (made_infra, made_components, calls)
    except Exception as e:  # noqa: BLE001 - every failure of a client thread is reported by the main thread
        errors.append(f"client {index}: {type(e).__name__}: {e}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--models", required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15)
    args = parser.parse_args()
    emulator = Emulator(args.endpoint, args.models, retries=1)
    try:
        emulator.control("reset", {})
        results, errors = {}, []
        start = threading.Event()
        deadline = time.monotonic() + 5 + args.seconds
        threads = [threading.Thread(target=worker, args=(emulator, i, deadline, results, errors, start)) for i in range(args.clients)]
        for thread in threads:
            thread.start()
        time.sleep(5)  # clients are made before the clock starts, so the run measures calls
        began = time.monotonic()
        start.set()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - began
        if errors:
            raise Failure("; ".join(errors[:5]))
        check(len(results) == args.clients, f"only {len(results)} of {args.clients} clients finished")

        made_infra = {arn: name for infra, _, _ in results.values() for arn, name in infra}
        made_components = {arn for _, components, _ in results.values() for arn in components}
        calls = sum(c for _, _, c in results.values())
        ib = emulator.ib
        listed = [s for page in ib.get_paginator("list_infrastructure_configurations").paginate() for s in page["infrastructureConfigurationSummaryList"]]
        listed_arns = [s["arn"] for s in listed]
        check(len(listed_arns) == len(set(listed_arns)), "a configuration is listed twice")
        check(set(listed_arns) == set(made_infra), f"made {len(made_infra)} configurations, listed {len(listed_arns)}")
        check(all(made_infra[s["arn"]] == s["name"] for s in listed), "a listed configuration has the wrong name")
        versions = [c["arn"] for page in ib.get_paginator("list_components").paginate(owner="Self") for c in page["componentVersionList"]]
        check(len(versions) == len(set(versions)) == len(made_components), f"made {len(made_components)} component versions, listed {len(versions)}")
        check({v + "/1" for v in versions} == made_components, "listed component versions differ from those made")
        print(f"clients: {args.clients}, seconds: {elapsed:.1f}, calls: {calls}, configurations: {len(made_infra)}, component versions: {len(made_components)}")
        print("concurrency passed")
        return 0
    except Failure as failure:
        print(f"FAILED: {failure}")
        return 1
    finally:
        emulator.close()


if __name__ == "__main__":
    sys.exit(main())
