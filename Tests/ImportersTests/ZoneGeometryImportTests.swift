import BikePDCACore
import Foundation
import Importers
import Testing

/// Zones files whose geometry would break the analyses: each refused with a message that names the zone and
/// says where it is.
@Suite("Zones: geometry refused at import")
struct ZoneGeometryImportTests {
    /// A bow tie: its two diagonals cross at the centre of its 0.01° box, [136.905, 35.175].
    static let bowTie =
        #"{"type":"Polygon","coordinates":[[[136.9,35.17],[136.91,35.18],[136.91,35.17],[136.9,35.18],[136.9,35.17]]]}"#
    static let square =
        #"{"type":"Polygon","coordinates":[[[136.9,35.17],[136.91,35.17],[136.91,35.18],[136.9,35.18],[136.9,35.17]]]}"#
    static let world = #"{"type":"Polygon","coordinates":[[[-180,-85],[180,-85],[180,85],[-180,85],[-180,-85]]]}"#

    static func csvQuoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    @Test("CSV: file:line:column of the geometry cell, the zone named; good rows still read")
    func csvMessages() throws {
        let path = try csvFile(
            """
            zone_id,kind,station,name,designated_from,geometry
            58101-D01,district,58101,正方形,2024-04-01,\(Self.csvQuoted(Self.square))
            58101-D02,district,58101,蝶ネクタイ,2024-04-01,\(Self.csvQuoted(Self.bowTie))
            58101-D03,district,58101,世界,2024-04-01,\(Self.csvQuoted(Self.world))

            """, name: "zones.csv")
        let result = try read(path, .zones)
        #expect(result.records.count == 1)
        let messages = result.rejected.flatMap(\.diagnostics).map(\.description)
        #expect(
            messages == [
                path + ":3:6: error: zone 58101-D02: ring 1 crosses or touches itself at [136.905, 35.175]: a ring "
                    + "must not cross or touch itself (draw a figure of eight as two polygons)",
                path + ":4:6: error: zone 58101-D03: the geometry spans about 40,030 km east–west and 18,903 km "
                    + "north–south; a zone may span at most 100 km each way (is it a whole region, or are some "
                    + "positions wrong?)",
            ])
    }

    @Test("GeoJSON: 'file: feature N (zone id): error:', for the geometry checks and for other cells alike")
    func geoJSONMessages() throws {
        func feature(_ id: String, _ geometry: String, from: String = "2024-04-01") -> String {
            #"{"type":"Feature","properties":{"zone_id":"\#(id)","kind":"district","station":"58101","name":"x","#
                + #""designated_from":"\#(from)"},"geometry":\#(geometry)}"#
        }
        // 10,001 positions: the square's four corners 2,500 times, then the closing one. The count is checked
        // first, so the ring need not be valid otherwise.
        let corner = "[136.9,35.17],[136.91,35.17],[136.91,35.18],[136.9,35.18],"
        let many = #"{"type":"Polygon","coordinates":[["# + String(repeating: corner, count: 2_500) + "[136.9,35.17]]]}"
        let text =
            #"{"type":"FeatureCollection","features":["#
            + [
                feature("58101-D01", Self.square), feature("58101-D02", Self.bowTie),
                feature("58101-D03", many), feature("58101-D04", Self.square, from: "2024-13-01"),
            ].joined(separator: ",") + "]}"
        let path = try csvFile(text, name: "zones.geojson")
        let result = try read(path, .zones)
        #expect(result.records.count == 1)
        let messages = result.rejected.flatMap(\.diagnostics).map(\.description)
        #expect(messages.count == 3, "\(messages)")
        #expect(
            messages.first
                == path + ": feature 2 (58101-D02): error: ring 1 crosses or touches itself at [136.905, "
                + "35.175]: a ring must not cross or touch itself (draw a figure of eight as two polygons)")
        #expect(
            messages.dropFirst().first
                == path + ": feature 3 (58101-D03): error: the geometry has 10,001 positions; a zone may have "
                + "at most 10,000: simplify it (to a tolerance of a few metres, e.g. with QGIS's Simplify or "
                + "mapshaper -simplify)")
        #expect(
            messages.last?.hasPrefix(path + ": feature 4 (58101-D04): error: invalid date \"2024-13-01\"")
                == true, "\(messages)")
        // The rejected feature keeps its place in the file for the rejects listing.
        #expect(result.rejected.map(\.line) == [3, 4, 5])
    }
}
