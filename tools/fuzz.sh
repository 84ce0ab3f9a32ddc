#!/bin/sh
# Runs the cargo-fuzz targets (fuzz/) for a while each, seeded with the test files.
#   tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default: 60 s, every target)
#   FUZZ_MAX_LEN=8192 tools/fuzz.sh ...   caps the input size (default 262144 bytes): the
#   `document` target extracts each input, so small inputs run many times faster.
#   FUZZ_RUNS=1000000 tools/fuzz.sh 0 pdf   runs each target that many executions instead of
#   for a time (SECONDS 0: no time limit).
#   FUZZ_SANITIZER=none tools/fuzz.sh ...   builds without the address sanitizer (faster, finds
#   only panics, aborts and timeouts; the code is safe Rust).
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). A crash or timeout
# leaves its input in fuzz/artifacts/TARGET/: make it a regression test, then fix it.
set -eu
cd "$(dirname "$0")/.."
seconds="${1:-60}"
[ $# -gt 0 ] && shift
targets="${*:-decode html document notebook mhtml docx feed pdf}"
# The output below is filtered, which would hide a missing tool: say so and stop.
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "tools/fuzz.sh: needs cargo-fuzz on the nightly toolchain (cargo install cargo-fuzz)" >&2
    exit 1
fi
for target in $targets; do
    corpus="fuzz/corpus/$target"
    mkdir -p "$corpus"
    case "$target" in
        notebook) find src tests -name '*.ron' -exec cp {} "$corpus/" \; 2>/dev/null || true ;;
        mhtml) cp tests/data/formats/*.mht tests/data/formats/*.mhtml "$corpus/" 2>/dev/null || true ;;
        docx) cp tests/data/formats/*.docx "$corpus/" 2>/dev/null || true ;;
        feed) cp tests/data/formats/*.rss tests/data/formats/*.atom tests/data/formats/*.xml \
                  "$corpus/" 2>/dev/null || true ;;
        pdf) cp tests/data/formats/*.pdf "$corpus/" 2>/dev/null || true ;;
        *) cp seeds/* "$corpus/" 2>/dev/null || true
           find tests/data -path '*articles/*' -type f | head -200 | while read -r f; do
               cp "$f" "$corpus/$(basename "$(dirname "$(dirname "$f")")")-$(basename "$f")"
           done ;;
    esac
    echo "== $target ($seconds s)"
    cargo +nightly fuzz run -s "${FUZZ_SANITIZER:-address}" "$target" "$corpus" -- \
        -max_total_time="$seconds" ${FUZZ_RUNS:+-runs="$FUZZ_RUNS"} -timeout=10 -rss_limit_mb=4096 -max_len="${FUZZ_MAX_LEN:-262144}" 2>&1 |
        grep -E "^#[0-9]+.*(DONE|pulse)|ERROR|^[Ee]rror|SUMMARY|Done [0-9]+ runs" | tail -3
done
