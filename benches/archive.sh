#!/usr/bin/env bash
# Archive-scale benchmark: the figures issue 9 asks for, in one run on this machine.
#
#   benches/archive.sh [--sizes "10 100"] [--work DIR] [--kg PATH] [--runs 3]
#
# Builds corpora of distinct real Reuters articles with ../shared/bench/make-corpus (seed 1), then
# measures with the release binary:
#   - `kg ingest` of each corpus into a fresh store: wall seconds, peak RSS, seconds per MB, store
#     size on disk against the text's size;
#   - on the largest store: one more article (a seed article, new to the store), a cold key lookup
#     (a whole `kg query` process looking up one person by label), every examples/*.rq, and
#     `kg export --focus` (depth 1) of the most-connected person;
#   - `kg extract` of one 4 MB and one 16 MB document (articles concatenated);
#   - `kg load` of 3M N-Triples (taken from the largest store's dump): wall and peak RSS.
# Repeated timings print the median of --runs. Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="10 100"
work="${TMPDIR:-/tmp}/kg-bench"
kg="${CARGO_TARGET_DIR:-target}/release/kg"
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --kg) kg="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
if [ ! -x "$kg" ]; then
  echo "building the release binary ($kg not found)" >&2
  cargo build --release --quiet
fi
make_corpus="../shared/bench/make-corpus"
[ -x "$make_corpus" ] || { echo "$make_corpus is missing: this benchmark needs ../shared" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install time" >&2; exit 2; }
mkdir -p "$work"

# Runs a command, prints "seconds peak_kB".
measure() { /usr/bin/time -f "%e %M" -o "$work/.time" "$@" >/dev/null 2>"$work/.stderr" || { cat "$work/.stderr" >&2; return 1; }; cat "$work/.time"; }
# Median of the first field of $runs runs of a command.
median() {
  local out=()
  for _ in $(seq "$runs"); do out+=("$(measure "$@" | cut -d' ' -f1)"); done
  printf '%s\n' "${out[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
text_bytes() { find -L "$1" -type f -printf '%s\n' | awk '{s+=$1} END {print s}'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
printf '%-34s %10s %10s %10s %12s\n' "ingest" "seconds" "peak MB" "s per MB" "store/text"
largest=""
for mb in $sizes; do
  corpus="$work/corpus$mb"
  [ -d "$corpus" ] || "$make_corpus" --mb "$mb" --seed 1 --out "$corpus" >/dev/null
  store="$work/store$mb"
  rm -rf "$store"
  read -r secs kb < <(measure "$kg" --store "$store" ingest -q "$corpus")
  bytes=$(text_bytes "$corpus")
  disk=$(du -sb "$store" | cut -f1)
  printf '%-34s %10s %10d %10.2f %12.1f\n' "$mb MB ($(find -L "$corpus" -type f | wc -l) articles)" "$secs" $((kb / 1024)) \
    "$(echo "$secs / ($bytes / 1000000)" | bc -l)" "$(echo "$disk / $bytes" | bc -l)"
  largest="$store"
done

echo
echo "on the largest store ($largest), median of $runs:"
new_article() { local i=$1; f="$work/new$i.txt"; { cat seeds/00${i}_*.txt; echo; echo "Benchmark run $(date +%s%N)."; } > "$f"; echo "$f"; }
one=()
for i in 0 1 2; do
  f=$(new_article $i)
  one+=("$(measure "$kg" --store "$largest" ingest -q "$f" | cut -d' ' -f1)")
done
printf '  %-44s %8s s\n' "one more article" "$(printf '%s\n' "${one[@]}" | sort -n | sed -n 2p)"
person=$("$kg" --store "$largest" query --format tsv \
  'SELECT ?name WHERE { ?m org:member ?p . ?p rdfs:label ?name } GROUP BY ?name ORDER BY DESC(COUNT(?m)) LIMIT 1' | sed -n 2p | sed 's/^"//; s/"$//')
printf '  %-44s %8s s\n' "cold key lookup (a kg query process)" \
  "$(median "$kg" --store "$largest" query "SELECT ?p WHERE { ?p rdfs:label \"$person\" }")"
for q in examples/*.rq; do
  printf '  %-44s %8s s\n' "$q" "$(median "$kg" --store "$largest" query -f "$q")"
done
printf '  %-44s %8s s\n' "export --focus \"$person\" --depth 1" \
  "$(median "$kg" --store "$largest" export --focus "$person" --depth 1 -o "$work/focus.dot")"

echo
echo "extract one large document:"
declare -A took
for mb in 4 16; do
  f="$work/doc$mb.txt"
  # (cat dies of SIGPIPE once head has enough: silenced.)
  [ -f "$f" ] || { find -L "$work"/corpus* -type f -print0 | sort -z | xargs -0 cat 2>/dev/null | head -c $((mb * 1000000)) > "$f"; } || true
  took[$mb]=$(median "$kg" extract --max-document-size 64M --format jsonl "$f")
  printf '  %-44s %8s s\n' "$mb MB" "${took[$mb]}"
done
printf '  %-44s %8.1fx (bar 4.5x)\n' "16 MB against 4 MB" "$(echo "${took[16]} / ${took[4]}" | bc -l)"

echo
nt="$work/3M.nt"
if [ ! -f "$nt" ] || [ "$(wc -l < "$nt")" -ne 3000000 ]; then
  # The largest store's triples (graph names dropped), then again with every subject renamed
  # (a second, distinct copy) as often as it takes to reach 3M lines: 100 MB of news holds
  # about 2.6M. head stops reading at 3M lines: the writers before it then die of SIGPIPE,
  # which pipefail would report as the benchmark's failure.
  triples="$work/triples.nt"
  "$kg" --store "$largest" dump --format nquads | sed -E 's/ <[^<>]*> \.$/ ./' > "$triples"
  { for copy in 1 2 3 4 5 6 7 8; do
      if [ "$copy" -eq 1 ]; then cat "$triples"
      else sed -E "s/^<([^>]*)>/<\1-copy$copy>/; s/^_:([^ ]*)/_:\1c$copy/" "$triples"; fi
    done | head -n 3000000 > "$nt"; } 2>/dev/null || true
  rm -f "$triples"
  [ "$(wc -l < "$nt")" -eq 3000000 ] || { echo "could not make 3M triples from $largest" >&2; exit 1; }
fi
rm -rf "$work/load-store"
read -r secs kb < <(measure "$kg" --store "$work/load-store" load "$nt")
printf 'kg load of %s N-Triples: %s s, peak %d MB\n' "$(wc -l < "$nt")" "$secs" $((kb / 1024))
