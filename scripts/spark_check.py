#!/usr/bin/env python3
"""quotecheck in a batch engine: a local-mode Spark job (master local[2]) that turns the
original test articles into {"id", "text"} records, pipes them through
`quotecheck check --input-format jsonl --format jsonl` with RDD.pipe, and checks that the
results equal a direct run of `quotecheck check --format jsonl` over the same files (ids are
the paths): the same document, parsed, for every id, in the order of the input.

Run from anywhere; paths are taken from the repository root. Exits 1 on a mismatch.

    python3 scripts/spark_check.py [--bin target/release/quotecheck] [--master local[2]]
"""

import argparse
import glob
import json
import os
import shlex
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The original fixtures (never PolNeAR or seed text: those are for evaluation only).
ARTICLES = ["tests/fixtures/*.txt", "tests/consistency/fixtures/*.txt"]
PARTITIONS = 4


def main() -> int:
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(target, "release", "quotecheck"), help="the quotecheck binary")
    ap.add_argument("--master", default="local[2]")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        print(f"spark_check: no quotecheck binary at {binary} (run cargo build --release)", file=sys.stderr)
        return 1
    os.chdir(ROOT)
    paths = sorted(p for pattern in ARTICLES for p in glob.glob(pattern))
    if not paths:
        print("spark_check: no articles found", file=sys.stderr)
        return 1
    records = []
    for p in paths:
        with open(p, "rb") as f:
            # bytes as they are (no newline translation), so offsets match the file's
            records.append(json.dumps({"id": p, "text": f.read().decode("utf-8")}, ensure_ascii=False))

    # The direct run: the files on the command line; --exit-zero because articles with
    # error findings are expected, while an unreadable input still exits 2.
    direct = subprocess.run([binary, "check", "--format", "jsonl", "--exit-zero", *paths], capture_output=True, text=True)
    if direct.returncode != 0:
        print(f"spark_check: the direct run failed (exit {direct.returncode}):\n{direct.stderr}", file=sys.stderr)
        return 1
    expected = [json.loads(line) for line in direct.stdout.splitlines()]

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark import SparkConf, SparkContext

    started = time.monotonic()
    conf = (
        SparkConf()
        .setMaster(args.master)
        .setAppName("quotecheck-spark-check")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        # Each partition runs one quotecheck process; Spark supplies the parallelism, so one
        # job each. checkCode: a bad record (exit 2) fails the task; findings do not.
        command = " ".join(shlex.quote(a) for a in [binary, "check", "--input-format", "jsonl", "--format", "jsonl", "--exit-zero", "--jobs", "1", "-"])
        lines = sc.parallelize(records, PARTITIONS).pipe(command, checkCode=True).collect()
    finally:
        sc.stop()
    spark_seconds = time.monotonic() - started

    got = [json.loads(line) for line in lines]
    problems = []
    if len(got) != len(records):
        problems.append(f"{len(records)} records in, {len(got)} result lines out")
    want_ids = [d["path"] for d in expected]
    got_ids = [d.get("path", d.get("id")) for d in got]
    if want_ids != paths:
        problems.append("the direct run's paths are not the files given, in order")
    if got_ids != paths:
        problems.append("the Spark results are not in the order of the records")
    failed = [d for d in got if "error" in d]
    for d in failed:
        problems.append(f"record {d.get('id')!r} failed: {d['error']}")
    by_id = {d["path"]: d for d in got if "path" in d}
    for doc in expected:
        if by_id.get(doc["path"]) != doc:
            problems.append(f"{doc['path']}: the Spark result differs from the direct run")
    quotes = sum(len(d["quotes"]) for d in expected)
    findings = sum(len(d["findings"]) for d in expected)
    if problems:
        print("spark_check: MISMATCH", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print(
        f"spark_check: {len(records)} articles in {PARTITIONS} partitions on {args.master}: "
        f"{quotes} quotes, {findings} findings, identical to the direct run "
        f"(Spark job {spark_seconds:.1f} s incl. startup)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
