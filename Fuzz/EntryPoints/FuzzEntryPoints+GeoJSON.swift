import BikePDCACore
import Foundation
import Geo
import Importers

extension FuzzEntryPoints {
    /// GeoJSON as a single geometry (a zones CSV's `geometry` cell) and as a FeatureCollection (a zones file);
    /// every geometry read must read back the same from ``GeoJSON/text(of:)`` and become a ``ZoneShape`` that
    /// answers distance questions. A collection that parses is also imported as a zones file through
    /// `DatasetFileReader`, written to `directory`.
    public static func geoJSON(_ data: Data, directory: URL) throws(FuzzFailure) {
        let text = String(decoding: data, as: UTF8.self)
        let single: Geometry?
        do {
            single = try GeoJSON.geometry(from: text)
        } catch {
            try check(!error.description.isEmpty, "geometry: a GeoJSONError without a message")
            single = nil
        }
        if let single { try checkGeometry(single) }
        let features: [GeoJSONFeature]
        do {
            features = try GeoJSON.featureCollection(from: data)
        } catch {
            try check(!error.description.isEmpty, "feature collection: a GeoJSONError without a message")
            return
        }
        for feature in features {
            if let geometry = feature.geometry { try checkGeometry(geometry) }
        }
        guard let path = write(data, named: "zones.geojson", in: directory) else { return }
        try readDataset(path: path, dataset: .zones, profile: .identity, lineCount: features.count + 1)
    }

    private static func checkGeometry(_ geometry: Geometry) throws(FuzzFailure) {
        let text = GeoJSON.text(of: geometry)
        let back = try? GeoJSON.geometry(from: text)
        try check(back == geometry, "geometry does not read back from its own text \(text.prefix(200))")
        guard let shape = ZoneShape(geometry: geometry) else { return }
        let probe = Coordinate(latitude: 35.17, longitude: 136.9)
        _ = shape.contains(probe)
        try check(!shape.distanceMetres(to: probe).isNaN, "the distance to a zone is NaN: \(text.prefix(200))")
    }
}
