import BikePDCACore
import Foundation

/// `stations.csv`, `zones.csv` and `zones.geojson` (the same zones in both zone files).
enum ReferenceDataset {
    static func write(world: SampleWorld, to directory: URL) throws(SampleGeneratorError) -> [SampleSummary.File] {
        try write(stations: world.stations.map(\.station), zones: world.zones.map(\.zone), to: directory)
    }

    /// Writes the three files for any stations and zones (the sample prefecture's or the national set's).
    static func write(
        stations: [Station], zones: [Zone], to directory: URL
    ) throws(SampleGeneratorError) -> [SampleSummary.File] {
        let stationsCSV = try SampleFiles.write(
            in: directory, path: "stations.csv", encoding: .utf8, dataset: .stations, role: .data
        ) { (output) throws(SampleGeneratorError) -> Int in
            try output.write(CSVRow(["prefecture_code", "station_code", "name_ja", "name_en"]))
            for station in stations {
                try output.write(
                    CSVRow([station.prefectureCode, station.stationCode, station.nameJA, station.nameEN ?? ""]))
            }
            return stations.count
        }
        let zonesCSV = try SampleFiles.write(
            in: directory, path: "zones.csv", encoding: .utf8, dataset: .zones, role: .data
        ) { (output) throws(SampleGeneratorError) -> Int in
            try output.write(
                CSVRow([
                    "zone_id", "kind", "station", "name", "designated_from", "designated_to", "reason", "buffer_m",
                    "geometry",
                ]))
            for zone in zones {
                try output.write(
                    CSVRow([
                        zone.id, zone.kind.rawValue, zone.stationID, zone.name, zone.designatedFrom.description,
                        zone.designatedTo?.description ?? "", zone.reason ?? "",
                        zone.bufferMetres.map(number) ?? "", zone.geometry.map(geoJSON) ?? "",
                    ]))
            }
            return zones.count
        }
        let zonesGeoJSON = try SampleFiles.write(
            in: directory, path: "zones.geojson", encoding: .utf8, dataset: .zones, role: .alternativeFormat
        ) { (output) throws(SampleGeneratorError) -> Int in
            try output.write(text: "{\n\"type\": \"FeatureCollection\",\n\"features\": [\n")
            for (index, zone) in zones.enumerated() {
                let properties = [
                    "\"zone_id\": \(jsonString(zone.id))",
                    "\"kind\": \(jsonString(zone.kind.rawValue))",
                    "\"station\": \(jsonString(zone.stationID))",
                    "\"name\": \(jsonString(zone.name))",
                    "\"designated_from\": \(jsonString(zone.designatedFrom.description))",
                    "\"designated_to\": \(zone.designatedTo.map { jsonString($0.description) } ?? "null")",
                    "\"reason\": \(zone.reason.map(jsonString) ?? "null")",
                    "\"buffer_m\": \(zone.bufferMetres.map(number) ?? "null")",
                ].joined(separator: ", ")
                let comma = index + 1 < zones.count ? "," : ""
                try output.write(
                    text: "{\"type\": \"Feature\", \"properties\": {\(properties)}, \"geometry\": "
                        + "\(zone.geometry.map(geoJSON) ?? "null")}\(comma)\n")
            }
            try output.write(text: "]\n}\n")
            return zones.count
        }
        return [stationsCSV, zonesCSV, zonesGeoJSON]
    }

    /// A GeoJSON geometry object on one line, coordinates as `[longitude, latitude]` with six decimals.
    static func geoJSON(_ geometry: Geometry) -> String {
        func position(_ coordinate: Coordinate) -> String {
            var bytes: [UInt8] = [0x5B]
            bytes.appendFixed(coordinate.longitude, decimals: 6)
            bytes.append(0x2C)
            bytes.appendFixed(coordinate.latitude, decimals: 6)
            bytes.append(0x5D)
            return String(decoding: bytes, as: UTF8.self)
        }
        func line(_ points: [Coordinate]) -> String { "[" + points.map(position).joined(separator: ",") + "]" }
        func polygon(_ rings: [[Coordinate]]) -> String { "[" + rings.map(line).joined(separator: ",") + "]" }
        let coordinates: String
        switch geometry {
        case .polygon(let rings): coordinates = polygon(rings)
        case .multiPolygon(let polygons): coordinates = "[" + polygons.map(polygon).joined(separator: ",") + "]"
        case .lineString(let points): coordinates = line(points)
        case .multiLineString(let lines): coordinates = "[" + lines.map(line).joined(separator: ",") + "]"
        }
        return "{\"type\":\"\(geometry.geoJSONType)\",\"coordinates\":\(coordinates)}"
    }

    /// A whole number without decimals (`40`), otherwise one decimal (`12.5`).
    static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        if value == value.rounded() {
            bytes.appendDecimal(Int(value))
        } else {
            bytes.appendFixed(value, decimals: 1)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON string literal (the sample's texts hold no control characters).
    static func jsonString(_ text: String) -> String {
        var escaped = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped + "\""
    }
}
