#!/usr/bin/env python3
"""Checks Accord's gazetteer files: assets/gazetteer/admin.tsv and assets/gazetteer/zones.tsv.

Prints row counts per level and kind, every pinyin shared by more than one administrative unit
(Lishui = 溧水区 and 丽水市, the Gulou districts, the two Taizhous ...), zone names/aliases that
equal an administrative unit's English name, and checks the files: header and column count,
unique adcodes and keys, admin rows sorted by adcode, known kinds and levels, every parent
present in admin.tsv (and of a higher level), every row with a point inside China's extent,
no empty pinyin or English name. Standard library only. Run from anywhere:

    python3 tools/gazetteer/check.py

Exit status 0 when every check passes, 1 otherwise (collisions are reported, not failures).
"""

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
ADMIN = ROOT / "assets" / "gazetteer" / "admin.tsv"
ZONES = ROOT / "assets" / "gazetteer" / "zones.tsv"

# Units make_admin.py leaves without a parent (its GOVERNED_APART): Kinmen.
GOVERNED_APART = {"350527"}
ADMIN_COLUMNS = ["adcode", "name_zh", "pinyin", "kind", "level", "parent", "lon", "lat", "aliases"]
ZONE_COLUMNS = ["key", "name_en", "aliases", "name_zh", "kind", "parent", "lon", "lat"]
KINDS_BY_LEVEL = {
    "province": {"province", "municipality", "autonomous region", "SAR"},
    "prefecture": {"prefecture city", "autonomous prefecture", "prefecture", "league", "other"},
    "county": {"district", "county", "county-level city", "autonomous county", "banner",
               "autonomous banner", "forestry district", "special district", "other"},
}
ZONE_KINDS = {"new area", "development zone", "demonstration zone", "free trade zone", "economic region", "compass region", "corps"}
LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}
# China's extent, generously: Hainan's southern islands to Mohe, Pamirs to the Wusuli.
LON_RANGE, LAT_RANGE = (73.0, 136.0), (3.0, 54.0)

problems = []


def problem(msg):
    problems.append(msg)


def read(path, columns, comments):
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    else:
        problem(f"{path.name}: no newline at end of file")
    header_seen = False
    for n, line in enumerate(lines, 1):
        if comments and (line.startswith("#") or not line.strip()):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if cells != columns:
                problem(f"{path.name}:{n}: header {cells} != {columns}")
            continue
        if len(cells) != len(columns):
            problem(f"{path.name}:{n}: {len(cells)} columns, expected {len(columns)}")
            continue
        if any(c != c.strip() for c in cells):
            problem(f"{path.name}:{n}: a cell has surrounding spaces")
        rows.append((n, dict(zip(columns, cells))))
    return rows


def check_point(where, lon, lat):
    try:
        x, y = float(lon), float(lat)
    except ValueError:
        problem(f"{where}: no coordinates ({lon!r}, {lat!r})")
        return
    if not (LON_RANGE[0] <= x <= LON_RANGE[1] and LAT_RANGE[0] <= y <= LAT_RANGE[1]):
        problem(f"{where}: point {x}, {y} outside China")


