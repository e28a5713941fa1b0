#!/usr/bin/env bash
# Builds the libFuzzer targets (Swift's -sanitize=fuzzer with AddressSanitizer, optimised) in .build-fuzz/, apart
# from the normal build: the targets exist only when BIKEPDCA_FUZZ=1, so `swift build` and `swift test` never see
# them. Prints the folder holding the binaries. Usage: Fuzz/build.sh [TARGET...] (default: all four)
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(CSVFuzz DatesFuzz ProfileFuzz GeoJSONFuzz FileNameFuzz); fi
export BIKEPDCA_FUZZ=1
for product in "${targets[@]}"; do
    swift build --scratch-path .build-fuzz -c release \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$product" >&2
done
swift build --scratch-path .build-fuzz -c release --show-bin-path
