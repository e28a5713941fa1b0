import BikePDCACore
import Foundation

/// Reads and writes the GeoJSON (RFC 7946) that describes zone shapes (重点地区・路線).
///
/// Only the four geometry types a zone can have are accepted: `Polygon` and `MultiPolygon` for districts
/// (地区), `LineString` and `MultiLineString` for routes (路線). Positions are `[longitude, latitude]`
/// in WGS 84 decimal degrees; a third member (altitude) is allowed and ignored.
public enum GeoJSON {
    /// Parses one GeoJSON geometry object, such as the `geometry` cell of a zones CSV.
    public static func geometry(from text: String) throws(GeoJSONError) -> Geometry {
        try geometry(in: JSONValue.parse(Data(text.utf8)).get())
    }

    /// Parses a `FeatureCollection` (a single `Feature` is read as a collection of one), in file order.
    public static func featureCollection(from data: Data) throws(GeoJSONError) -> [GeoJSONFeature] {
        let root = try JSONValue.parse(data).get()
        guard case .object(let members) = root else {
            throw GeoJSONError("expected a GeoJSON FeatureCollection object, found \(root.kindDescription)")
        }
        switch members["type"] {
        case .string("FeatureCollection"):
            guard case .array(let features)? = members["features"] else {
                throw GeoJSONError("the FeatureCollection has no \"features\" array")
            }
            var result: [GeoJSONFeature] = []
            result.reserveCapacity(features.count)
            for (offset, value) in features.enumerated() {
                do throws(GeoJSONError) {
                    result.append(try feature(in: value, index: offset + 1))
                } catch {
                    throw error.inFeature(offset + 1)
                }
            }
            return result
        case .string("Feature"):
            do throws(GeoJSONError) {
                return [try feature(in: root, index: 1)]
            } catch {
                throw error.inFeature(1)
            }
        case .string(let type) where geometryTypes.contains(type) || unsupportedTypes.contains(type):
            throw GeoJSONError(
                "expected a FeatureCollection, found a bare \(type) geometry; wrap it in a Feature whose "
                    + "\"properties\" carry the zone's fields (zone_id, kind, station, name, designated_from)")
        case .string(let type):
            throw GeoJSONError("expected a FeatureCollection, found an object of type \"\(type)\"")
        default:
            throw GeoJSONError("expected a FeatureCollection, found an object without a \"type\" member")
        }
    }

    /// Compact GeoJSON text of `geometry`: no spaces, members in the order `type`, `coordinates`, numbers
    /// written as the shortest decimal that reads back to the same `Double`, so ``geometry(from:)`` round-trips.
    public static func text(of geometry: Geometry) -> String {
        var text = "{\"type\":\"\(geometry.geoJSONType)\",\"coordinates\":"
        switch geometry {
        case .polygon(let rings): appendRings(rings, to: &text)
        case .multiPolygon(let polygons): appendList(polygons, to: &text) { appendRings($0, to: &$1) }
        case .lineString(let line): appendPositions(line, to: &text)
        case .multiLineString(let lines): appendRings(lines, to: &text)
        }
        text += "}"
        return text
    }

