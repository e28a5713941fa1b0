import Analytics
import BikePDCACore

/// Sums of a set of metrics rows (a station's zones, a zone's departments), for tables and totals.
struct RowSums {
    var plannedOperations = 0.0
    var operations = 0
    var plannedOfficerHours = 0.0
    var officerHours = 0.0
    var warnings = 0
    var blue = 0
    var red = 0
    var enforcementInZones = 0
    var zoneMonths = 0
    var zoneMonthsMeetingMinimum = 0
    var accidents = 0
    var accidentsLastYear = 0
    var bySeverity: [String: Int] = [:]

    var enforcement: Int { warnings + blue + red }
    var citations: Int { blue + red }

    init() {}

    init(_ rows: [MetricsRow]) {
        for row in rows { add(row) }
    }

    mutating func add(_ row: MetricsRow) {
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
    func zoneRow(station: String, zone: String) -> MetricsRow? {
        metrics.row(MetricKey(stationID: station, department: nil, zoneID: zone))
    }

    /// The all-department rows of a station's zones and of its roads outside zones: together, the station.
    func stationRows(_ station: String) -> [MetricsRow] {
        metrics.rows.filter { $0.key.stationID == station && $0.key.department == nil && $0.key.zoneID != nil }
    }

    /// A station's rows of one department, over all its zones and outside them.
    func departmentRows(station: String, department: Department) -> [MetricsRow] {
        metrics.rows.filter { $0.key.stationID == station && $0.key.department == department }
    }

    /// The zones of a station, ordered by id.
    func zones(of station: String) -> [Zone] {
        zones.filter { $0.stationID == station }.sorted { $0.id < $1.id }
    }

    /// The `dataset station month` keys delivered in the period; a key absent is missing, never zero.
    func deliveredKeys() -> Set<String> {
        Set(input.current.coverage.map { "\($0.dataset.rawValue) \($0.stationID) \($0.month)" })
    }

    /// The station-months missing in the period (and last year's accidents) for the stations given.
    func missing(stations: Set<String>) -> [MissingStationMonth] {
        metrics.missing.filter { stations.contains($0.stationID) }
    }

    /// Zones designated and in force on at least one day of the period.
    func isActive(_ zone: Zone) -> Bool {
        zone.designatedFrom <= period.end && (zone.designatedTo ?? period.end) >= period.start
    }
}

/// Data-gap caveats: which station-months are missing, by dataset, in the report's language.
func dataGapCaveats(_ missing: [MissingStationMonth], w: Wording) -> [String] {
    guard !missing.isEmpty else { return [] }
    var byDataset: [(String, [MissingStationMonth])] = []
    for item in missing {
        if let index = byDataset.firstIndex(where: { $0.0 == item.dataset }) {
            byDataset[index].1.append(item)
        } else {
            byDataset.append((item.dataset, [item]))
        }
    }
    return byDataset.map { dataset, items in
        let name: String
        switch dataset {
        case "enforcement": name = w("取締り", "enforcement")
        case "accidents": name = w("事故", "accidents")
        case "activities": name = w("活動", "activities")
        default: name = w("事故 (前年同期)", "accidents (same span last year)")
        }
        let examples = items.prefix(6).map { "\($0.stationID) \($0.month)" }.joined(separator: ", ")
        let more = items.count > 6 ? w(" ほか\(items.count - 6)件", " and \(items.count - 6) more") : ""
        return w(
            "\(name)データの未提出: \(items.count)署月 (\(examples)\(more))。未提出の月は0件ではなく欠損として扱い、その月に依存する数値は不完全です。",
            "No \(name) records for \(items.count) station-month(s) (\(examples)\(more)): missing, not zero; "
                + "figures that depend on them are incomplete.")
    }
}
