#!/usr/bin/env bash
# Check that Accord split across a Spark cluster reads a corpus as one machine does:
#   1. installs PySpark into a virtual environment (tools/spark/.cache/venv);
#   2. builds accord --release and writes N generated articles (tools/gen_corpus.py);
#   3. runs tools/spark/job.py in local[2] mode: extraction by RDD.pipe("accord extract
#      --stdin"), events partitioned by merge key, `accord merge` per partition;
#   4. runs `accord extract FOLDER --json` and compares its corpus events with the job's
#      (tools/spark/compare.py), then checks that the comparison rejects a tampered copy.
# Exit 0 only if the events are equal; 1 if they are not or a step failed; 2 if (outside CI)
# Java, Python's venv or PyPI could not be had and the check was skipped. Under CI=true a
# missing tool is a failure. Not part of `cargo test` (it downloads PySpark and takes minutes).
#
# Usage: tools/spark/run.sh [--articles N] [--partitions P] [--keep]
#   --articles N    how many articles to generate (default 10000)
#   --partitions P  Spark partitions for extraction and merge (default 4)
#   --keep          keep the work folder (articles, outputs) and print where it is
# Environment:
#   ACCORD_BIN   an accord binary to use instead of `cargo build --release`
#   SPARK_CACHE  where the virtual environment goes (default: tools/spark/.cache)
#   SPARK_MASTER the Spark master (default local[2])
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CACHE="${SPARK_CACHE:-$HERE/.cache}"
MASTER="${SPARK_MASTER:-local[2]}"
ARTICLES=10000
PARTITIONS=4
KEEP=0
while [ $# -gt 0 ]; do
    case "$1" in
        --articles) ARTICLES="$2"; shift 2 ;;
        --partitions) PARTITIONS="$2"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 64 ;;
    esac
done

# A tool that cannot be had: a failure under CI, a skip elsewhere.
missing() {
    if [ "${CI:-}" = "true" ]; then
        echo "FAIL: $1 is missing ($2); under CI=true a missing tool fails" >&2
        exit 1
    fi
    echo "SKIP: $1 is missing ($2); the Spark check did not run (under CI=true this fails)" >&2
    exit 2
}

now() { date +%s.%N; }
seconds_since() { awk -v start="$1" -v end="$(now)" 'BEGIN { printf "%.1f", end - start }'; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/accord-spark.XXXXXX")"
if [ $KEEP = 1 ]; then
    echo "work folder: $WORK"
else
    trap 'rm -rf "$WORK"' EXIT
fi

echo "== tools"
command -v java >/dev/null 2>&1 || missing java "PySpark needs a Java runtime (17 works)"
java -version 2>&1 | head -1
command -v python3 >/dev/null 2>&1 || missing python3 "the job and the generator are Python"
VENV="$CACHE/venv"
if [ ! -x "$VENV/bin/python" ]; then
    echo "creating $VENV"
    mkdir -p "$CACHE"
    python3 -m venv "$VENV" || missing "python3 -m venv" "install python3-venv"
fi
if ! "$VENV/bin/python" -c "import pyspark" >/dev/null 2>&1; then
    echo "installing PySpark ($(cat "$HERE/requirements.txt")) into $VENV"
    "$VENV/bin/pip" install --quiet -r "$HERE/requirements.txt" \
        || missing pyspark "pip could not install it from PyPI"
fi
echo "pyspark $("$VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)')"

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
[ -x "$ACCORD" ] || { echo "FAIL: no accord binary at $ACCORD" >&2; exit 1; }

echo "== corpus"
ARTICLES_DIR="$WORK/articles"
python3 "$ROOT/tools/gen_corpus.py" "$ARTICLES" "$ARTICLES_DIR" || { echo "FAIL: gen_corpus.py" >&2; exit 1; }
# The list the job reads: every article, relative to the folder (as the folder walk finds them).
(cd "$ARTICLES_DIR" && find . -type f ! -name '.*' | sed 's|^\./||' | LC_ALL=C sort) >"$WORK/files.txt"
echo "$(wc -l <"$WORK/files.txt") files listed"

echo "== spark job ($MASTER, $PARTITIONS partitions)"
START="$(now)"
if ! "$VENV/bin/python" "$HERE/job.py" --accord "$ACCORD" --base "$ARTICLES_DIR" \
    --files "$WORK/files.txt" --output "$WORK/spark-events.jsonl" \
    --master "$MASTER" --partitions "$PARTITIONS" 2>"$WORK/spark.log"; then
    tail -40 "$WORK/spark.log"
    echo "FAIL: the Spark job failed" >&2
    exit 1
fi
SPARK_SECONDS="$(seconds_since "$START")"
grep '^spark job:' "$WORK/spark.log"

echo "== folder run (accord extract FOLDER --json)"
START="$(now)"
"$ACCORD" extract "$ARTICLES_DIR" --json >"$WORK/folder.json" || { echo "FAIL: accord extract" >&2; exit 1; }
FOLDER_SECONDS="$(seconds_since "$START")"

echo "== compare"
"$VENV/bin/python" "$HERE/compare.py" "$WORK/folder.json" "$WORK/spark-events.jsonl"
STATUS=$?
# A negative control: the comparison must notice one source dropped from a merged event.
"$VENV/bin/python" - "$WORK/spark-events.jsonl" "$WORK/tampered.jsonl" <<'EOF'
import json, sys
lines = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
for event in lines:
    if len(event["sources"]) > 1:
        event["sources"].pop()
        break
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.writelines(json.dumps(event, ensure_ascii=False) + "\n" for event in lines)
EOF
if "$VENV/bin/python" "$HERE/compare.py" "$WORK/folder.json" "$WORK/tampered.jsonl" >/dev/null; then
    echo "FAIL: the comparison did not notice a dropped source (negative control)" >&2
    STATUS=1
else
    echo "negative control: a dropped source is noticed"
fi

echo
echo "$ARTICLES articles: Spark job ($MASTER, $PARTITIONS partitions, JVM start included) ${SPARK_SECONDS} s; accord extract --json ${FOLDER_SECONDS} s"
if [ $STATUS = 0 ]; then
    echo "PASS"
else
    echo "FAIL"
fi
exit $STATUS
