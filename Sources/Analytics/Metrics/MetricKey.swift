import BikePDCACore
import Foundation

/// The dimensions a metrics table is broken down by (`--by station,department,zone`).
public struct MetricsGrouping: OptionSet, Hashable, Sendable {
    /// The option bits.
    public let rawValue: Int
    /// Creates a grouping from its bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// One row per police station (警察署).
    public static let station = MetricsGrouping(rawValue: 1)
    /// One row per department (部門): traffic, community, other.
    public static let department = MetricsGrouping(rawValue: 2)
    /// One row per zone (重点地区・路線), plus one for everything outside the zones.
    public static let zone = MetricsGrouping(rawValue: 4)
    /// Station × department × zone, the default.
    public static let all: MetricsGrouping = [.station, .department, .zone]

    /// Parses a comma-separated list such as `station,zone`; `nil` if a word is not a dimension.
    public init?(list: String) {
        var grouping: MetricsGrouping = []
        for word in list.split(separator: ",") {
            switch word.trimmingCharacters(in: .whitespaces).lowercased() {
            case "station", "署": grouping.insert(.station)
            case "department", "dept", "部門": grouping.insert(.department)
            case "zone", "地区", "路線": grouping.insert(.zone)
            case "prefecture", "none": break
            default: return nil
            }
        }
        self = grouping
    }
}

/// The row a figure belongs to: `nil` in a dimension means "all of them" (every `nil` is the prefecture total).
public struct MetricKey: Hashable, Sendable, Comparable, CustomStringConvertible, Encodable {
    /// The station id, or `nil` for all stations.
    public var stationID: String?
    /// The department, or `nil` for all departments.
    public var department: Department?
    /// The zone id, ``outsideZones`` for roads outside every zone, or `nil` for everywhere.
    public var zoneID: String?

    /// The ``zoneID`` of the row for everything outside the zones.
    public static let outsideZones = "-"
    /// The prefecture total (県計).
    public static let prefecture = MetricKey(stationID: nil, department: nil, zoneID: nil)

    /// Creates a key.
    public init(stationID: String?, department: Department?, zoneID: String?) {
        self.stationID = stationID
        self.department = department
        self.zoneID = zoneID
    }

    /// Whether this is the prefecture total.
    public var isPrefecture: Bool { self == .prefecture }

    /// `18101/traffic/Z01`, with `*` for "all".
    public var description: String {
        "\(stationID ?? "*")/\(department?.rawValue ?? "*")/\(zoneID ?? "*")"
    }

    /// Orders by station, zone, then department, with "all" last in each.
    public static func < (lhs: MetricKey, rhs: MetricKey) -> Bool {
        // Field by field (a tuple of strings goes through generic code: a tenth of the rows' building time on a
        // national table of 12,000 rows).
        func precedes(_ left: String?, _ right: String?) -> Bool {
            guard let left else { return false }
            guard let right else { return true }
            return left < right
        }
        func rank(_ department: Department?) -> Int {
            switch department {
            case .traffic: 0
            case .community: 1
            case .other: 2
            case nil: 9
            }
        }
        if lhs.stationID != rhs.stationID { return precedes(lhs.stationID, rhs.stationID) }
        if lhs.zoneID != rhs.zoneID { return precedes(lhs.zoneID, rhs.zoneID) }
        return rank(lhs.department) < rank(rhs.department)
    }

    enum CodingKeys: String, CodingKey {
        case stationID = "station"
        case department
        case zoneID = "zone"
    }

    /// Encodes the three dimensions, `null` meaning "all".
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stationID, forKey: .stationID)
        try container.encode(department?.rawValue, forKey: .department)
        try container.encode(zoneID, forKey: .zoneID)
    }
}

extension MetricsGrouping {
    /// The keys a record of `stationID`, `department` (if it has one) and `zoneID` adds to: its own row, the
    /// all-department subtotal of its station × zone when departments are broken down, and the prefecture.
    func keys(stationID: String, department: Department?, zoneID: String?) -> [MetricKey] {
        let station = contains(.station) ? stationID : nil
        let zone = contains(.zone) ? (zoneID ?? MetricKey.outsideZones) : nil
        var keys: [MetricKey] = []
        if contains(.department) {
            if let department {
                keys.append(MetricKey(stationID: station, department: department, zoneID: zone))
            }
            if station != nil || zone != nil {
                keys.append(MetricKey(stationID: station, department: nil, zoneID: zone))
            }
        } else {
            keys.append(MetricKey(stationID: station, department: nil, zoneID: zone))
        }
        if keys.last != .prefecture { keys.append(.prefecture) }
        return keys
    }
}
