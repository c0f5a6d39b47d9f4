"""Shared helpers for the scripts that drive the emulator with the AWS SDK for Python (botocore/boto3).

The installed botocore may bundle an older Image Builder model than the one the project targets, so every
script gives botocore a temporary data folder holding the current models (copied from the shared models folder
at run time, never committed) ahead of its own.
"""
import json
import os
import re
import shutil
import tempfile
import urllib.request

import boto3
import botocore.session
from botocore.config import Config

SERVICES = {
    # botocore service name: (folder in the shared models, API version)
    "imagebuilder": ("imagebuilder", "2019-12-02"),
    "appstream": ("appstream", "2016-12-01"),
    "workspaces": ("workspaces", "2015-04-08"),
    "logs": ("logs", "2014-03-28"),
}

# The CloudWatch Logs operations the emulator answers (for the build and pipeline logs Image Builder writes).
LOGS_OPERATIONS = ["CreateLogGroup", "DeleteLogGroup", "DescribeLogGroups", "DescribeLogStreams", "FilterLogEvents", "GetLogEvents"]


class Failure(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def prepare_models(models_dir):
    """Lays the shared models out the way botocore's loader looks for them and returns the folder."""
    data = tempfile.mkdtemp(prefix="ibps-botocore-")
    for name, (folder, version) in SERVICES.items():
        target = os.path.join(data, name, version)
        os.makedirs(target)
        for file in ("service-2.json", "paginators-1.json"):
            source = os.path.join(models_dir, folder, file)
            if os.path.exists(source):
                shutil.copy(source, os.path.join(target, file))
    return data


class Emulator:
    """Clients for the services pointed at the emulator (Image Builder, AppStream, WorkSpaces, CloudWatch Logs), and its control API."""

    def __init__(self, url, models_dir, retries=1):
        """retries: total attempts per call (1: no retries, so every arranged fault reaches the script)."""
        self.url = url.rstrip("/")
        self.data = prepare_models(models_dir)
        core = botocore.session.Session()
        core.get_component("data_loader").search_paths.insert(0, self.data)
        self.session = boto3.session.Session(botocore_session=core)
        config = Config(retries={"total_max_attempts": retries, "mode": "standard"}, connect_timeout=5, read_timeout=60)
        self.config = config
        self.ib = self.client("imagebuilder")
        self.appstream = self.client("appstream")
        self.workspaces = self.client("workspaces")
        self.logs = self.client("logs")

    def client(self, name, config=None):
        return self.session.client(
            name, region_name="us-east-1", endpoint_url=self.url,
            aws_access_key_id="AKIDEMULATOR", aws_secret_access_key="emulator-secret",
            config=config or self.config)

    def control(self, path, body=None, method=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + "/_emulator/" + path.lstrip("/"), data=data,
                                         method=method or ("POST" if body is not None else "GET"),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read() or b"{}")

    def close(self):
        shutil.rmtree(self.data, ignore_errors=True)


def shape_violations(shape, value, path="", out=None):
    """Checks a parsed response against the model: members, enums, patterns, lengths, ranges."""
    out = [] if out is None else out
    if value is None:
        return out
    kind = shape.type_name
    if kind == "structure":
        check(isinstance(value, dict), f"{path}: expected an object")
        for key, item in value.items():
            if key == "ResponseMetadata":
                continue
            if key not in shape.members:
                out.append(f"{path}.{key}: not a member of {shape.name}")
                continue
            shape_violations(shape.members[key], item, f"{path}.{key}", out)
    elif kind == "list":
        for i, item in enumerate(value):
            shape_violations(shape.member, item, f"{path}[{i}]", out)
        limit = shape.metadata.get("max")
        if limit is not None and len(value) > limit:
            out.append(f"{path}: {len(value)} items, more than {limit}")
    elif kind == "map":
        for key, item in value.items():
            shape_violations(shape.value, item, f"{path}[{key}]", out)
    elif kind == "string":
        enum = shape.enum
        if enum and value not in enum:
            out.append(f"{path}: '{value}' is not one of {enum}")
        pattern = shape.metadata.get("pattern")
        if pattern:
            try:
                if not re.search(pattern, value):
                    out.append(f"{path}: '{value}' does not match {pattern}")
            except re.error:
                pass
        if "min" in shape.metadata and len(value) < shape.metadata["min"]:
            out.append(f"{path}: shorter than {shape.metadata['min']}")
        if "max" in shape.metadata and len(value) > shape.metadata["max"]:
            out.append(f"{path}: longer than {shape.metadata['max']}")
    elif kind in ("integer", "long", "double", "float"):
        if "min" in shape.metadata and value < shape.metadata["min"]:
            out.append(f"{path}: {value} below {shape.metadata['min']}")
        if "max" in shape.metadata and value > shape.metadata["max"]:
            out.append(f"{path}: {value} above {shape.metadata['max']}")
    return out
