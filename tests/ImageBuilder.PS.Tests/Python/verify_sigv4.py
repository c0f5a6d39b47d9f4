"""Recomputes the SigV4 signature of a request the module sent, with botocore's own signer.

Reads one JSON object on stdin: method, url, headers (as received), body (base64), access_key, secret_key,
session_token, region, service. Prints a JSON object with the signature botocore computes and the one the
request carried. Only the headers the request says it signed take part, as the service would do it.
"""
import base64
import json
import sys

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def main():
    case = json.load(sys.stdin)
    received = {k.lower(): v for k, v in case["headers"].items()}
    authorization = received["authorization"]
    signed = authorization.split("SignedHeaders=")[1].split(",")[0].split(";")
    carried = authorization.split("Signature=")[1].strip()
    headers = {name: received[name] for name in signed}
    request = AWSRequest(method=case["method"], url=case["url"], data=base64.b64decode(case["body"]), headers=headers)
    request.context["timestamp"] = received["x-amz-date"]
    signer = SigV4Auth(Credentials(case["access_key"], case["secret_key"], case.get("session_token")), case["service"], case["region"])
    canonical = signer.canonical_request(request)
    expected = signer.signature(signer.string_to_sign(request, canonical), request)
    json.dump({"botocore": expected, "module": carried, "signed_headers": signed}, sys.stdout)


if __name__ == "__main__":
    main()
