#!/usr/bin/env bash
# Check Accord's exports with the programs that consume them, not with our own parsers:
#   - the TimelineJS JSON is rendered by TimelineJS3 (npm @knight-lab/timelinejs) in headless Chromium;
#   - each SVG figure (timeline, graph, map, overview) is opened as a page by headless Chromium;
#   - the GEXF is read by networkx, whose counts must match what `accord export` says it wrote.
# Screenshots and the files checked are left in the output folder. Exit 0 only if every check
# passed; 1 if one failed; 2 if (outside CI) a tool was missing and its checks were skipped.
# Under CI=true a missing tool is a failure.
#
# Usage: tools/consumers/check.sh [--out DIR] [--no-controls] [FOLDER...]
#   FOLDER        folders of articles to export (default: seeds)
#   --out DIR     where screenshots and exports go (default: target/consumers)
#   --no-controls skip the negative controls (broken inputs that each check must reject)
# Environment:
#   ACCORD_BIN      an accord binary to use instead of `cargo build --release`
#   ACCORD_NOTEBOOK the notebook to export with (default: none, so your own reviews do not count)
#   CHROMIUM        the Chromium to use (default: chromium from PATH, installed with apt if missing)
#   CONSUMERS_CACHE where TimelineJS and the Python venv are installed (default: tools/consumers/.cache)
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CACHE="${CONSUMERS_CACHE:-$HERE/.cache}"
OUT="$ROOT/target/consumers"
CONTROLS=1
FOLDERS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --out) OUT="$2"; shift 2 ;;
        --out=*) OUT="${1#--out=}"; shift ;;
        --no-controls) CONTROLS=0; shift ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "check.sh: unknown option $1" >&2; exit 64 ;;
        *) FOLDERS+=("$1"); shift ;;
    esac
