#!/usr/bin/env python3
"""Fills a database made by `bikepdca init` for the assignment benchmark: ZONES zones (half districts, half
routes) and POINTS enforcement records with a position and no zone.

Zones lie at random over Honshu-sized land (33–37° N, 132–140° E), as the 1,887 national ones do:
districts are 24-sided polygons of 150–800 m radius, a third of them with a hole; routes are 8–15-vertex
polylines 1–4 km long with a 30 m buffer. Half the points fall within 1 km of a zone centre (where enforcement
happens), half anywhere in the region.

Usage: assign_make_db.py DB [POINTS] [ZONES]
"""
import json
import math
import random
import sqlite3
import sys

db_path = sys.argv[1]
points = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
zone_count = int(sys.argv[3]) if len(sys.argv) > 3 else 2_000
rng = random.Random(20260401)
M_LAT = 1 / 111_000.0


def m_lon(lat):
    return 1 / (111_000.0 * math.cos(math.radians(lat)))


def ring(lat, lon, radius, sides=24, jitter=0.25):
    coords = []
    for k in range(sides):
        angle = 2 * math.pi * k / sides
        r = radius * (1 - jitter / 2 + jitter * rng.random())
        coords.append([lon + r * math.cos(angle) * m_lon(lat), lat + r * math.sin(angle) * M_LAT])
    coords.append(coords[0])
    return coords


db = sqlite3.connect(db_path)
db.execute("INSERT INTO import_log (dataset, file_name, sha256, encoding, mode, rows_accepted, rows_rejected, "
           "rows_replaced, imported_at) VALUES ('enforcement', 'bench', 'bench', NULL, 'records', 0, 0, 0, 'now')")
import_id = db.execute("SELECT MAX(id) FROM import_log").fetchone()[0]
centres = []
zones = []
for index in range(zone_count):
    lat = rng.uniform(33, 37)
    lon = rng.uniform(132, 140)
    centres.append((lat, lon))
    if index % 2 == 0:
        radius = rng.uniform(150, 800)
        rings = [ring(lat, lon, radius)]
        if index % 6 == 0:
            rings.append(ring(lat, lon, radius * 0.3, sides=12, jitter=0))
        geometry = {"type": "Polygon", "coordinates": rings}
        kind, buffer = "district", None
    else:
        vertices = rng.randint(8, 15)
        length = rng.uniform(1000, 4000)
        step = length / (vertices - 1)
        heading = rng.uniform(0, 2 * math.pi)
        x = y = 0.0
        line = []
        for _ in range(vertices):
            line.append([lon + x * m_lon(lat), lat + y * M_LAT])
            heading += rng.uniform(-0.5, 0.5)
            x += step * math.cos(heading)
            y += step * math.sin(heading)
        geometry = {"type": "LineString", "coordinates": line}
        kind, buffer = "route", 30.0
    flat = [c for part in (geometry["coordinates"] if kind == "district" else [geometry["coordinates"]]) for c in part]
    lons = [c[0] for c in flat]
    lats = [c[1] for c in flat]
    zones.append((f"Z{index:04d}", kind, "52101", f"zone {index}", "2024-04-01", json.dumps(geometry, separators=(",", ":")),
                  buffer, min(lats), min(lons), max(lats), max(lons), import_id, index + 1))
db.executemany("INSERT INTO zones (id, kind, station_id, name, designated_from, geometry, buffer_m, min_lat, "
               "min_lon, max_lat, max_lon, import_id, source_line) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", zones)


def records():
    for index in range(points):
        if index % 2 == 0:
            lat0, lon0 = centres[rng.randrange(zone_count)]
            distance = 1000 * math.sqrt(rng.random())
            angle = rng.uniform(0, 2 * math.pi)
            lat = lat0 + distance * math.sin(angle) * M_LAT
            lon = lon0 + distance * math.cos(angle) * m_lon(lat0)
        else:
            lat = rng.uniform(33, 37)
            lon = rng.uniform(132, 140)
        yield (f"B{index:07d}", "2025-05-10", "52101", "traffic", lat, lon, "signal", "warning", "bicycle", import_id,
               index + 2)


db.executemany("INSERT INTO enforcement (record_id, date, station_id, department, latitude, longitude, violation, "
               "outcome, vehicle, import_id, source_line) VALUES (?,?,?,?,?,?,?,?,?,?,?)", records())
db.commit()
print(f"{db_path}: {zone_count} zones, {points} points", file=sys.stderr)
