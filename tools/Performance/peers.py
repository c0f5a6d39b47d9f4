"""The peers tools/Measure-Performance.ps1 holds ImageBuilder.PS against: boto3, and a raw keep-alive HTTP client.

Usage: python3 peers.py MODE --endpoint URL --arn ARN [--warmup N]
  warm-boto3, warm-raw   GetImage in one session: prints "ready" after the warm-up, then for each line N read
                         from standard input makes N calls and prints their times in ms on one line; "settle"
                         answers 0 (there is no JIT to wait for); "exit" ends.
  stream-boto3           every scan finding of ARN through boto3's paginator; prints one JSON line.
  stream-raw             the same pages with http.client and json.loads only: the floor a client could reach.

Each prints its peak resident memory (VmHWM) when it ends. The raw client sends what the emulator checks: an
Authorization header of the SigV4 form (not a valid signature; the emulator does not verify one) and X-Amz-Date.
"""
import argparse
import http.client
import json
import sys
import time
import urllib.parse


def peak_rss_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def boto3_client(endpoint):
    import boto3
    return boto3.client("imagebuilder", endpoint_url=endpoint, region_name="us-east-1")


RAW_HEADERS = {
    "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDBENCHMARK/20260101/us-east-1/imagebuilder/aws4_request, "
                     "SignedHeaders=host;x-amz-date, Signature=" + "0" * 64,
    "X-Amz-Date": "20260101T000000Z",
}


def raw_request(endpoint):
    """One kept-alive connection; each call sends a request and gives the body of a 200 answer."""
    url = urllib.parse.urlsplit(endpoint)
    connection = http.client.HTTPConnection(url.hostname, url.port)

    def send(method, path, body=None):
        headers = dict(RAW_HEADERS, **({"Content-Type": "application/json"} if body is not None else {}))
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        if response.status != 200:
            raise SystemExit(f"{method} {path} answered {response.status}: {data[:200]!r}")
        return data

    return send


def raw_get_image(endpoint, arn):
    send = raw_request(endpoint)
    path = "/GetImage?imageBuildVersionArn=" + urllib.parse.quote(arn, safe="")
    return lambda: send("GET", path)


def raw_stream(endpoint, arn):
    send = raw_request(endpoint)
    count, token = 0, None
    while True:
        request = {"filters": [{"name": "imageBuildVersionArn", "values": [arn]}]}
        if token:
            request["nextToken"] = token
        page = json.loads(send("POST", "/ListImageScanFindings", json.dumps(request)))
        count += len(page.get("findings", []))
        token = page.get("nextToken")
        if not token:
            return count


def serve_calls(call, warmup):
    """The chunk protocol of the warm measurements: the caller interleaves the peers chunk by chunk."""
    for _ in range(warmup):
        call()
    print("ready", flush=True)
    for line in sys.stdin:
        line = line.strip()
        if line == "exit":
            break
        if line == "settle":
            # Nothing to settle: CPython has no JIT to wait for.
            print("0", flush=True)
            continue
        times = []
        for _ in range(int(line)):
            start = time.perf_counter()
            call()
            times.append((time.perf_counter() - start) * 1000)
        print(" ".join(f"{t:.4f}" for t in times), flush=True)
    print(json.dumps({"peakKiB": peak_rss_kib()}), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["warm-boto3", "warm-raw", "stream-boto3", "stream-raw"])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--arn", required=True)
    parser.add_argument("--warmup", type=int, default=200)
    args = parser.parse_args()

    if args.mode == "warm-boto3":
        client = boto3_client(args.endpoint)
        serve_calls(lambda: client.get_image(imageBuildVersionArn=args.arn), args.warmup)
    elif args.mode == "warm-raw":
        serve_calls(raw_get_image(args.endpoint, args.arn), args.warmup)
    elif args.mode == "stream-raw":
        start = time.perf_counter()
        count = raw_stream(args.endpoint, args.arn)
        print(json.dumps({"count": count, "seconds": time.perf_counter() - start, "peakKiB": peak_rss_kib()}), flush=True)
    else:
        client = boto3_client(args.endpoint)
        start = time.perf_counter()
        count = 0
        paginator = client.get_paginator("list_image_scan_findings")
        for page in paginator.paginate(filters=[{"name": "imageBuildVersionArn", "values": [args.arn]}]):
            count += len(page["findings"])
        seconds = time.perf_counter() - start
        print(json.dumps({"count": count, "seconds": seconds, "peakKiB": peak_rss_kib()}), flush=True)


if __name__ == "__main__":
    main()