    /// A JSON number for `value`: integral values without a fraction (`140`), others the shortest decimal
    /// that reads back exactly (`139.767125`); `null` for a non-finite value, which JSON cannot hold.
    static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value.rounded() == value, abs(value) < 1e15 {
            return String(Int64(value))
        }
        return value.description
    }

    // MARK: - Reading

    private static let geometryTypes: Set = ["Polygon", "MultiPolygon", "LineString", "MultiLineString"]
    private static let unsupportedTypes: Set = ["Point", "MultiPoint", "GeometryCollection"]

    private static func feature(in value: JSONValue, index: Int) throws(GeoJSONError) -> GeoJSONFeature {
        guard case .object(let members) = value else {
            throw GeoJSONError("expected a Feature object, found \(value.kindDescription)")
        }
        guard case .string("Feature")? = members["type"] else {
            throw GeoJSONError("expected an object with \"type\": \"Feature\"")
        }
        var properties: [String: String] = [:]
        switch members["properties"] {
        case nil, .null?:
            break
        case .object(let values)?:
            for (key, value) in values {
                switch value {
                case .null: continue
                case .string(let text): properties[key] = text
                case .bool(let flag): properties[key] = flag ? "true" : "false"
                case .integer(let number): properties[key] = String(number)
                case .number(let number): properties[key] = numberText(number)
                case .array, .object: properties[key] = value.compactText
                }
            }
        case let other?:
            throw GeoJSONError("\"properties\" must be an object, found \(other.kindDescription)")
        }
        let shape: Geometry?
        switch members["geometry"] {
        case nil, .null?: shape = nil
        case let value?: shape = try geometry(in: value)
        }
        return GeoJSONFeature(index: index, properties: properties, geometry: shape)
    }

    static func geometry(in value: JSONValue) throws(GeoJSONError) -> Geometry {
        guard case .object(let members) = value else {
            throw GeoJSONError(
                "expected a GeoJSON geometry object such as {\"type\":\"Polygon\",\"coordinates\":[...]}, "
                    + "found \(value.kindDescription)")
        }
        guard case .string(let type)? = members["type"] else {
            throw GeoJSONError(
                "the geometry has no \"type\" member (Polygon, MultiPolygon, LineString or MultiLineString)")
        }
        if unsupportedTypes.contains(type) {
            throw GeoJSONError(
                "a \(type) cannot be a zone: use a Polygon or MultiPolygon for a district (地区), "
                    + "a LineString or MultiLineString for a route (路線)")
        }
        if type == "Feature" || type == "FeatureCollection" {
            throw GeoJSONError("expected a geometry object, found a \(type); give only the \"geometry\" member")
        }
        guard geometryTypes.contains(type) else {
            throw GeoJSONError(
                "unknown geometry type \"\(type)\"; expected Polygon, MultiPolygon, LineString or MultiLineString")
        }
        guard let coordinates = members["coordinates"] else {
            throw GeoJSONError("the \(type) has no \"coordinates\" member")
        }
        switch type {
        case "Polygon":
            return .polygon(try polygon(coordinates, label: "polygon"))
        case "MultiPolygon":
            let items = try array(coordinates, label: "the MultiPolygon's coordinates", holding: "polygons")
            guard !items.isEmpty else { throw GeoJSONError("the MultiPolygon has no polygons") }
            var polygons: [[[Coordinate]]] = []
            for (offset, item) in items.enumerated() {
                polygons.append(try polygon(item, label: "polygon \(offset + 1)"))
            }
            return .multiPolygon(polygons)
        case "LineString":
            return .lineString(try line(coordinates, label: "line"))
        default:
            let items = try array(coordinates, label: "the MultiLineString's coordinates", holding: "lines")
            guard !items.isEmpty else { throw GeoJSONError("the MultiLineString has no lines") }
            var lines: [[Coordinate]] = []
            for (offset, item) in items.enumerated() {
                lines.append(try line(item, label: "line \(offset + 1)"))
            }
            return .multiLineString(lines)
        }
    }

    private static func polygon(_ value: JSONValue, label: String) throws(GeoJSONError) -> [[Coordinate]] {
        let items = try array(value, label: label, holding: "rings")
        guard !items.isEmpty else { throw GeoJSONError("\(label) has no rings") }
        var rings: [[Coordinate]] = []
        rings.reserveCapacity(items.count)
        for (offset, item) in items.enumerated() {
            let ringLabel = "\(label) ring \(offset + 1)"
            let ring = try positions(item, label: ringLabel)
            guard ring.count >= 4 else {
                throw GeoJSONError(
                    "\(ringLabel) has \(ring.count) position\(ring.count == 1 ? "" : "s"); a ring needs at least 4, "
                        + "the last repeating the first")
            }
            if let first = ring.first, let last = ring.last, first != last {
                throw GeoJSONError(
                    "\(ringLabel) is not closed: its last position \(text(first: last)) must repeat its first "
                        + text(first: first))
            }
            rings.append(ring)
        }
        return rings
    }

    private static func line(_ value: JSONValue, label: String) throws(GeoJSONError) -> [Coordinate] {
        let line = try positions(value, label: label)
        guard line.count >= 2 else {
            throw GeoJSONError(
                "\(label) has \(line.count) position\(line.count == 1 ? "" : "s"); a line needs at least 2")
        }
        return line
    }

    private static func positions(_ value: JSONValue, label: String) throws(GeoJSONError) -> [Coordinate] {
        let items = try array(value, label: label, holding: "positions")
        var result: [Coordinate] = []
        result.reserveCapacity(items.count)
        for (offset, item) in items.enumerated() {
            result.append(try position(item, label: "\(label), position \(offset + 1)"))
        }
        return result
    }

    private static func position(_ value: JSONValue, label: String) throws(GeoJSONError) -> Coordinate {
        guard case .array(let members) = value, members.count >= 2,
            let longitude = members[0].doubleValue, let latitude = members[1].doubleValue,
            members.dropFirst(2).allSatisfy({ $0.doubleValue != nil })
        else {
            throw GeoJSONError(
                "\(label) must be [longitude, latitude] (two numbers), found \(value.compactText.prefix(60))")
        }
        let shown = "[\(numberText(longitude)), \(numberText(latitude))]"
        if !(-90...90).contains(latitude) {
            if (-90...90).contains(longitude) {
                throw GeoJSONError(
                    "\(label) \(shown): coordinates look like [latitude, longitude]; "
                        + "GeoJSON wants [longitude, latitude]")
            }
            throw GeoJSONError("\(label) \(shown): latitude \(numberText(latitude)) is outside −90…90")
        }
        if !(-180...180).contains(longitude) {
            throw GeoJSONError("\(label) \(shown): longitude \(numberText(longitude)) is outside −180…180")
        }
        return Coordinate(latitude: latitude, longitude: longitude)
    }

    private static func array(_ value: JSONValue, label: String, holding items: String) throws(GeoJSONError)
        -> [JSONValue]
    {
        guard case .array(let members) = value else {
            throw GeoJSONError("\(label) must be an array of \(items), found \(value.kindDescription)")
        }
        return members
    }

    private static func text(first position: Coordinate) -> String {
        "[\(numberText(position.longitude)), \(numberText(position.latitude))]"
    }

    // MARK: - Writing

    private static func appendPositions(_ positions: [Coordinate], to text: inout String) {
        appendList(positions, to: &text) { position, text in
            text += "["
            text += numberText(position.longitude)
            text += ","
            text += numberText(position.latitude)
            text += "]"
        }
    }

    private static func appendRings(_ rings: [[Coordinate]], to text: inout String) {
        appendList(rings, to: &text) { appendPositions($0, to: &$1) }
    }

    private static func appendList<Element>(
        _ elements: [Element], to text: inout String, appending appendElement: (Element, inout String) -> Void
    ) {
        text += "["
        for (offset, element) in elements.enumerated() {
            if offset > 0 { text += "," }
            appendElement(element, &text)
        }
        text += "]"
    }
}
