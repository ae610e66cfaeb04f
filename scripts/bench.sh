#!/usr/bin/env bash
# Whole-process speed and memory of the release binary (issue 6). Builds the release binary and
# the corpora (examples/bench_corpus.rs: generated from the project's own fixtures, and PolNeAR
# dev copied 1x/10x/100x when it is on this machine) under target/bench/, then times each case
# with /usr/bin/time and prints seconds, MB/s and peak RSS as a Markdown table.
#
#   scripts/bench.sh                 # everything (a few minutes on 2 cores)
#   QUICK=1 scripts/bench.sh         # skip the 50 MB cases
#   QUOTECHECK_POLNEAR=DIR scripts/bench.sh   # DIR holds data/dev/text (default /work/shared/data/polnear)
#   RUNS=N                           # runs per case, the fastest is kept (default 3; 1 for 100x and 50 MB)
#
# Every case runs `quotecheck check --format jsonl` with its output sent to /dev/null.
# hyperfine, when installed, also times the PolNeAR dev cases (mean ± sd).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
RUNS="${RUNS:-3}"
CORES="$(nproc)"
OUT="$CARGO_TARGET_DIR/bench"
BIN="$CARGO_TARGET_DIR/release/quotecheck"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

cargo build --release --locked --bin quotecheck --example bench_corpus >&2
"$CARGO_TARGET_DIR/release/examples/bench_corpus" "$OUT" >&2

POLNEAR="${QUOTECHECK_POLNEAR:-/work/shared/data/polnear}/data/dev/text"

size_of() { du -cb "$@" 2>/dev/null | tail -1 | cut -f1; }

# case NAME JOBS RUNS PATH...: the fastest of RUNS runs, the largest peak RSS
case_() {
    local name="$1" jobs="$2" runs="$3"
    shift 3
    local bytes best="" rss=0 t m
    bytes=$(size_of "$@")
    for _ in $(seq "$runs"); do
        "$TIME" -f "%e %M" -o "$OUT/time.txt" "$BIN" check --format jsonl --jobs "$jobs" "$@" >/dev/null 2>"$OUT/stderr.txt" || true
        read -r t m < <(tail -1 "$OUT/time.txt") # a failing exit adds a line before
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$t; fi
        [ "$m" -gt "$rss" ] && rss=$m
    done
    awk -v n="$name" -v j="$jobs" -v by="$bytes" -v t="$best" -v r="$rss" 'BEGIN{
        mbs = (t > 0) ? sprintf("%.1f", by / 1e6 / t) : ">" sprintf("%.0f", by / 1e6 / 0.01);
        printf "| %s | %d | %.2f | %.2f | %s | %.1f |\n", n, j, by / 1e6, t, mbs, r / 1024 }'
}

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%Y-%m-%d); runs per case: $RUNS (fastest kept)"
echo
echo "| case | jobs | MB | seconds | MB/s | peak RSS (MB) |"
echo "|---|---|---|---|---|---|"
if [ -d "$POLNEAR" ]; then
    case_ "PolNeAR dev (84 files)" 1 "$RUNS" "$POLNEAR"
    case_ "PolNeAR dev (84 files)" "$CORES" "$RUNS" "$POLNEAR"
    for x in 1 10 100; do
        r=$RUNS; [ "$x" = 100 ] && r=1
        case_ "dev ${x}x" 1 "$r" "$OUT/dev-${x}x"
        case_ "dev ${x}x" "$CORES" "$r" "$OUT/dev-${x}x"
    done
else
    echo "(PolNeAR dev not found at $POLNEAR: the generated corpus stands in for it)" >&2
fi
for x in 1 10 100; do
    r=$RUNS; [ "$x" = 100 ] && r=1
    case_ "generated ${x}x (84 articles x $x)" 1 "$r" "$OUT/gen-${x}x"
    case_ "generated ${x}x (84 articles x $x)" "$CORES" "$r" "$OUT/gen-${x}x"
done
case_ "one article, 1 KB" 1 "$RUNS" "$OUT/single-1k.txt"
case_ "one article, 1 MB" 1 "$RUNS" "$OUT/single-1m.txt"
if [ -z "${QUICK:-}" ]; then
    case_ "one article, 50 MB" 1 1 "$OUT/single-50m.txt"
    case_ "50 MB on one line" 1 1 "$OUT/oneline-50m.txt"
fi

if command -v hyperfine >/dev/null && [ -d "$POLNEAR" ]; then
    echo
    hyperfine -i --warmup 2 --style basic \
        "$BIN check --format jsonl --jobs 1 $POLNEAR" \
        "$BIN check --format jsonl --jobs $CORES $POLNEAR" 2>&1 | grep -v '^$' || true
fi
