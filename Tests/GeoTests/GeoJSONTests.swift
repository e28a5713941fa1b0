import BikePDCACore
import Foundation
import Geo
import Testing

@Suite("GeoJSON")
struct GeoJSONTests {
    static func c(_ longitude: Double, _ latitude: Double) -> Coordinate {
        Coordinate(latitude: latitude, longitude: longitude)
    }

    static let square: [Coordinate] = [
        c(136.2, 36.0), c(136.21, 36.0), c(136.21, 36.01), c(136.2, 36.01), c(136.2, 36.0),
    ]
    static let hole: [Coordinate] = [
        c(136.204, 36.004), c(136.204, 36.006), c(136.206, 36.006), c(136.206, 36.004), c(136.204, 36.004),
    ]

    // MARK: Reading geometries

    @Test("a Polygon with a hole, written with spaces and newlines, is read in order")
    func polygonWithHole() throws {
        let text = """
            { "type": "Polygon",
              "coordinates": [
                [[136.2, 36.0], [136.21, 36.0], [136.21, 36.01], [136.2, 36.01], [136.2, 36.0]],
                [[136.204, 36.004], [136.204, 36.006], [136.206, 36.006], [136.206, 36.004], [136.204, 36.004]]
              ] }
            """
        #expect(try GeoJSON.geometry(from: text) == .polygon([Self.square, Self.hole]))
    }

