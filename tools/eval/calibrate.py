#!/usr/bin/env python3
"""Fits the logistic calibration of event confidence (`calibrated` in src/extract/events/mod.rs).

Usage: python3 tools/eval/calibrate.py GOLD PRED [GOLD PRED ...]

Each PRED is `accord extract --json` output for the folder GOLD labels. Every predicted event is
one example: right when score.py's matching pairs it with a gold event. The features are the
ones `calibrated` reads: the logit of the confidence as output, a Chinese page (evidence in
Chinese characters), no date, a year from context, exactly three parties. The fit is done once
with each pair left out (reported: expected calibration error and AUC, before and after) and
once on all of them (the coefficients printed).

The confidence in PRED is already calibrated, so the coefficients printed recalibrate it: with
printed (a, b, c) and the current (a0, b0, c0) the new constants are a + b*a0, b*b0 and c + b*c0
(a logistic calibration of a logistic calibration is one).
"""
import json, math, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../../shared/eval"))
import score  # noqa: E402

NAMES = ["bias", "logit", "chinese", "undated", "year_from_context", "three_parties"]

def examples(gold_path, pred_path):
    gold = score.load_docs(gold_path, "gold")
    pred = score.load_docs(pred_path, "pred")
    raw = {d["file"]: d for d in json.load(open(pred_path))["documents"]}
    out = []
    for name, g in gold.items():
        events = pred.get(name, {"events": []})["events"]
        matched = {i for i, _ in score.match_events(events, g["events"])}
        for i, e in enumerate(raw.get(name, {"events": []})["events"]):
            c = min(max(e["confidence"], 0.02), 0.98)
            chinese = any("\u4e00" <= ch <= "\u9fff" for ch in e.get("evidence", ""))
            x = [1.0, math.log(c / (1 - c)), float(chinese), float(e.get("date") is None),
                 float(e.get("date_resolution") == "from context"),
                 float(len(e["participants"]) == 3)]
            out.append((x, 1.0 if i in matched else 0.0))
    return out

def fit(data, steps=3000, rate=0.5, l2=0.5):
    w = [0.0, 1.0] + [0.0] * (len(NAMES) - 2)
    for _ in range(steps):
        grad = [0.0] * len(w)
        for x, y in data:
            p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))
            for j, v in enumerate(x):
                grad[j] += (p - y) * v
        for j in range(len(w)):
            prior = 0.0 if j == 0 else (w[j] - 1 if j == 1 else w[j])
            w[j] -= rate * (grad[j] + l2 * prior) / len(data)
    return w

def prob(w, x):
    return 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))

def ece(ps, ys):
    bins = {}
    for p, y in zip(ps, ys):
        bins.setdefault(min(int(p * 10), 9), []).append((p, y))
    return sum(abs(sum(p for p, _ in b) - sum(y for _, y in b)) for b in bins.values()) / len(ps)

def auc(ps, ys):
    pos = [p for p, y in zip(ps, ys) if y]
    neg = [p for p, y in zip(ps, ys) if not y]
    wins = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg)
    return wins / max(1, len(pos) * len(neg))

def main():
    args = sys.argv[1:]
    if len(args) < 2 or len(args) % 2:
        sys.exit(__doc__)
    sets = [examples(args[i], args[i + 1]) for i in range(0, len(args), 2)]
    before, after, ys = [], [], []
    for held in range(len(sets)):
        w = fit([e for k, s in enumerate(sets) if k != held for e in s], steps=400)
        for x, y in sets[held]:
            before.append(1 / (1 + math.exp(-x[1])))
            after.append(prob(w, x))
            ys.append(y)
    print(f"events {len(ys)}, right {sum(ys):.0f}")
    print(f"each pair left out: ECE {ece(before, ys):.3f} -> {ece(after, ys):.3f}, "
          f"AUC {auc(before, ys):.3f} -> {auc(after, ys):.3f}")
    w = fit([e for s in sets for e in s])
    print("coefficients:", ", ".join(f"{n} {v:+.3f}" for n, v in zip(NAMES, w)))

if __name__ == "__main__":
    main()