def main():
    admin = read(ADMIN, ADMIN_COLUMNS, comments=False)
    zones = read(ZONES, ZONE_COLUMNS, comments=True)

    # --- admin.tsv ---
    by_code = {}
    previous = ""
    for n, r in admin:
        code = r["adcode"]
        where = f"admin.tsv:{n} {code} {r['name_zh']}"
        if len(code) != 6 or not code.isdigit():
            problem(f"{where}: adcode is not 6 digits")
        if code in by_code:
            problem(f"{where}: duplicate adcode")
        if code <= previous:
            problem(f"{where}: not sorted by adcode")
        previous = code
        by_code[code] = r
        if not r["name_zh"]:
            problem(f"{where}: empty name_zh")
        if not r["pinyin"]:
            problem(f"{where}: empty pinyin")
        if r["level"] not in KINDS_BY_LEVEL:
            problem(f"{where}: unknown level {r['level']!r}")
        elif r["kind"] not in KINDS_BY_LEVEL[r["level"]]:
            problem(f"{where}: kind {r['kind']!r} not allowed at level {r['level']}")
        check_point(where, r["lon"], r["lat"])
        if any(a != a.strip() or not a for a in r["aliases"].split("|")) and r["aliases"]:
            problem(f"{where}: empty or padded alias in {r['aliases']!r}")
    for n, r in admin:
        where = f"admin.tsv:{n} {r['adcode']} {r['name_zh']}"
        parent = r["parent"]
        if r["level"] == "province":
            if parent:
                problem(f"{where}: a province with parent {parent}")
        elif not parent and r["adcode"] in GOVERNED_APART:
            pass  # governed apart from the division its code files it under (make_admin.py)
        elif parent not in by_code:
            problem(f"{where}: parent {parent!r} not in admin.tsv")
        elif LEVEL_RANK.get(by_code[parent]["level"], 9) >= LEVEL_RANK.get(r["level"], 0):
            problem(f"{where}: parent {parent} is not of a higher level")
        elif parent[:2] != r["adcode"][:2]:
            problem(f"{where}: parent {parent} in another province")

    # --- zones.tsv ---
    keys = set()
    cross_province = []
    for n, r in zones:
        where = f"zones.tsv:{n} {r['key']}"
        key = r["key"]
        if not key or not key.isascii() or key != key.lower() or " " in key:
            problem(f"{where}: key must be lower-case ascii without spaces")
        if key in keys:
            problem(f"{where}: duplicate key")
        keys.add(key)
        if not r["name_en"]:
            problem(f"{where}: empty name_en")
        if not r["name_zh"]:
            problem(f"{where}: empty name_zh")
        if r["kind"] not in ZONE_KINDS:
            problem(f"{where}: unknown kind {r['kind']!r}")
        if r["parent"] and r["parent"] not in by_code:
            problem(f"{where}: parent {r['parent']!r} not in admin.tsv")
        if not r["parent"] and r["kind"] not in ("economic region", "compass region"):
            cross_province.append(f"{r['key']}")
        check_point(where, r["lon"], r["lat"])

    # --- Counts ---
    print(f"admin.tsv: {len(admin)} rows")
    levels = Counter(r["level"] for _, r in admin)
    kinds = Counter((r["level"], r["kind"]) for _, r in admin)
    for level in ("province", "prefecture", "county"):
        detail = ", ".join(f"{k} {v}" for (lv, k), v in sorted(kinds.items(), key=lambda kv: -kv[1]) if lv == level)
        print(f"  {level:<10} {levels[level]:>5}  ({detail})")
    print(f"zones.tsv: {len(zones)} rows")
    for kind, count in sorted(Counter(r["kind"] for _, r in zones).items(), key=lambda kv: -kv[1]):
        print(f"  {kind:<18} {count:>3}")
    if cross_province:
        print(f"  zones (not economic regions) without parent, spanning provinces: {', '.join(cross_province)}")

    # --- Pinyin collisions ---
    groups = defaultdict(list)
    for _, r in admin:
        groups[r["pinyin"].lower()].append(r)
    shared = {p: rs for p, rs in groups.items() if len(rs) > 1}
    units = sum(len(rs) for rs in shared.values())
    print(f"\npinyin shared by more than one admin row: {len(shared)} pinyin, {units} rows")
    for p in sorted(shared, key=lambda p: (-len(shared[p]), p)):
        rs = shared[p]
        print(f"  {rs[0]['pinyin']} ({len(rs)}): " + ", ".join(f"{r['name_zh']} {r['adcode']}" for r in rs))

    loose = defaultdict(set)
    for p in groups:
        loose[p.replace("'", "").replace(" ", "").replace("-", "")].add(p)
    extra = {k: v for k, v in loose.items() if len(v) > 1}
    if extra:
        print(f"  and {len(extra)} more when apostrophes, spaces and hyphens are ignored: "
              + ", ".join(" / ".join(sorted(groups[p][0]["pinyin"] for p in v)) for v in extra.values()))

    # --- Zone names that equal an admin unit's English name ---
    admin_names = defaultdict(list)
    for _, r in admin:
        for name in [r["pinyin"]] + [a for a in r["aliases"].split("|") if a]:
            admin_names[name.lower()].append(f"{r['name_zh']} {r['adcode']}")
    seen_alias = {}
    clashes = []
    for _, r in zones:
        for name in [r["name_en"]] + [a for a in r["aliases"].split("|") if a]:
            if name.lower() in admin_names:
                clashes.append(f"{r['key']}: {name!r} = {', '.join(admin_names[name.lower()])}")
            other = seen_alias.get(name.lower())
            if other and other != r["key"]:
                problem(f"zones.tsv: {name!r} names both {other} and {r['key']}")
            seen_alias[name.lower()] = r["key"]
    print(f"\nzone names equal to an admin unit's name: {len(clashes)}")
    for c in clashes:
        print(f"  {c}")

    print()
    if problems:
        print(f"{len(problems)} problems:")
        for p in problems:
            print(f"  {p}")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
