import BikePDCACore

/// Sums of a set of metrics rows (a station's zones, a zone's departments), for tables and totals.
public struct RowSums: Sendable {
    /// Operations planned (prorated).
    public var plannedOperations = 0.0
    /// Operations held.
    public var operations = 0
    /// Officer-hours planned (prorated).
    public var plannedOfficerHours = 0.0
    /// Officer-hours worked.
    public var officerHours = 0.0
    /// Warnings (指導警告).
    public var warnings = 0
    /// Blue tickets (青切符).
    public var blue = 0
    /// Red tickets (赤切符).
    public var red = 0
    /// Enforcement records in zones.
    public var enforcementInZones = 0
    /// Months zones were in force.
    public var zoneMonths = 0
    /// Of those, months with a concentrated-enforcement day.
    public var zoneMonthsMeetingMinimum = 0
    /// Bicycle accidents.
    public var accidents = 0
    /// Accidents in the same span last year.
    public var accidentsLastYear = 0
    /// Accidents by severity (raw value).
    public var bySeverity: [String: Int] = [:]

    /// Warnings and tickets.
    public var enforcement: Int { warnings + blue + red }
    /// Tickets (blue and red).
    public var citations: Int { blue + red }

    /// No rows.
    public init() {}

    /// The sums of `rows`.
    public init(_ rows: [MetricsRow]) {
        for row in rows { add(row) }
    }

    /// Adds one row.
    public mutating func add(_ row: MetricsRow) {
        plannedOperations += row.plan.plannedOperations
        operations += row.done.operations
        plannedOfficerHours += row.plan.plannedOfficerHours
        officerHours += row.done.officerHours
        warnings += row.done.warnings
        blue += row.done.blueTickets
        red += row.done.redTickets
        enforcementInZones += row.done.enforcementInZones
        zoneMonths += row.done.zoneMonths
        zoneMonthsMeetingMinimum += row.done.zoneMonthsMeetingMinimum
        if let check = row.check {
            accidents += check.accidents
            accidentsLastYear += check.accidentsLastYear
            for (severity, count) in check.accidentsBySeverity { bySeverity[severity, default: 0] += count }
        }
    }
}

extension PeriodAnalytics {
    /// The all-department row of a station × zone (`zoneID` ``MetricKey/outsideZones`` for outside zones).
    public func zoneRow(station: String, zone: String) -> MetricsRow? {
        metrics.row(MetricKey(stationID: station, department: nil, zoneID: zone))
    }

    /// The all-department rows of a station's zones and of its roads outside zones: together, the station.
    public func stationRows(_ station: String) -> [MetricsRow] {
        metrics.rows.filter { $0.key.stationID == station && $0.key.department == nil && $0.key.zoneID != nil }
    }

    /// A station's rows of one department, over all its zones and outside them.
    public func departmentRows(station: String, department: Department) -> [MetricsRow] {
        metrics.rows.filter { $0.key.stationID == station && $0.key.department == department }
    }

    /// The zones of a station, ordered by id.
    public func zones(of station: String) -> [Zone] {
        zones.filter { $0.stationID == station }.sorted { $0.id < $1.id }
    }

    /// The station-months missing in the period (and last year's accidents) for the stations given.
    public func missing(stations: Set<String>) -> [MissingStationMonth] {
        metrics.missing.filter { stations.contains($0.stationID) }
    }

    /// The zones in force on at least one day of the period (``Zone/isInForce(during:)``).
    public var zonesInForce: [Zone] { zones.filter { $0.isInForce(during: period) } }

    /// Where hot spot `index` lies: the nearest zone in force to the cell's centre, with direction and distance
    /// (``PlaceReference/nearest(to:among:)``); `nil` when no zone in force has a shape.
    public func hotSpotPlace(_ index: Int) -> PlaceReference? {
        if index < hotSpotPlaces.count { return hotSpotPlaces[index] }
        return Self.place(of: hotSpots[index], among: zonesInForce)
    }

    /// Finds every hot spot's place once (a report set asks for them in each station's report).
    public mutating func placeHotSpots() {
        let inForce = zonesInForce
        hotSpotPlaces = hotSpots.map { Self.place(of: $0, among: inForce) }
    }

    private static func place(of cell: HotSpotCell, among zones: [Zone]) -> PlaceReference? {
        PlaceReference.nearest(to: Coordinate(latitude: cell.latitude, longitude: cell.longitude), among: zones)
    }
}
