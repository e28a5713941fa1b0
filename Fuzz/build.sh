#!/usr/bin/env bash
# Builds the libFuzzer targets (Swift's -sanitize=fuzzer with AddressSanitizer) in .build-fuzz/, apart from the
# normal build. Prints the folder holding the binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
for product in DatesFuzz ImportersFuzz; do
    BIKEPDCA_FUZZ=1 swift build --scratch-path .build-fuzz -c release \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$product" >&2
done
BIKEPDCA_FUZZ=1 swift build --scratch-path .build-fuzz -c release --show-bin-path
