#!/usr/bin/env python3
"""Accord's extraction and merge as a Spark job: the way to read a corpus too large for one
machine, with the very code `accord extract` runs on one.

    python job.py --accord BIN --base DIR --files LIST --output EVENTS.jsonl
                  [--master local[2]] [--partitions N]

1. LIST names the articles, one path relative to DIR a line; each line becomes
   `{"path": …}` for `accord extract --stdin --base DIR`, run on every partition by
   `RDD.pipe`: one extracted document per line comes back, each event with its merge key.
2. Each event is keyed by its merge key (an event without one — no year — never merges: it is
   keyed by its document, so that identical copies of the document still meet) and the events
   are partitioned by a hash of that key. Every report of one occurrence lands in one
   partition.
3. Each partition regroups its events into their documents (in document order) and runs
   `accord merge` on them: the app's own merge, in the folder run's order. Since a merge key's
   reports are all in one partition, each partition's merged events are exactly the folder
   run's events of those keys.
4. The merged events are collected into EVENTS.jsonl, one per line.

Prints counts (documents, skipped files, bad lines, events) to standard error.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
import zlib


def request_line(relative_path):
    """The `accord extract --stdin` line that names one article."""
    return json.dumps({"path": relative_path}, ensure_ascii=False)


def keyed_events(line):
    """(route, (file, id, index, event)) for each event of a document line; nothing for the
    other lines (skipped files, errors), which are counted apart."""
    record = json.loads(line)
    if "events" not in record or "id" not in record:
        return []
    out = []
    for index, event in enumerate(record["events"]):
        key = event.get("merge_key")
        route = key if key is not None else "\0document " + record["id"]
        slim = {
            name: event.get(name)
            for name in ("date", "kind", "participants", "fields", "evidence",
                         "evidence_ranges", "merge_key")
        }
        out.append((route, (record["file"], record["id"], index, slim)))
    return out


def line_kind(line):
    """'document', 'skipped' or 'error': what a line of `extract --stdin` is."""
    record = json.loads(line)
    if "skipped" in record:
        return "skipped"
    if "error" in record:
        return "error"
    return "document"


def route_partition(route):
    """A partition number for a route: the same in every worker, whatever PYTHONHASHSEED."""
    return zlib.crc32(route.encode("utf-8"))


def merge_partition(accord):
    """What each partition runs: its events as documents, through `accord merge`."""

    def merge(rows):
        documents = {}
        for _route, (file, document_id, index, event) in rows:
            documents.setdefault((file, document_id), {})[index] = event
        if not documents:
            return iter(())
        with tempfile.TemporaryDirectory(prefix="accord-merge-") as work:
            shard = os.path.join(work, "shard.jsonl")
            merged = os.path.join(work, "merged.jsonl")
            with open(shard, "w", encoding="utf-8") as out:
                for (file, document_id), events in sorted(documents.items()):
                    line = {
                        "file": file,
                        "id": document_id,
                        "events": [events[index] for index in sorted(events)],
                    }
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
            subprocess.run([accord, "merge", shard, "--output", merged], check=True,
                           stdout=subprocess.DEVNULL)
            with open(merged, encoding="utf-8") as lines:
                return iter([line.rstrip("\n") for line in lines if line.strip()])

    return merge


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accord", required=True, help="the accord binary")
    parser.add_argument("--base", required=True, help="the folder the listed paths are in")
    parser.add_argument("--files", required=True, help="the list of articles, one a line")
    parser.add_argument("--output", required=True, help="where to write the merged events")
    parser.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    parser.add_argument("--partitions", type=int, default=4,
                        help="partitions for extraction and for the merge (default 4)")
    args = parser.parse_args()

    from pyspark import SparkConf, SparkContext  # Imported late: --help works without it.

    accord = os.path.abspath(args.accord)
    base = os.path.abspath(args.base)
    conf = (
        SparkConf()
        .setMaster(args.master)
        .setAppName("accord-extract-merge")
        .set("spark.ui.showConsoleProgress", "false")
    )
    context = SparkContext(conf=conf)
    context.setLogLevel("WARN")
    started = time.monotonic()
    try:
        listed = context.textFile(os.path.abspath(args.files), minPartitions=args.partitions)
        requests = listed.filter(lambda line: line.strip()).map(request_line)
        command = " ".join(shlex.quote(part) for part in
                           [accord, "extract", "--stdin", "--base", base])
        extracted = requests.pipe(command, checkCode=True).cache()
        kinds = extracted.map(line_kind).countByValue()
        routed = extracted.flatMap(keyed_events)
        partitioned = routed.partitionBy(args.partitions, route_partition)
        merged = partitioned.mapPartitions(merge_partition(accord)).collect()
    finally:
        context.stop()
    with open(args.output, "w", encoding="utf-8") as out:
        for line in merged:
            out.write(line + "\n")
    print(
        f"spark job: {kinds.get('document', 0)} documents, {kinds.get('skipped', 0)} skipped, "
        f"{kinds.get('error', 0)} bad lines; {len(merged)} events merged in "
        f"{args.partitions} partitions; {time.monotonic() - started:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
