#!/usr/bin/env python3
"""Writes the hand-made seed inputs of the fuzz targets into Fuzz/Corpus/<target>/ (run from the package root).

The committed corpus is these seeds, minimised with libFuzzer's -merge=1 (Fuzz/minimise.sh); inputs the long runs
find stay in .build-fuzz/corpus/, which is not committed."""
import os

def cp932(text):
    return text.encode("cp932")

ENF_HEADER = "record_id,date,time,station,department,zone_id,latitude,longitude,violation,outcome,vehicle,age_band,operation_id\n"
ENF_ROWS = (
    "E0001,2025-04-01,07:45,60101,traffic,Z01,35.175,136.905,stop,warning,bicycle,20-29,OP1\n"
    "E0002,2025/4/2,8:10,中央,community,Z01,35.176,136.906,一時不停止,指導警告,自転車,u16,\n"
)
JA_HEADER = "番号,日付,時刻,署,部門,地区路線ID,違反,措置,車種\n"
JA_ROWS = "W001,令和7年4月1日,7:30,中央,交通,Z01,信号無視,指導警告,自転車\nW002,R7.4.2,08:00,港北,地域,,ながらスマホ,指導警告,\n"
ACC_HEADER = "record_id,date,time,station,zone_id,latitude,longitude,severity,bicycle_role,counterpart,deaths,injuries\n"
ACC_ROWS = "A001,2025-04-05,07:50,60101,Z01,35.175,136.905,slight,A,car,0,1\nA002,2025-04-06,18:10,60102,,35.20,136.95,fatal,B,car,1,0\n"

csv = {
    "enforcement-utf8.csv": (ENF_HEADER + ENF_ROWS).encode(),
    "enforcement-bom-crlf.csv": b"\xef\xbb\xbf" + (ENF_HEADER + ENF_ROWS).replace("\n", "\r\n").encode(),
    "enforcement-ja-headers.csv": (JA_HEADER + JA_ROWS).encode(),
    "enforcement-cp932-wareki.csv": cp932(JA_HEADER + JA_ROWS),
    "enforcement-cp932-halfwidth-kana.csv": cp932(JA_HEADER + "W003,R7.4.3,9時半,中央,交通,,ｼﾝｺﾞｳﾑｼ,ｹｲｺｸ,ｼﾞﾃﾝｼｬ\n"),
    "enforcement-errors.csv": (ENF_HEADER + "E0003,2025-02-30,25:00,99999,traffic,Z99,95,200,stop,warning,,,\n"
                               "E0004,R7/13/40,07:45,60101,,Z01,,,unknown,?,,,\n").encode(),
    "enforcement-personal-data.csv": "番号,日付,署,部門,違反,措置,氏名,住所,電話,免許証番号,生年月日\n"
                                     "P1,2025-04-01,中央,交通,stop,warning,山田 太郎,みなと市1-2-3,090-0000-0000,123456789012,1990-01-01\n".encode(),
    "enforcement-header-only.csv": ENF_HEADER.encode(),
    "enforcement-mac-cr.csv": (ENF_HEADER + ENF_ROWS).replace("\n", "\r").encode(),
    "accidents-utf8.csv": (ACC_HEADER + ACC_ROWS).encode(),
    "accidents-cp932.csv": cp932("事故番号,発生日,発生時刻,警察署,緯度,経度,事故内容,自転車当事者,死者数,負傷者数\n"
                                 "J1,令和7年4月5日,7時50分,中央,35.175,136.905,軽傷,第1当事者,0,1\n"),
    "quoted-multiline.csv": b'a,b\r\n1,"two\r\nlines"\r\n\r\n3,x\r\n"4","y ""quoted"""\r\n',
    "unterminated-quote.csv": b'a,b\n1,"never closed\n2,x\n3,y\n',
    "quote-inside-field.csv": b'a,b\n1,ab"c\n',
    "nul-bytes.csv": b"a,b\n1,\x00x\n2,y\x00\n",
    "truncated-cp932.csv": cp932("番号,日付\n1,令和") + b"\x82",
    "invalid-cp932.csv": cp932("番号,日付\n") + b"1,\x81\x20\n",
    "mixed-utf8-then-cp932.csv": "番号,日付\n1,令和7年\n".encode() + cp932("2,令和7年\n"),
    # UTF-8 with one bad byte (0x81, which with "@" is a CP932 ideographic space), after and before its Japanese.
    "utf8-one-bad-byte.csv": "番号,署\n1,中央\n2,ab".encode() + b"\x81@\n",
    "utf8-bad-byte-first.csv": b"a,b\n1,x\x81@\n" + "2,中央\n3,中央\n".encode(),
    "utf8-truncated.csv": "番号,署\n1,中央\n2,中".encode()[:-1],
    "cp932-halfwidth-kana-first.csv": cp932("ﾃｽﾄ,a\n1,中央\n"),
    "xlsx-magic.csv": b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml",
    "empty.csv": b"",
    "blank-lines.csv": b"\r\n\n\r\n",
    "zones-geometry-cell.csv": ("zone_id,kind,station,name,designated_from,designated_to,reason,geometry,buffer_m\n"
        'Z01,district,60101,中央駅前地区,2024-10-01,,令和5年中 12件,"{""type"":""Polygon"",""coordinates"":[[[136.90,35.17],[136.91,35.17],[136.91,35.18],[136.90,35.17]]]}",\n').encode(),
}

