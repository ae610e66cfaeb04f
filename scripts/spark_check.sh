#!/usr/bin/env bash
# Runs scripts/spark_check.py (quotecheck through a local-mode Spark job, compared with a
# direct run) with the release binary. Installs PySpark from PyPI when it is missing; skips,
# saying so, only when that install fails for lack of a network. Needs Java 17 or later.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${CARGO_TARGET_DIR:-target}/release/quotecheck"
if [ ! -x "$bin" ]; then
  echo "spark_check: $bin is missing: run cargo build --release first" >&2
  exit 1
fi
if ! command -v java > /dev/null; then
  echo "spark_check: Spark needs Java (17 or later) on the PATH" >&2
  exit 1
fi

if ! python3 -c "import pyspark" 2> /dev/null; then
  log=$(mktemp)
  if ! python3 -m pip install --quiet pyspark > "$log" 2>&1; then
    cat "$log" >&2
    if grep -Eqi "NewConnectionError|ConnectTimeout|ReadTimeout|Max retries exceeded|Temporary failure in name resolution|Name or service not known|Network is unreachable|Connection refused|ProxyError|Could not fetch URL" "$log"; then
      echo "spark_check: SKIPPED: pip could not reach the package index to install pyspark" >&2
      rm -f "$log"
      exit 0
    fi
    echo "spark_check: pip install pyspark failed (not a network problem, see above)" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
fi

exec python3 scripts/spark_check.py --bin "$bin" "$@"
