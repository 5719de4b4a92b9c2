#!/bin/sh
# Regenerates the README's picture (examples/witkoff.png) from the seeds with the current
# extractor: a fresh store in a temporary directory, then `kg export --focus`. Run it after a
# change to extraction or pictures; `--check` only says whether the picture is stale (exit 1).
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet
kg="${CARGO_TARGET_DIR:-target}/release/kg"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$kg" --store "$tmp/store" ingest -q seeds
"$kg" --store "$tmp/store" export --focus "Steve Witkoff" --depth 1 -o "$tmp/witkoff.dot"
"$kg" --store "$tmp/store" export --focus "Steve Witkoff" --depth 1 -o "$tmp/witkoff.png"
# The DOT text is compared (PNG bytes depend on the Graphviz build); it is kept beside the picture.
if [ "${1:-}" = "--check" ]; then
    if cmp -s "$tmp/witkoff.dot" examples/witkoff.dot; then
        echo "examples/witkoff.png is up to date"
    else
        echo "examples/witkoff.png is stale: run scripts/readme-picture.sh" >&2
        exit 1
    fi
else
    cp "$tmp/witkoff.dot" examples/witkoff.dot
    cp "$tmp/witkoff.png" examples/witkoff.png
    echo "wrote examples/witkoff.png and examples/witkoff.dot"
fi
