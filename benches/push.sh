#!/usr/bin/env bash
# Scale-out benchmark: the map step and the push (issue 10), measured on this machine.
#
#   benches/push.sh [--work DIR] [--kg PATH] [--extract-mb 30] [--push-mb 10] [--jobs 2]
#
#   - `kg extract --format nquads` of a make-corpus --mb 30 corpus (seed 1) with --jobs threads
#     (RAYON_NUM_THREADS): MB of text per second, and the N-Quads it prints;
#   - `kg ingest --from-nquads` of that output into a fresh store (the reduce step): seconds;
#   - `kg push` of a make-corpus --mb 10 store to an Oxigraph server started here on a free
#     loopback port (`oxigraph serve --union-default-graph`, the PyPI package oxigraph): triples
#     per second for a full push, and the seconds of a second push that finds nothing to send.
set -euo pipefail
cd "$(dirname "$0")/.."

work="${TMPDIR:-/tmp}/kg-bench-push"
kg="${CARGO_TARGET_DIR:-target}/release/kg"
extract_mb=30
push_mb=10
jobs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work="$2"; shift 2 ;;
    --kg) kg="$2"; shift 2 ;;
    --extract-mb) extract_mb="$2"; shift 2 ;;
    --push-mb) push_mb="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
make_corpus=../shared/bench/make-corpus
mkdir -p "$work"

corpus() { # MB -> directory
  local dir="$work/corpus$1"
  [ -d "$dir" ] || python3 "$make_corpus" --mb "$1" --seed 1 --out "$dir" >&2
  echo "$dir"
}
now() { date +%s.%N; }

# 1. The map step.
c30=$(corpus "$extract_mb")
bytes=$(find "$c30/" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
t0=$(now)
RAYON_NUM_THREADS=$jobs "$kg" extract --format nquads "$c30" > "$work/map.nq"
t1=$(now)
quads=$(wc -l < "$work/map.nq")
awk -v b="$bytes" -v s="$(echo "$t1 - $t0" | bc)" -v q="$quads" -v j="$jobs" 'BEGIN {
  printf "extract --format nquads: %.1f MB of text in %.1f s on %d threads: %.2f MB/s, %d quads\n", b/1e6, s, j, b/1e6/s, q }'

# 2. The reduce step.
rm -rf "$work/reduced"
t0=$(now)
"$kg" --store "$work/reduced" ingest -q --from-nquads "$work/map.nq"
t1=$(now)
echo "ingest --from-nquads (reduce): $(echo "$t1 - $t0" | bc) s"

# 3. The push, to an Oxigraph server started here.
c10=$(corpus "$push_mb")
store="$work/store$push_mb"
[ -d "$store" ] || "$kg" --store "$store" ingest -q "$c10"
oxigraph=$(command -v oxigraph || echo "$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/oxigraph")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
rm -rf "$work/oxigraph-data"
"$oxigraph" serve --location "$work/oxigraph-data" --bind "127.0.0.1:$port" --union-default-graph \
  > "$work/oxigraph.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/query?query=ASK%7B%7D" && break
  sleep 0.2
done
t0=$(now)
out=$("$kg" --store "$store" push --to "http://127.0.0.1:$port" 2>/dev/null)
t1=$(now)
echo "$out"
triples=$(echo "$out" | sed -E 's/.* ([0-9]+) triples in .*/\1/')
awk -v t="$triples" -v s="$(echo "$t1 - $t0" | bc)" 'BEGIN {
  printf "push to Oxigraph server: %d triples in %.1f s: %.0f triples/s\n", t, s, t/s }'
t0=$(now)
"$kg" --store "$store" push --to "http://127.0.0.1:$port" 2>/dev/null
t1=$(now)
echo "second push (nothing to send): $(echo "$t1 - $t0" | bc) s"
