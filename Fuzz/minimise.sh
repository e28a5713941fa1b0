#!/usr/bin/env bash
# Minimises the committed seed corpus: keeps only the seeds in Fuzz/Corpus/<target>/ that add coverage
# (libFuzzer's -merge=1), under their own names, and removes the rest. Usage: Fuzz/minimise.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(CSVFuzz DatesFuzz ProfileFuzz GeoJSONFuzz FileNameFuzz); fi
bin="$(Fuzz/build.sh "${targets[@]}")"
export SWIFT_BACKTRACE=enable=no
for target in "${targets[@]}"; do
    kept="$(mktemp -d)"
    scratch="$(mktemp -d)"
    TMPDIR="$scratch" "$bin/$target" -merge=1 "$kept" "Fuzz/Corpus/$target" >/dev/null 2>&1
    rm -rf "$scratch"
    # Merged files are named by their SHA-1; a seed stays when its content is among them.
    for seed in "Fuzz/Corpus/$target"/*; do
        [ -e "$kept/$(sha1sum "$seed" | cut -d' ' -f1)" ] || rm "$seed"
    done
    echo "$target: $(ls "Fuzz/Corpus/$target" | wc -l) seeds kept" >&2
    rm -rf "$kept"
done