    @Test("MultiPolygon, LineString and MultiLineString are read; a third (altitude) member is ignored")
    func otherTypes() throws {
        let multi = """
            {"type":"MultiPolygon","coordinates":[[[[136.2,36.0],[136.21,36.0],[136.21,36.01],[136.2,36.01],\
            [136.2,36.0]]],[[[136.2,36.0,12.5],[136.21,36.0,12.5],[136.21,36.01,12.5],[136.2,36.0,12.5]]]]}
            """
        #expect(
            try GeoJSON.geometry(from: multi)
                == .multiPolygon([
                    [Self.square],
                    [
                        [
                            Self.c(136.2, 36.0), Self.c(136.21, 36.0), Self.c(136.21, 36.01),
                            Self.c(136.2, 36.0),
                        ]
                    ],
                ]))
        let line = #"{"coordinates":[[136.2,36.05],[136.21,36.05],[136.22,36.051]],"type":"LineString"}"#
        #expect(
            try GeoJSON.geometry(from: line)
                == .lineString([Self.c(136.2, 36.05), Self.c(136.21, 36.05), Self.c(136.22, 36.051)]))
        let lines = #"{"type":"MultiLineString","coordinates":[[[136.2,36.05],[136.21,36.05]],[[136,36],[137,37]]]}"#
        #expect(
            try GeoJSON.geometry(from: lines)
                == .multiLineString([
                    [Self.c(136.2, 36.05), Self.c(136.21, 36.05)], [Self.c(136, 36), Self.c(137, 37)],
                ]))
    }

    static let badGeometries: [(String, String)] = [
        (
            #"{"type":"Point","coordinates":[136.2,36.0]}"#,
            "a Point cannot be a zone: use a Polygon or MultiPolygon for a district (地区), "
                + "a LineString or MultiLineString for a route (路線)"
        ),
        (
            #"{"type":"LineString","coordinates":[[36.05,136.2],[36.05,136.21]]}"#,
            "line, position 1 [36.05, 136.2]: coordinates look like [latitude, longitude]; "
                + "GeoJSON wants [longitude, latitude]"
        ),
        (
            #"{"type":"Polygon","coordinates":[[[136.2,36],[136.21,36],[136.21,36.01],[136.2,36.01]]]}"#,
            "polygon ring 1 is not closed: its last position [136.2, 36.01] must repeat its first [136.2, 36]"
        ),
        (
            #"{"type":"Polygon","coordinates":[[[136.2,36],[136.21,36],[136.2,36]]]}"#,
            "polygon ring 1 has 3 positions; a ring needs at least 4, the last repeating the first"
        ),
        (
            #"{"type":"MultiPolygon","coordinates":[[[[136,36],[137,36],[137,37],[136,36]]],"#
                + #"[[[136,36],[137,36],[137,37],[136,36]],[[136.1,36.1],[136.2,36.1],[136.2,36.2],[136.1,36.1],"#
                + #"[136.1,36.2]]]]}"#,
            "polygon 2 ring 2 is not closed: its last position [136.1, 36.2] must repeat its first [136.1, 36.1]"
        ),
        (#"{"type":"LineString","coordinates":[[136.2,36.05]]}"#, "line has 1 position; a line needs at least 2"),
        (
            #"{"type":"MultiLineString","coordinates":[[[136.2,36.05],[136.3,36.05]],[]]}"#,
            "line 2 has 0 positions; a line needs at least 2"
        ),
        (
            #"{"type":"LineString","coordinates":[[136.2,36.05],[200,36.05]]}"#,
            "line, position 2 [200, 36.05]: longitude 200 is outside −180…180"
        ),
        (
            #"{"type":"LineString","coordinates":[[136.2,36.05],[136.2,95]]}"#,
            "line, position 2 [136.2, 95]: latitude 95 is outside −90…90"
        ),
        (
            #"{"type":"LineString","coordinates":[[136.2,36.05],["136.2",36.05]]}"#,
            #"line, position 2 must be [longitude, latitude] (two numbers), found ["136.2",36.05]"#
        ),
        (
            #"{"type":"LineString","coordinates":[[136.2,36.05],[true,36.05]]}"#,
            "line, position 2 must be [longitude, latitude] (two numbers), found [true,36.05]"
        ),
        (#"{"type":"Polygon","coordinates":[]}"#, "polygon has no rings"),
        (#"{"type":"Polygon","coordinates":{}}"#, "polygon must be an array of rings, found an object"),
        (#"{"type":"Polygon"}"#, #"the Polygon has no "coordinates" member"#),
        (
            #"{"type":"Polygn","coordinates":[]}"#,
            #"unknown geometry type "Polygn"; expected Polygon, MultiPolygon, LineString or MultiLineString"#
        ),
        (
            #"{"type":"Feature","geometry":null,"properties":{}}"#,
            #"expected a geometry object, found a Feature; give only the "geometry" member"#
        ),
        (
            "[[136.2,36.05],[136.21,36.05]]",
            #"expected a GeoJSON geometry object such as {"type":"Polygon","coordinates":[...]}, found an array"#
        ),
    ]

    @Test("geometry problems are explained in words", arguments: badGeometries)
    func badGeometry(text: String, message: String) {
        #expect(throws: GeoJSONError(message)) {
            try GeoJSON.geometry(from: text)
        }
    }

    @Test("text that is not JSON at all says so")
    func notJSON() {
        do {
            _ = try GeoJSON.geometry(from: #"{"type":"Polygon","coordinates":[[[136.2,36"#)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("not valid JSON: "))
            #expect(error.message.count > "not valid JSON: ".count)
        }
    }

    // MARK: Feature collections

    static let collection = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature",
           "properties": {"zone_id": "FK-01", "kind": "district", "station": 18101, "buffer_m": 30.0,
                          "ratio": 12.5, "active": true, "reason": null, "tags": ["a", 1]},
           "geometry": {"type": "Polygon", "coordinates": [[[136.2,36],[136.21,36],[136.21,36.01],[136.2,36]]]}},
          {"type": "Feature", "properties": null, "geometry": null},
          {"type": "Feature", "properties": {"name": "県道"},
           "geometry": {"type": "LineString", "coordinates": [[136.2,36.05],[136.21,36.05]]}}
        ]}
        """

    @Test("features keep their order, 1-based index and properties as text; null members are left out")
    func featureCollection() throws {
        let features = try GeoJSON.featureCollection(from: Data(Self.collection.utf8))
        try #require(features.count == 3)
        #expect(features.map(\.index) == [1, 2, 3])
        #expect(
            features[0].properties == [
                "zone_id": "FK-01", "kind": "district", "station": "18101", "buffer_m": "30", "ratio": "12.5",
                "active": "true", "tags": #"["a",1]"#,
            ])
        #expect(
            features[0].geometry
                == .polygon([[Self.c(136.2, 36), Self.c(136.21, 36), Self.c(136.21, 36.01), Self.c(136.2, 36)]]))
        #expect(features[1].properties.isEmpty)
        #expect(features[1].geometry == nil)
        #expect(features[2].properties == ["name": "県道"])
        #expect(features[2].geometry == .lineString([Self.c(136.2, 36.05), Self.c(136.21, 36.05)]))
    }

    @Test("a file saved with a UTF-8 byte order mark is read")
    func byteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data(Self.collection.utf8)
        #expect(try GeoJSON.featureCollection(from: data).count == 3)
    }

    @Test("a single Feature is read as a collection of one")
    func singleFeature() throws {
        let text = #"{"type":"Feature","properties":{"zone_id":"R-1"},"geometry":null}"#
        #expect(
            try GeoJSON.featureCollection(from: Data(text.utf8))
                == [GeoJSONFeature(index: 1, properties: ["zone_id": "R-1"], geometry: nil)])
    }

    static let badCollections: [(String, String)] = [
        (
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null},"#
                + #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":"#
                + #"[[[136.2,36],[136.21,36],[136.21,36.01],[136.2,36.01]]]}}]}"#,
            "feature 2: polygon ring 1 is not closed: its last position [136.2, 36.01] must repeat its first "
                + "[136.2, 36]"
        ),
        (
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":"#
                + #"{"type":"Point","coordinates":[136.2,36]}}]}"#,
            "feature 1: a Point cannot be a zone: use a Polygon or MultiPolygon for a district (地区), "
                + "a LineString or MultiLineString for a route (路線)"
        ),
        (
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":[1],"geometry":null}]}"#,
            #"feature 1: "properties" must be an object, found an array"#
        ),
        (
            #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null}, 3]}"#,
            "feature 2: expected a Feature object, found a number"
        ),
        (#"{"type":"FeatureCollection"}"#, #"the FeatureCollection has no "features" array"#),
        (
            #"{"type":"LineString","coordinates":[[136.2,36.05],[136.21,36.05]]}"#,
            "expected a FeatureCollection, found a bare LineString geometry; wrap it in a Feature whose "
                + #""properties" carry the zone's fields (zone_id, kind, station, name, designated_from)"#
        ),
        ("[]", "expected a GeoJSON FeatureCollection object, found an array"),
    ]

    @Test("collection problems name the feature", arguments: badCollections)
    func badCollection(text: String, message: String) {
        #expect(throws: GeoJSONError(message)) {
            try GeoJSON.featureCollection(from: Data(text.utf8))
        }
    }

    // MARK: Writing

    @Test("geometries are written compactly: type first, no spaces, integral numbers without a fraction")
    func compactText() {
        #expect(
            GeoJSON.text(of: .lineString([Self.c(136.2, 36.05), Self.c(140, 35.681236)]))
                == #"{"type":"LineString","coordinates":[[136.2,36.05],[140,35.681236]]}"#)
        #expect(
            GeoJSON.text(of: .multiPolygon([[[Self.c(1, 2), Self.c(3, 4), Self.c(5, 6), Self.c(1, 2)]]]))
                == #"{"type":"MultiPolygon","coordinates":[[[[1,2],[3,4],[5,6],[1,2]]]]}"#)
    }

    static let roundTripShapes: [Geometry] = [
        .polygon([square, hole]),
        .multiPolygon([[square], [hole]]),
        .lineString([c(139.767125, 35.681236), c(139.7671250000001, 35.68123600000001), c(-0.1234567891234, 1e-7)]),
        .multiLineString([[c(136.3627828, 36.0798158), c(136.3627829, 36.0798159)], [c(180, -90), c(-180, 90)]]),
    ]

    @Test("writing and reading back gives the same geometry, bit for bit", arguments: roundTripShapes)
    func roundTrip(shape: Geometry) throws {
        let text = GeoJSON.text(of: shape)
        #expect(!text.contains(" "))
        #expect(try GeoJSON.geometry(from: text) == shape)
        #expect(GeoJSON.text(of: try GeoJSON.geometry(from: text)) == text)
    }
}