done
[ ${#FOLDERS[@]} -gt 0 ] || FOLDERS=("$ROOT/seeds")
mkdir -p "$OUT" && OUT="$(cd "$OUT" && pwd)"
CI_MODE=0
[ "${CI:-}" = "true" ] && CI_MODE=1

RESULTS=()   # "STATUS|where|what"
record() { RESULTS+=("$1|$2|$3"); }
say() { printf '\n== %s\n' "$*"; }

# A tool that cannot be had: a failure under CI, a skip elsewhere.
missing() {
    local what="$1" why="$2"
    if [ $CI_MODE = 1 ]; then
        echo "FAIL: $what is missing ($why); under CI=true a missing tool fails" >&2
        record FAIL tools "$what missing: $why"
    else
        echo "SKIP: $what is missing ($why); its checks are skipped (under CI=true this fails)" >&2
        record SKIP tools "$what missing: $why"
    fi
}

WORK="$(mktemp -d "${TMPDIR:-/tmp}/accord-consumers.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# ------------------------------------------------------------------ tools

say "tools"
# accord
if [ -n "${ACCORD_BIN:-}" ]; then
    ACCORD="$ACCORD_BIN"
else
    TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
    case "$TARGET" in /*) ;; *) TARGET="$ROOT/$TARGET" ;; esac
    echo "building accord (cargo build --release --bin accord, target $TARGET)"
    if ! (cd "$ROOT" && cargo build --release --bin accord) >"$WORK/build.log" 2>&1; then
        tail -30 "$WORK/build.log"
        echo "FAIL: cargo build failed" >&2
        exit 1
    fi
    ACCORD="$TARGET/release/accord"
fi
if [ ! -x "$ACCORD" ]; then
    echo "FAIL: no accord binary at $ACCORD" >&2
    exit 1
fi
echo "accord: $ACCORD ($("$ACCORD" --version 2>/dev/null || echo 'version unknown'))"

# Chromium (Debian's package)
CHROME="${CHROMIUM:-}"
if [ -z "$CHROME" ]; then
    CHROME="$(command -v chromium || command -v chromium-browser || true)"
fi
# and fonts for its pages: Latin (Liberation) and Chinese (Droid Sans Fallback), else labels are boxes
APT_WANT=()
[ -n "$CHROME" ] || APT_WANT+=(chromium)
[ -d /usr/share/fonts/truetype/liberation ] || APT_WANT+=(fonts-liberation)
[ -n "$(fc-list :lang=zh 2>/dev/null | head -1)" ] || APT_WANT+=(fonts-droid-fallback)
if [ ${#APT_WANT[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian's ${APT_WANT[*]} (apt-get install -y --no-install-recommends)"
    if ! apt-get install -y --no-install-recommends "${APT_WANT[@]}" >"$WORK/apt.log" 2>&1; then
        apt-get update >>"$WORK/apt.log" 2>&1
        apt-get install -y --no-install-recommends "${APT_WANT[@]}" >>"$WORK/apt.log" 2>&1 || tail -5 "$WORK/apt.log"
    fi
    [ -n "$CHROME" ] || CHROME="$(command -v chromium || true)"
fi
if [ -n "$CHROME" ] && ! [ -x "$(command -v "$CHROME" || true)" ]; then
    missing chromium "$CHROME is not an executable"
    CHROME=""
elif [ -n "$CHROME" ]; then
    echo "chromium: $CHROME ($("$CHROME" --version 2>/dev/null))"
else
    missing chromium "not on PATH and could not be installed with apt-get"
fi

# TimelineJS from npm, pinned by package-lock.json, installed into the cache
TLJS=""
if command -v npm >/dev/null; then
    mkdir -p "$CACHE/npm"
    if ! cmp -s "$HERE/package-lock.json" "$CACHE/npm/package-lock.json" \
        || [ ! -f "$CACHE/npm/node_modules/@knight-lab/timelinejs/dist/js/timeline.js" ]; then
        echo "installing TimelineJS (npm ci in $CACHE/npm)"
        cp "$HERE/package.json" "$HERE/package-lock.json" "$CACHE/npm/"
        if ! (cd "$CACHE/npm" && npm ci --no-audit --no-fund) >"$WORK/npm.log" 2>&1; then
            tail -20 "$WORK/npm.log"
            rm -f "$CACHE/npm/package-lock.json"
        fi
    fi
    if [ -f "$CACHE/npm/node_modules/@knight-lab/timelinejs/dist/js/timeline.js" ]; then
        TLJS="$CACHE/npm/node_modules/@knight-lab/timelinejs"
        echo "TimelineJS: $(sed -n 's/^ *"version": "\(.*\)",*$/\1/p' "$TLJS/package.json" | head -1) ($TLJS)"
    else
        missing TimelineJS "npm ci of @knight-lab/timelinejs failed"
    fi
else
    missing npm "no npm on PATH to install TimelineJS"
fi

# Python venv with networkx and Pillow
PY=""
VENV="$CACHE/venv"
if [ ! -x "$VENV/bin/python" ] || ! cmp -s "$HERE/requirements.txt" "$VENV/requirements.txt"; then
    echo "installing networkx and Pillow (python3 -m venv $VENV; pip install -r requirements.txt)"
    rm -rf "$VENV"
    if python3 -m venv "$VENV" >"$WORK/venv.log" 2>&1 \
        && "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$HERE/requirements.txt" >>"$WORK/venv.log" 2>&1; then
        cp "$HERE/requirements.txt" "$VENV/requirements.txt"
    else
        tail -20 "$WORK/venv.log"
    fi
fi
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" "$HERE/consumers.py" versions; then
    PY="$VENV/bin/python"
else
    missing "python venv (networkx, Pillow)" "python3 -m venv or pip install failed"
fi

# ------------------------------------------------------------------ checks

# run_check WHERE WHAT command...: run one consumer check, keep its output, record the result.
run_check() {
    local where="$1" what="$2"
    shift 2
    local log="$WORK/check.$RANDOM.log"
    "$@" >"$log" 2>&1
    local rc=$?
    sed 's/^/  /' "$log"
    if [ $rc = 0 ]; then record PASS "$where" "$what"; else record FAIL "$where" "$what"; fi
    return $rc
}

# export_one WHERE LOG accord-args...: run accord, keep what it said; a failure is recorded.
export_one() {
    local where="$1" log="$2"
    shift 2
    if "$ACCORD" "$@" --notebook "$NOTEBOOK" >"$log" 2>&1; then
        return 0
    fi
    sed 's/^/  /' "$log"
    record FAIL "$where" "accord $1 ${*:2}"
    return 1
}

NOTEBOOK="${ACCORD_NOTEBOOK:-$WORK/no-notebook.ron}"   # absent: exports without reviews, read only
FIRST_DIR=""

for folder in "${FOLDERS[@]}"; do
    if [ ! -d "$folder" ] && [ -d "$ROOT/$folder" ]; then folder="$ROOT/$folder"; fi
    if [ ! -d "$folder" ]; then
        record FAIL "$folder" "no such folder"
        continue
    fi
    folder="$(cd "$folder" && pwd)"
    rel="${folder#"$ROOT"/}"
    slug="$(printf '%s' "$rel" | sed 's#^/##; s#[^A-Za-z0-9._-]#_#g')"
    dir="$OUT/$slug"
    rm -rf "$dir" && mkdir -p "$dir"
    [ -n "$FIRST_DIR" ] || FIRST_DIR="$dir"
    say "$rel -> $dir"

    export_one "$slug" "$dir/timeline.export.txt" export "$folder" --format timelinejs --output "$dir/timeline.json"
    export_one "$slug" "$dir/graph.export.txt" export "$folder" --format gexf --output "$dir/graph.gexf"
    export_one "$slug" "$dir/graph.graphml.export.txt" export "$folder" --format graphml --output "$dir/graph.graphml"
    for view in timeline graph map overview; do
        export_one "$slug" "$dir/figure-$view.export.txt" figure "$folder" --view "$view" --output "$dir/figure-$view.svg"
    done
    for f in "$dir"/*.export.txt; do
        printf '  accord %-28s %s\n' "$(basename "$f" .export.txt):" "$(grep -m1 '^Contains:' "$f" || echo '(no summary)')"
    done

    if [ -f "$dir/timeline.json" ] && [ -n "$CHROME" ] && [ -n "$TLJS" ] && [ -n "$PY" ]; then
        echo "-- TimelineJS"
        run_check "$slug" "TimelineJS renders timeline.json" \
            "$PY" "$HERE/consumers.py" timeline --json "$dir/timeline.json" --summary "$dir/timeline.export.txt" \
            --timelinejs "$TLJS" --chromium "$CHROME" --out-dir "$dir/screenshots" --name timelinejs
    fi
    if [ -f "$dir/graph.gexf" ] && [ -n "$PY" ]; then
        echo "-- networkx"
        run_check "$slug" "networkx reads graph.gexf with accord's counts" \
            "$PY" "$HERE/consumers.py" gexf --gexf "$dir/graph.gexf" --graphml "$dir/graph.graphml" \
            --summary "$dir/graph.export.txt" --name graph.gexf
    fi
    for view in timeline graph map overview; do
        if [ -f "$dir/figure-$view.svg" ] && [ -n "$CHROME" ] && [ -n "$PY" ]; then
            echo "-- Chromium: figure-$view.svg"
            run_check "$slug" "Chromium shows figure-$view.svg" \
                "$PY" "$HERE/consumers.py" svg --svg "$dir/figure-$view.svg" --chromium "$CHROME" \
                --out-dir "$dir/screenshots" --name "figure-$view"
        fi
    done
done

# ------------------------------------------------------------------ negative controls
# Each check must reject a broken input; one that passes is blind, and that is a failure.

expect_fail() {
    local what="$1"
    shift
    local log="$WORK/control.$RANDOM.log"
    "$@" >"$log" 2>&1
    local rc=$?
    if [ $rc != 0 ]; then
        echo "  rejected, as it must be: $what"
        grep -m2 '^FAIL' "$log" | sed 's/^/      /'
        record PASS controls "rejects $what"
    else
        echo "  NOT rejected: $what"
        sed 's/^/      /' "$log"
        record FAIL controls "the check accepted $what"
    fi
}

if [ $CONTROLS = 1 ] && [ -n "$FIRST_DIR" ] && [ -n "$PY" ]; then
    say "negative controls (broken copies of $FIRST_DIR's exports)"
    neg="$OUT/negative-controls"
    rm -rf "$neg" && mkdir -p "$neg"
    if [ -f "$FIRST_DIR/timeline.json" ] && [ -n "$CHROME" ] && [ -n "$TLJS" ]; then
        size=$(wc -c <"$FIRST_DIR/timeline.json")
        head -c $((size / 2)) "$FIRST_DIR/timeline.json" >"$neg/truncated.json"
        "$PY" - "$FIRST_DIR/timeline.json" "$neg" <<'EOF'
import json, sys
src, out = sys.argv[1], sys.argv[2]
d = json.load(open(src, encoding="utf-8"))
d["events"][0].pop("start_date", None)          # TimelineJS silently skips such an event
json.dump(d, open(out + "/undated-event.json", "w"))
d = json.load(open(src, encoding="utf-8"))
d["events"][0]["start_date"]["year"] = "twenty"  # TimelineJS refuses the whole file
json.dump(d, open(out + "/bad-year.json", "w"))
EOF
        for bad in truncated undated-event bad-year; do
            expect_fail "TimelineJS JSON $bad.json" \
                "$PY" "$HERE/consumers.py" timeline --json "$neg/$bad.json" --summary "$FIRST_DIR/timeline.export.txt" \
                --timelinejs "$TLJS" --chromium "$CHROME" --out-dir "$neg" --name "timelinejs-$bad"
        done
    fi
    if [ -f "$FIRST_DIR/figure-map.svg" ] && [ -n "$CHROME" ]; then
        sed '$d' "$FIRST_DIR/figure-map.svg" | grep -v '</svg>' >"$neg/unclosed.svg"
        sed '0,/<text/s//<text>R\&D<\/text><text/' "$FIRST_DIR/figure-map.svg" >"$neg/bare-ampersand.svg"
        printf '<svg xmlns="http://www.w3.org/2000/svg" width="960" height="640"><rect width="960" height="640" fill="#fff"/></svg>\n' >"$neg/blank.svg"
        for bad in unclosed bare-ampersand blank; do
            expect_fail "SVG $bad.svg" \
                "$PY" "$HERE/consumers.py" svg --svg "$neg/$bad.svg" --chromium "$CHROME" --out-dir "$neg" --name "svg-$bad"
        done
    fi
    if [ -f "$FIRST_DIR/graph.gexf" ]; then
        sed 's#</edges>#<edge id="control" source="n0" target="n1"/></edges>#' "$FIRST_DIR/graph.gexf" >"$neg/extra-edge.gexf"
        sed '0,/<\/node>/s//<\/node><node id="x"/' "$FIRST_DIR/graph.gexf" >"$neg/malformed.gexf"
        for bad in extra-edge malformed; do
            expect_fail "GEXF $bad.gexf" \
                "$PY" "$HERE/consumers.py" gexf --gexf "$neg/$bad.gexf" --summary "$FIRST_DIR/graph.export.txt" --name "$bad.gexf"
        done
    fi
fi

# ------------------------------------------------------------------ summary

say "summary"
pass=0 fail=0 skip=0
for r in "${RESULTS[@]}"; do
    IFS='|' read -r status where what <<<"$r"
    printf '%-4s  %-40s %s\n' "$status" "$where" "$what"
    case "$status" in PASS) pass=$((pass + 1)) ;; FAIL) fail=$((fail + 1)) ;; SKIP) skip=$((skip + 1)) ;; esac
done
echo
echo "screenshots and exports: $OUT"
echo "consumers: $pass passed, $fail failed, $skip skipped"
if [ $fail -gt 0 ]; then exit 1; fi
if [ $skip -gt 0 ]; then echo "some checks were skipped for a missing tool: not a pass" >&2; exit 2; fi
if [ $pass = 0 ]; then echo "no check ran" >&2; exit 1; fi
exit 0
