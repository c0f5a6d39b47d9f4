"""Every operation with odd but well-formed input: nothing the emulator is sent may get a 5xx answer.

For each operation of the three models, calls are made with generated inputs: only the required members, then
every member, filled with values of the right JSON type but arbitrary content (strings that break patterns,
numbers out of range, empty lists, unknown ARNs). Client-side validation is off, so the emulator sees it all.
Any 5xx or dropped connection fails the run; 4xx answers are expected. Prints how many calls were made.

Usage: python3 robustness.py --endpoint URL --models DIR
"""
import argparse
import sys

from botocore.config import Config
from botocore.exceptions import ClientError

from emulator_client import LOGS_OPERATIONS, Emulator

ARN = "arn:aws:imagebuilder:us-east-1:123456789012:image/nothing/1.0.0/1"


def value_for(shape, variant, depth=0):
    kind = shape.type_name
    if kind == "structure":
        if depth > 4:
            return {}
        names = shape.required_members if variant == "required" else list(shape.members)
        if getattr(shape, "is_tagged_union", False) and names:
            names = names[:1]
        return {n: value_for(shape.members[n], variant, depth + 1) for n in names}
    if kind == "list":
        return [] if variant == "required" else [value_for(shape.member, variant, depth + 1)]
    if kind == "map":
        return {} if variant == "required" else {"key": value_for(shape.value, variant, depth + 1)}
    if kind == "string":
        if shape.enum:
            return shape.enum[0] if variant == "required" else "NOT_A_VALUE"
        if "Arn" in shape.name or shape.name == "Arn":
            return ARN if variant == "required" else "arn:aws:imagebuilder:us-east-1:123456789012:image/nothing"
        return "x" if variant == "required" else "odd value / with: punctuation"
    if kind in ("integer", "long"):
        return 1 if variant == "required" else 2147483647
    if kind in ("double", "float"):
        return 1.5
    if kind == "boolean":
        return variant != "required"
    if kind == "timestamp":
        return "2030-01-01T00:00:00Z"
    if kind == "blob":
        return b"data"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--models", required=True)
    args = parser.parse_args()
    emulator = Emulator(args.endpoint, args.models)
    config = Config(parameter_validation=False, retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=30)
    failures, calls, refused = [], 0, 0
    try:
        emulator.control("reset", {})
        for name in ("imagebuilder", "appstream", "workspaces", "logs"):
            client = emulator.client(name, config)
            model = client.meta.service_model
            wanted = model.operation_names if name == "imagebuilder" else \
                ["CreateImportedImage", "DescribeImages"] if name == "appstream" else \
                ["ImportWorkspaceImage", "DescribeWorkspaceImages"] if name == "workspaces" else LOGS_OPERATIONS
            for operation in wanted:
                op = model.operation_model(operation)
                method = getattr(client, client.meta.method_to_api_mapping and
                                 {v: k for k, v in client.meta.method_to_api_mapping.items()}[operation])
                for variant in ("required", "all"):
                    params = value_for(op.input_shape, variant) if op.input_shape else {}
                    calls += 1
                    try:
                        method(**params)
                    except ClientError as e:
                        refused += 1
                        status = e.response["ResponseMetadata"]["HTTPStatusCode"]
                        if status >= 500:
                            failures.append(f"{operation} ({variant}): {status} {e.response['Error']}")
                    except Exception as e:  # noqa: BLE001 - a dropped connection or unreadable answer is a failure
                        failures.append(f"{operation} ({variant}): {type(e).__name__}: {e}")
        state = emulator.control("state")
        if "accountId" not in state:
            failures.append("the emulator stopped answering")
    finally:
        emulator.close()
    print(f"calls: {calls}, refused with 4xx: {refused}, served: {calls - refused - len(failures)}")
    for failure in failures:
        print("FAILED: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
