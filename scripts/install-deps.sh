#!/usr/bin/env bash
# Installs the Debian packages BikePDCA builds and runs with (idempotent; needs root or sudo).
set -euo pipefail
# chromium: the real-browser report test; fonts-noto-cjk: Japanese text in its screenshots; time: benchmarks;
# chromium-driver: the browser app's Selenium test; wrk: the browser app's load benchmark.
packages=(libcsv-dev libsqlite3-dev sqlite3 chromium fonts-noto-cjk time chromium-driver wrk)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    echo "Installing: ${missing[*]}" >&2
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Selenium (PyPI) drives chromium-driver in the browser app's test (Tests/ServerTests/browser_test.py).
python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q "selenium<4.50" >&2
