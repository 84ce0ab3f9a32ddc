#!/usr/bin/env python3
"""Whether the Spark job's merged events equal the folder run's.

    python compare.py FOLDER_RUN.json SPARK_EVENTS.jsonl

FOLDER_RUN.json is `accord extract FOLDER --json`; its `corpus_events` are compared with the
job's lines as a multiset (the partitions' order is not the folder's; each event, its
sources' order included, must be identical). Exit 0 when equal, 1 with the differences when
not, 2 when the check would prove nothing (no events, or no event with several sources).
"""

import collections
import json
import sys


def canonical(event):
    return json.dumps(event, sort_keys=True, ensure_ascii=False)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as file:
        expected = json.load(file)["corpus_events"]
    with open(sys.argv[2], encoding="utf-8") as file:
        found = [json.loads(line) for line in file if line.strip()]
    several = sum(1 for event in expected if len(event["sources"]) > 1)
    print(f"folder run: {len(expected)} events ({several} with several sources); "
          f"spark: {len(found)} events")
    if not expected or several == 0:
        print("NOT CHECKED: the folder run has no events merged across articles")
        return 2
    want = collections.Counter(canonical(event) for event in expected)
    have = collections.Counter(canonical(event) for event in found)
    if want == have:
        print("EQUAL: the Spark job's merged events are the folder run's")
        return 0
    missing = want - have
    extra = have - want
    print(f"DIFFERENT: {sum(missing.values())} events of the folder run missing, "
          f"{sum(extra.values())} not in it")
    for label, events in (("missing", missing), ("extra", extra)):
        for event in list(events)[:5]:
            print(f"  {label}: {event}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
