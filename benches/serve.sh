#!/usr/bin/env bash
# `kg serve` under load: key-lookup queries from concurrent clients, on loopback.
#
#   benches/serve.sh [--mb 10] [--clients 8] [--requests 4000] [--work DIR] [--kg PATH]
#
# Builds a corpus of distinct real Reuters articles with ../shared/bench/make-corpus (seed 1),
# ingests it into a fresh store, starts `kg serve` on a free loopback port, and runs the load
# generator benches/serve_load.rs (`cargo bench --bench serve_load`): each client, on its own
# keep-alive connection, looks up the roles of one person by label per request, REQUESTS in all.
# Prints requests/s, p50 and p99 latency. The server is stopped at the end, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

mb=10
clients=8
requests=4000
work="${TMPDIR:-/tmp}/kg-bench-serve"
kg=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --kg) kg="$2"; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/kg-target}"
make_corpus="../shared/bench/make-corpus"
[ -x "$make_corpus" ] || { echo "$make_corpus is missing: this benchmark needs ../shared" >&2; exit 2; }
mkdir -p "$work"
if [ -z "$kg" ]; then
  # A copy of our own: the target directory may be shared with other checkouts.
  cargo build --release --quiet
  kg="$work/kg"
  cp "$CARGO_TARGET_DIR/release/kg" "$kg"
fi
cargo bench --bench serve_load --no-run --quiet 2>/dev/null

corpus="$work/corpus$mb"
[ -d "$corpus" ] || "$make_corpus" --mb "$mb" --seed 1 --out "$corpus" >/dev/null
store="$work/store$mb"
if [ ! -d "$store" ]; then
  "$kg" --store "$store" ingest -q "$corpus"
fi

"$kg" --store "$store" serve --bind 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.err" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
url=""
for _ in $(seq 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "kg serve did not start:" >&2; cat "$work/serve.err" >&2; exit 1; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "store: $("$kg" --store "$store" stats --json)"
cargo bench --bench serve_load --quiet -- "$url" "$clients" "$requests"