dates = [
    "2025-04-01", "2025/4/1", "2025.04.01", "20250401", " 2025-04-01 ", "2025/04/01 0:00:00", "2025-04-01T00:00",
    "2025年4月1日", "令和7年4月1日", "令和元年5月1日", "R7.4.1", "r7/4/1", "H31.4.30", "平成31年4月30日",
    "昭和64年1月7日", "大正15年12月25日", "明治6年1月1日", "２０２５年４月１日", "㋿7年4月1日", "　令和７年４月１日　",
    "2025-02-29", "45383", "7/4/1", "09:05", "9:05:30", "0905", "090530", "9時5分", "9時半", "23:59:59", "24:00",
    "2025-04", "2025年4月", "R7.4", "FY2025Q1", "FY2025", "令和7年度第1四半期", "2025年度", "R7年度", "CY2025Q2",
    "2025Q2", "CY2025", "令和7年", "2025-04..2025-09", "FY2024〜FY2025", "2025-04-01~2025-09-30", "..2025",
]
pattern_dates = [
    ("yyyyMMdd", "20250401"), ("Gy年M月d日", "令和7年4月1日"), ("Gy年M月d日", "令和元年5月1日"), ("M/d/yyyy", "4/1/2025"),
    ("yy.M.d", "7.4.1"), ("yyyy M d", "2025 4 1"), ("yyyyMMMdd", "20250401"), ("y/M/d", "7/4/1"),
]

profiles = {
    "foreign-layout.yaml": open("Tests/PipelineTests/Fixtures/foreign_layout.yaml", "rb").read(),
    "japanese-headers.yaml": "dataset: enforcement\ncolumns:\n  番号: record_id\n  日付: date\n  署: station\n"
                             "  部門: department\n  違反: violation\n  措置: outcome\n"
                             "values:\n  violation: {一時停止違反: stop, 信号無視: signal}\n  outcome: {警告: warning, 指導警告: warning}\n"
                             "dates: {era: reiwa}\n".encode(),
    "json.json": b'{"dataset": "enforcement", "encoding": "utf8", "columns": {"\\u756a\\u53f7": "record_id"}, '
                 b'"dates": {"format": "auto"}, "constants": {"department": "traffic"}}',
    "date-pattern.yaml": "dates:\n  format: Gy年M月d日\n  era: H\nconstants:\n  department: community\n  time: '9時'\n".encode(),
    "unknown-names.yaml": b"dataset: zones\nencoding: latin1\ncolumns: {a: nothing}\nvalues: {nowhere: {x: y}}\n"
                          b"constants: {elsewhere: z}\ndates: {era: edo}\n",
    "anchors.yaml": b"values:\n  violation: &v {a: stop, b: stop}\n  outcome: *v\n",
    "flow.yaml": b"{dataset: enforcement, columns: {id: record_id}, values: {vehicle: {'1': bicycle}}}",
    "not-a-mapping.yaml": b"- just\n- a list\n",
    "wrong-types.yaml": b"columns: [record_id]\ndates: yes\n",
    "tabs-and-bom.yaml": b"\xef\xbb\xbfdataset:\tenforcement\n",
    "multi-document.yaml": b"dataset: enforcement\n---\ndataset: accidents\n",
}

