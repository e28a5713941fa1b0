"""Generate the metrics benchmark data set: 10M enforcement rows and 500k accidents over 36+ months.

Writes two CSV files with DuckDB (deterministic: every value is a hash of the row number), in the store's column
layout, so the same rows can be loaded into the BikePDCA SQLite store and into DuckDB.
Usage: python3 metrics_data.py OUT_DIR [ENFORCEMENT_ROWS] [ACCIDENT_ROWS]
"""
import sys

import duckdb

out = sys.argv[1]
enforcement_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
accident_rows = int(sys.argv[3]) if len(sys.argv) > 3 else 500_000
con = duckdb.connect()
stations = [f"58{100 + i}" for i in range(1, 10)]
violations = ["phone", "signal", "lane", "stop", "no-light", "psc-rules", "side-by-side", "two-riders", "drink",
              "brakes", "sidewalk-obstruction", "other"]
con.execute(f"CREATE TEMP TABLE st AS SELECT unnest({stations}) AS s, generate_subscripts({stations}, 1) AS i")
con.execute(f"CREATE TEMP TABLE vi AS SELECT unnest({violations}) AS v, generate_subscripts({violations}, 1) AS i")
# 42 months from 2023-04-01 (1,279 days); 3 zones per station (D01, D02, R01) hold 40 % of the records.
con.execute(f"""
COPY (
  SELECT 'B' || lpad(CAST(n AS VARCHAR), 9, '0') AS record_id,
         CAST(DATE '2023-04-01' + CAST(hash(n, 1) % 1279 AS INTEGER) AS VARCHAR) AS date,
         lpad(CAST(hash(n, 2) % 24 AS VARCHAR), 2, '0') || ':' || lpad(CAST(hash(n, 3) % 60 AS VARCHAR), 2, '0') AS time,
         st.s AS station_id,
         CASE hash(n, 5) % 10 WHEN 0 THEN 'other' WHEN 1 THEN 'traffic' WHEN 2 THEN 'traffic' WHEN 3 THEN 'traffic'
              WHEN 4 THEN 'traffic' ELSE 'community' END AS department,
         CASE hash(n, 6) % 10 WHEN 0 THEN st.s || '-D01' WHEN 1 THEN st.s || '-D02' WHEN 2 THEN st.s || '-R01'
              WHEN 3 THEN st.s || '-D01' ELSE NULL END AS zone_id,
         vi.v AS violation,
         CASE WHEN vi.v = 'drink' THEN 'red' WHEN hash(n, 8) % 20 = 0 THEN 'blue' ELSE 'warning' END AS outcome
  FROM range(1, {enforcement_rows} + 1) AS r(n)
  JOIN st ON st.i = hash(n, 4) % 9 + 1
  JOIN vi ON vi.i = hash(n, 7) % 12 + 1
) TO '{out}/bench_enforcement.csv' (HEADER false)
""")
con.execute(f"""
COPY (
  SELECT 'BA' || lpad(CAST(n AS VARCHAR), 8, '0') AS record_id,
         CAST(DATE '2023-04-01' + CAST(hash(n, 11) % 1279 AS INTEGER) AS VARCHAR) AS date,
         lpad(CAST(hash(n, 12) % 24 AS VARCHAR), 2, '0') || ':00' AS time,
         st.s AS station_id,
         CASE hash(n, 14) % 10 WHEN 0 THEN st.s || '-D01' WHEN 1 THEN st.s || '-R01' ELSE NULL END AS zone_id,
         35.10 + (hash(n, 15) % 20000) / 100000.0 AS latitude,
         136.80 + (hash(n, 16) % 30000) / 100000.0 AS longitude,
         CASE hash(n, 17) % 100 WHEN 0 THEN 'fatal' ELSE CASE WHEN hash(n, 17) % 100 < 12 THEN 'serious'
              ELSE 'slight' END END AS severity
  FROM range(1, {accident_rows} + 1) AS r(n)
  JOIN st ON st.i = hash(n, 13) % 9 + 1
) TO '{out}/bench_accidents.csv' (HEADER false)
""")
print(f"wrote {enforcement_rows} enforcement and {accident_rows} accident rows to {out}")
