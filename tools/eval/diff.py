#!/usr/bin/env python3
"""Shows, document by document, where `accord extract --json` differs from gold labels.

Usage: python3 tools/eval/diff.py GOLD PRED [--only titles|published|places|events] [FILE...]

For tuning on a development set only: never run it on a held-out set (its per-document misses
must not be read until the final score).
"""
import json, sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../../shared/eval"))
import score  # noqa: E402

def main():
    args = sys.argv[1:]
    only = None
    if "--only" in args:
        i = args.index("--only"); only = args[i + 1]; del args[i:i + 2]
    gold_path, pred_path, *files = args
    if "heldout" in gold_path:
        sys.exit("refusing: per-document misses of a held-out set are not read before the final score")
    gold = json.load(open(gold_path))["documents"]
    pred = {d["file"].rsplit("/", 1)[-1]: d for d in json.load(open(pred_path))["documents"]}
    for g in gold:
        f = g["file"]
        if files and f not in files:
            continue
        p = pred.get(f) or {k: None for k in ("title", "published")} | {"places": [], "events": []}
        out = []
        if only in (None, "titles") and score.norm_title(g.get("title")) is not None \
                and score.norm_title(g["title"]) != score.norm_title(p.get("title")):
            out.append(f"  title: gold {g['title']!r}\n         pred {p.get('title')!r}")
        if only in (None, "published") and g.get("published") and g["published"] != p.get("published"):
            out.append(f"  published: gold {g['published']} pred {p.get('published')}")
        if only in (None, "places"):
            gp, pp = score.place_set(g["places"]), score.place_set(p["places"])
            if gp != pp:
                out.append(f"  places missed: {sorted(gp - pp)}\n  places extra:  {sorted(pp - gp)}")
        if only in (None, "events"):
            ge = [dict(participants=score.place_set(e["participants"]), date=score.norm_date(e.get("date")), kind=e.get("kind")) for e in g["events"]]
            pe = [dict(participants=score.place_set(e["participants"]), date=score.norm_date(e.get("date")), kind=e.get("kind")) for e in p["events"]]
            pairs = score.match_events(pe, ge)
            mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
            for i, j in pairs:
                a, b = pe[i], ge[j]
                if a["date"] != b["date"] or a["kind"] != b["kind"] or a["participants"] != b["participants"]:
                    out.append(f"  ~ {b['kind']} {b['date']} {sorted(b['participants'])}\n      pred {a['kind']} {a['date']} {sorted(a['participants'])}")
            for j, e in enumerate(g["events"]):
                if j not in mg:
                    out.append(f"  - MISSED {e.get('kind')} {e.get('date')} {e['participants']}\n      {e.get('evidence','')[:300]}")
            for i, e in enumerate(p["events"]):
                if i not in mp:
                    out.append(f"  + EXTRA {e.get('kind')} {e.get('date')} {e['participants']}\n      {str(e.get('evidence',''))[:300]}")
        if out:
            print(f"== {f}")
            print("\n".join(out))

main()
