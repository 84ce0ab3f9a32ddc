#!/usr/bin/env python3
"""Reliability of the extractor's confidence: for each confidence band, how many predicted
events there are and what share of them match a gold event (score.py's matching).

Usage: python3 tools/eval/reliability.py GOLD PRED [--json]
"""
import json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../../shared/eval"))
import score  # noqa: E402

BANDS = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]

def pairs(gold_path, pred_path):
    gold = {d["file"]: d for d in json.load(open(gold_path))["documents"]}
    out = []
    for d in json.load(open(pred_path))["documents"]:
        g = gold.get(d["file"]) or gold.get(d["file"].rsplit("/", 1)[-1])
        if g is None:
            continue
        norm = lambda e: dict(participants=score.place_set(e["participants"]),
                              date=score.norm_date(e.get("date")), kind=e.get("kind"))
        pe, ge = [norm(e) for e in d["events"]], [norm(e) for e in g["events"]]
        matched = {i for i, _ in score.match_events(pe, ge)}
        out += [(e.get("confidence", 0.0), i in matched) for i, e in enumerate(d["events"])]
    return out

def main():
    gold, pred = sys.argv[1], sys.argv[2]
    rows = []
    for lo, hi in BANDS:
        inside = [ok for c, ok in pairs(gold, pred) if lo <= c < hi]
        if inside:
            rows.append({"band": f"{lo:.1f}–{min(hi, 1.0):.1f}", "events": len(inside),
                         "right": sum(inside) / len(inside)})
    if "--json" in sys.argv:
        print(json.dumps(rows))
        return
    print("| confidence | events | share right |\n|---|---|---|")
    for r in rows:
        print(f"| {r['band']} | {r['events']} | {r['right']:.2f} |")

main()