poly = '{"type":"Polygon","coordinates":[[[136.90,35.17],[136.91,35.17],[136.91,35.18],[136.90,35.18],[136.90,35.17]]]}'
hole = ('{"type":"Polygon","coordinates":[[[136.90,35.17],[136.93,35.17],[136.93,35.20],[136.90,35.20],[136.90,35.17]],'
        '[[136.91,35.18],[136.92,35.18],[136.92,35.19],[136.91,35.18]]]}')
line = '{"type":"LineString","coordinates":[[136.92,35.19],[136.94,35.19]]}'
feature = ('{"type":"Feature","properties":{"zone_id":"Z01","kind":"district","station":"60101","name":"中央駅前地区",'
           '"designated_from":"2024-10-01","buffer_m":null,"note":[1,{"a":true}]},"geometry":%s}')
geojson = {
    "polygon.json": poly,
    "polygon-with-hole.json": hole,
    "multipolygon.json": '{"type":"MultiPolygon","coordinates":[[[[136.90,35.17],[136.91,35.17],[136.91,35.18],[136.90,35.17]]],'
                         '[[[137.0,35.0],[137.1,35.0],[137.1,35.1],[137.0,35.0]]]]}',
    "linestring-altitude.json": '{"type":"LineString","coordinates":[[136.92,35.19,12.5],[136.94,35.19,13]]}',
    "multilinestring.json": '{"type":"MultiLineString","coordinates":[[[136.92,35.19],[136.94,35.19]],[[136.95,35.2],[136.96,35.21]]]}',
    "swapped-lat-lon.json": '{"type":"LineString","coordinates":[[35.19,136.92],[35.19,136.94]]}',
    "unclosed-ring.json": '{"type":"Polygon","coordinates":[[[136.90,35.17],[136.91,35.17],[136.91,35.18],[136.90,35.18]]]}',
    "point.json": '{"type":"Point","coordinates":[136.9,35.17]}',
    "feature.json": feature % poly,
    "feature-collection.json": '{"type":"FeatureCollection","features":[%s,%s]}' % (
        feature % poly, (feature % line).replace('"Z01"', '"R01"').replace('"district"', '"route"').replace('"60101"', '"港北"')),
    "feature-collection-bad-feature.json": '{"type":"FeatureCollection","features":[{"type":"Feature","properties":[1],"geometry":null}]}',
    "numbers.json": '{"type":"LineString","coordinates":[[1e-320,-0.0],[180,90],[-180,-90.0e0],[1E2,1.5e1]]}',
    "not-json.json": '{"type": "Polygon", "coordinates": [[[136.9, 35.17,]]]',
}

def write(target, name, data):
    folder = os.path.join("Fuzz/Corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())

for name, data in csv.items():
    write("CSVFuzz", name, data)
for i, text in enumerate(dates):
    write("DatesFuzz", "text-%02d" % i, text)
for i, (pattern, text) in enumerate(pattern_dates):
    write("DatesFuzz", "pattern-%02d" % i, pattern.encode() + b"\0" + text.encode())
for name, data in profiles.items():
    write("ProfileFuzz", name, data)
for name, data in geojson.items():
    write("GeoJSONFuzz", name, data)

# Report file names: the first byte picks the format (0 HTML, 1 CSV, 2 both), then ids separated by NUL.
file_names = {
    "sample-ids": b"\x02" + b"\0".join(["58101-D01", "58101-R01", "58102-R01"][i].encode() for i in range(3)),
    "long-shared-prefix": b"\x02" + ("重" * 50 + "1").encode() + b"\0" + ("重" * 50 + "2").encode(),
    "case-only": b"\x00ABC\0abc\0Abc",
    "hostile": b"\x01../../etc/passwd\0CON\0\xe2\x80\xaeexe.txt\0a\x1b[2Jb\0..\0",
    "same-after-mapping": b"\x02a/b\0a:b\0a*b\0a?b",
    "suffix-lookalike": b"\x02x\0x_2\0x\0x_3\0X",
    "empty-ids": b"\x02\0\0\0",
    "long-ascii": b"\x01" + b"a" * 300 + b"\0" + b"a" * 301,
    "dots-and-spaces": b"\x00 . \0._.\0...\0_ _",
    "fullwidth-separators": b"\x02" + "a／b\0a＼b\0a∕b".encode(),
}
for name, data in file_names.items():
    write("FileNameFuzz", name, data)
