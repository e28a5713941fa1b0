#!/usr/bin/env python3
"""Builds a national-sized NPA 本票 file (default ≈300,000 rows, 58-column 2019 layout, CP932 as published)
by replicating the real Fukui 2019 and 2020 rows with shifted keys.

Copy k of the real rows gets the k-th NPA prefecture code (51 codes, 10…97) and, from the 52nd copy on, report
numbers shifted by 2,000 per round, so every (prefecture, station, report number) is unique; every other cell
(dates, codes, coordinates) is the real one.

Usage: npa_make_national_honhyo.py SHARED_NPA_DIR OUT.csv [ROWS]
"""
import csv
import sys
from pathlib import Path

npa = Path(sys.argv[1])
out = Path(sys.argv[2])
target = int(sys.argv[3]) if len(sys.argv) > 3 else 300_000

PREFECTURES = ["10", "11", "12", "13", "14", "20", "21", "22", "23", "24", "25", "30", "40", "41", "42", "43",
               "44", "45", "46", "47", "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59",
               "60", "61", "62", "63", "64", "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "80",
               "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "95", "96",
               "97"][:51]

rows = []
header = None
for name in ["fukui_2019_honhyo_rows.csv", "fukui_2020_honhyo_rows.csv"]:
    with open(npa / "honhyo_subset" / name, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows.extend(reader)
# Report numbers are unique per station within one file; the 2020 rows get 1,000 added so the two files do not
# collide (no station has 1,000 accidents in either year).
per_file = 1168
for index, row in enumerate(rows):
    if index >= per_file:
        row[3] = f"{int(row[3]) + 1000:04d}"

written = 0
with open(out, "w", encoding="cp932", newline="") as handle:
    handle.write(",".join(header) + "\n")
    copy = 0
    while written < target:
        prefecture = PREFECTURES[copy % len(PREFECTURES)]
        shift = 2000 * (copy // len(PREFECTURES))
        for row in rows:
            if written >= target:
                break
            shifted = list(row)
            shifted[1] = prefecture
            shifted[3] = f"{int(row[3]) + shift:04d}"
            handle.write(",".join(shifted) + "\n")
            written += 1
        copy += 1
print(f"{out}: {written} rows", file=sys.stderr)
