import BikePDCACore

/// What the store already holds that rows refer to: stations and zones.
///
/// Rows are checked against it so that an unknown station or zone is an error naming the allowed values,
/// not a dangling reference.
public struct ReferenceData: Sendable {
    /// Registered stations by id.
    public var stations: [String: Station]
    /// Registered zones by id, with their station.
    public var zoneStations: [String: String]
    private var stationIDsByName: [String: String]

    /// Creates reference data from the registered stations and zones (zone id → station id).
    public init(stations: [Station], zoneStations: [String: String]) {
        self.stations = Dictionary(stations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.zoneStations = zoneStations
        var byName: [String: String] = [:]
        for station in stations {
            let key = TextNormalization.valueKey(station.nameJA)
            byName[key] = station.id
            if key.hasSuffix("警察署") {
                byName[String(key.dropLast(3))] = station.id
            } else {
                byName[key + "警察署"] = station.id
            }
            if let english = station.nameEN { byName[TextNormalization.valueKey(english)] = station.id }
        }
        stationIDsByName = byName
    }

    /// An empty set (nothing registered yet).
    public static let empty = ReferenceData(stations: [], zoneStations: [:])

    /// Adds stations (used while importing the stations file itself).
    public mutating func register(_ station: Station) {
        self = ReferenceData(stations: Array(stations.values) + [station], zoneStations: zoneStations)
    }

    /// The station id for a cell holding a five-digit id or a registered name.
    public func stationID(for cell: String) -> String? {
        if stations[cell] != nil { return cell }
        let key = TextNormalization.valueKey(cell)
        if stations[key] != nil { return key }
        return stationIDsByName[key]
    }

    /// A short list of registered stations for error messages.
    public var stationHint: String {
        if stations.isEmpty {
            return "no stations are registered yet: import them first (bikepdca import stations FILE)"
        }
        let listed = stations.values.sorted { $0.id < $1.id }.prefix(12).map { "\($0.id) \($0.nameJA)" }
        return "registered: " + listed.joined(separator: ", ") + (stations.count > 12 ? ", …" : "")
            + "; register new ones with bikepdca import stations FILE"
    }

    /// A short list of registered zones for error messages.
    public var zoneHint: String {
        if zoneStations.isEmpty { return "no zones are registered yet: import them first (bikepdca import zones FILE)" }
        let listed = zoneStations.keys.sorted().prefix(12)
        return "registered: " + listed.joined(separator: ", ") + (zoneStations.count > 12 ? ", …" : "")
            + "; register new ones with bikepdca import zones FILE"
    }
}
