#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 600) on its corpus; new inputs go to a scratch corpus folder, crashes
# to Fuzz/Regressions/. Usage: Fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
bin="$(Fuzz/build.sh)"
mkdir -p Fuzz/Regressions
status=0
for target in DatesFuzz ImportersFuzz; do
    corpus=Fuzz/Corpus/$target
    work=".build-fuzz/corpus/$target"
    mkdir -p "$work"
    echo "== $target: ${seconds}s" >&2
    "$bin/$target" "$work" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -artifact_prefix="Fuzz/Regressions/$target-" -print_final_stats=1 2>&1 | tail -20 || status=1
done
exit $status
