#!/usr/bin/env bash
# Peak memory of quotecheck over a stream of records (issue 6: "flat for a 1 GB batch
# streamed through jsonl output"). Writes {"id", "text"} records of article text to
# quotecheck's stdin (`check --input-format jsonl --format jsonl -`) without storing the
# stream anywhere, for 10 MB, 100 MB and 1,000 MB of text, and prints the time, the
# throughput and the peak RSS of each run. The articles are PolNeAR dev when it is on this
# machine, else the generated corpus of examples/bench_corpus.rs, repeated with new ids.
#
#   scripts/stream_bench.sh              # 10, 100 and 1000 MB
#   SIZES="10 100" scripts/stream_bench.sh
#   JOBS=1 scripts/stream_bench.sh       # one worker thread (default: all cores)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
SIZES="${SIZES:-10 100 1000}"
JOBS="${JOBS:-$(nproc)}"
BIN="$CARGO_TARGET_DIR/release/quotecheck"
OUT="$CARGO_TARGET_DIR/bench"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release --locked --bin quotecheck --example bench_corpus >&2
"$CARGO_TARGET_DIR/release/examples/bench_corpus" "$OUT" >&2
SRC="${QUOTECHECK_POLNEAR:-/work/shared/data/polnear}/data/dev/text"
[ -d "$SRC" ] || SRC="$OUT/gen-1x"

# records MB DIR: JSON Lines records of the files of DIR, repeated until MB megabytes of text
records() {
    python3 - "$1" "$2" <<'PY'
import json, os, sys
limit = int(sys.argv[1]) * 1_000_000
root = sys.argv[2]
texts = [open(os.path.join(root, f), encoding="utf-8", errors="replace").read() for f in sorted(os.listdir(root))]
out = sys.stdout
done = n = 0
while done < limit:
    for t in texts:
        out.write(json.dumps({"id": f"r{n}", "text": t}) + "\n")
        done += len(t.encode("utf-8"))
        n += 1
        if done >= limit:
            break
PY
}

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%Y-%m-%d); articles from $SRC; $JOBS jobs"
echo
echo "| stream | records | seconds | MB/s | peak RSS (MB) |"
echo "|---|---|---|---|---|"
for mb in $SIZES; do
    records "$mb" "$SRC" | "$TIME" -f "%e %M" -o "$OUT/stream-time.txt" "$BIN" check --input-format jsonl --format jsonl --jobs "$JOBS" - \
        | wc -l > "$OUT/stream-lines.txt" || true
    read -r t m < <(tail -1 "$OUT/stream-time.txt")
    n=$(cat "$OUT/stream-lines.txt")
    awk -v mb="$mb" -v n="$n" -v t="$t" -v m="$m" 'BEGIN{ printf "| %d MB | %d | %.1f | %.1f | %.1f |\n", mb, n, t, (t > 0 ? mb / t : 0), m / 1024 }'
done
