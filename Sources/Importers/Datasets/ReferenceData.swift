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
    /// Normalised name → the ids of every station it names (sorted; more than one when stations share a name).
    private var stationIDsByName: [String: [String]]

    /// Creates reference data from the registered stations and zones (zone id → station id).
    public init(stations: [Station], zoneStations: [String: String]) {
        self.stations = Dictionary(stations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.zoneStations = zoneStations
        var byName: [String: Set<String>] = [:]
        for station in stations {
            let key = TextNormalization.valueKey(station.nameJA)
            byName[key, default: []].insert(station.id)
            if key.hasSuffix("警察署") {
                byName[String(key.dropLast(3)), default: []].insert(station.id)
            } else {
                byName[key + "警察署", default: []].insert(station.id)
            }
            if let english = station.nameEN {
                byName[TextNormalization.valueKey(english), default: []].insert(station.id)
            }
        }
        stationIDsByName = byName.mapValues { $0.sorted() }
    }

    /// An empty set (nothing registered yet).
    public static let empty = ReferenceData(stations: [], zoneStations: [:])

    /// Adds stations (used while importing the stations file itself).
    public mutating func register(_ station: Station) {
        self = ReferenceData(stations: Array(stations.values) + [station], zoneStations: zoneStations)
    }

    /// What a station cell refers to.
    public enum StationMatch: Sendable, Equatable {
        /// One registered station, by id or by a name no other station has.
        case station(String)
        /// A name that more than one registered station has: their ids, sorted.
        case ambiguous([String])
        /// Neither a registered id nor a registered name.
        case unknown
    }

    /// The station a cell holding a five-digit id or a registered name refers to. A name matches the Japanese
    /// name with or without 警察署, and the English name; a name shared by several stations is ambiguous, never
    /// resolved to one of them.
    public func stationMatch(for cell: String) -> StationMatch {
        if stations[cell] != nil { return .station(cell) }
        let key = TextNormalization.valueKey(cell)
        if stations[key] != nil { return .station(key) }
        guard let ids = stationIDsByName[key], let first = ids.first else { return .unknown }
        return ids.count == 1 ? .station(first) : .ambiguous(ids)
    }

    /// The station id for a cell holding a five-digit id or a name that only one registered station has.
    public func stationID(for cell: String) -> String? {
        if case .station(let id) = stationMatch(for: cell) { return id }
        return nil
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
