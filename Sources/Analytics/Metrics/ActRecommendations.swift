import BikePDCACore

/// The thresholds behind the Act recommendations; every default is stated and can be changed.
public struct ActThresholds: Sendable, Equatable, Encodable {
    /// Enforcement records in a zone over the period for it to count as "enforced". Default 30.
    public var minimumZoneEnforcement: Int = 30
    /// Accidents (now + last year) below which a zone gets no verdict on its trend. Default 5.
    public var minimumAccidentsForVerdict: Int = 5
    /// A zone "did not fall" when accidents now ÷ last year is at least this. Default 1.0.
    public var noFallRatio: Double = 1.0
    /// A fall counts toward a sustained fall when it is at least this many percent. Default 20.
    public var sustainedFallPercent: Double = 20
    /// Accidents a mesh cell needs to be a candidate designation. Default 3.
    public var minimumHotSpotAccidents: Int = 3
    /// Gi* a mesh cell needs to be a candidate designation (1.96 = 95 %). Default 1.96.
    public var hotSpotZ: Double = 1.96
    /// Execution below this percentage of planned officer-hours or operations is "under plan". Default 80.
    public var underPlanPercent: Double = 80
    /// At most this many hot-spot candidates are listed. Default 10.
    public var maximumHotSpots: Int = 10

    /// The defaults.
    public init() {}
}

/// One Act recommendation (改善): what to do, where, why, and the numbers behind it.
public struct Recommendation: Sendable, Equatable, Encodable {
    /// What kind of action.
    public enum Kind: String, Sendable, Encodable {
        /// Accidents did not fall despite enforcement: change tactics (hours, places, violations).
        case changeTactics = "change-tactics"
        /// Accidents fell two years running: consider maintenance mode or lifting the designation.
        case considerMaintenance = "consider-maintenance"
        /// A hot spot outside every zone: candidate designation (新規指定候補).
        case candidateDesignation = "candidate-designation"
        /// A station's department below plan: where hours should go next month.
        case underPlan = "under-plan"
        /// A zone-month without a concentrated-enforcement day (the national minimum is one a month).
        case missingConcentratedDay = "missing-concentrated-day"
    }

    /// What kind of action.
    public var kind: Kind
    /// The zone, station/department or mesh cell concerned.
    public var subject: String
    /// Why, in one sentence with the numbers.
    public var reason: String
    /// The numbers behind the reason, by name.
    public var figures: [String: Double]
    /// The zone concerned, for zone recommendations; `nil` otherwise.
    public var zoneID: String? = nil
    /// The station concerned, when there is one (zone and under-plan recommendations).
    public var stationID: String? = nil
    /// The department concerned, for under-plan recommendations.
    public var department: Department? = nil
    /// The JIS X 0410 mesh code, for candidate designations.
    public var mesh: String? = nil

    // The JSON form (`act --format json`) keeps its four fields; the ids are for callers that build reports.
    enum CodingKeys: String, CodingKey {
        case kind, subject, reason, figures
    }
}

/// Turns the Check figures into Act recommendations (改善の提案).
public enum ActRecommendations {
    /// Recommendations for `current` (a report grouped by at least station and zone; with departments for the
    /// under-plan check), given last year's report for the sustained-fall test and the ranked hot spots.
    public static func recommend(
        current: MetricsReport, lastYear: MetricsReport?, hotSpots: [HotSpotCell],
        thresholds: ActThresholds = ActThresholds()
    ) -> [Recommendation] {
        var result: [Recommendation] = []
        // Zones in force during the period only: a lifted zone (指定終了) is no longer anyone's task.
        let zoneRows = current.rows.filter {
            $0.key.department == nil && $0.key.zoneID != nil && $0.key.zoneID != MetricKey.outsideZones
                && $0.plan.activeZones > 0
        }
        for row in zoneRows {
            guard let check = row.check, let zone = row.key.zoneID else { continue }
            let events = check.accidents + check.accidentsLastYear
            let subject = "zone \(zone) (station \(row.key.stationID ?? "*"))"
            if row.done.zoneMonths > row.done.zoneMonthsMeetingMinimum {
                let short = row.done.zoneMonths - row.done.zoneMonthsMeetingMinimum
                result.append(
                    Recommendation(
                        kind: .missingConcentratedDay, subject: subject,
                        reason:
                            "\(short) of \(row.done.zoneMonths) month(s) in force had no concentrated-enforcement day "
                            + "(the national minimum is one a month)",
                        figures: ["zone_months": Double(row.done.zoneMonths), "months_without": Double(short)],
                        zoneID: zone, stationID: row.key.stationID))
            }
            guard events >= thresholds.minimumAccidentsForVerdict else { continue }
            let ratio = check.accidentsLastYear > 0 ? Double(check.accidents) / Double(check.accidentsLastYear) : nil
            if row.done.enforcement >= thresholds.minimumZoneEnforcement,
                ratio.map({ $0 >= thresholds.noFallRatio }) ?? true
            {
                var figures: [String: Double] = [
                    "accidents": Double(check.accidents), "accidents_last_year": Double(check.accidentsLastYear),
                    "enforcement": Double(row.done.enforcement),
                ]
                if let share = row.done.accidentHoursShare { figures["enforcement_in_accident_hours_share"] = share }
                let hours =
                    row.done.accidentHoursShare.map {
                        "; only \(Int(($0 * 100).rounded())) % of it fell in the hours and weekdays of the zone's accidents"
                    } ?? ""
                result.append(
                    Recommendation(
                        kind: .changeTactics, subject: subject,
                        reason:
                            "accidents did not fall (\(check.accidents) vs \(check.accidentsLastYear) the same span "
                            + "last year) despite \(row.done.enforcement) warnings and tickets\(hours)",
                        figures: figures, zoneID: zone, stationID: row.key.stationID))
            }
            if let change = check.changePercent, change <= -thresholds.sustainedFallPercent,
                let previous = lastYear?.row(row.key)?.check?.changePercent,
                previous <= -thresholds.sustainedFallPercent
            {
                result.append(
                    Recommendation(
                        kind: .considerMaintenance, subject: subject,
                        reason:
                            "accidents fell two years running (\(Self.percent(previous)) then \(Self.percent(change))); "
                            + "consider maintenance mode, after checking with `compare --method eb` that the fall is "
                            + "not regression to the mean",
                        figures: [
                            "change_percent": change, "previous_change_percent": previous,
                            "accidents": Double(check.accidents),
                        ], zoneID: zone, stationID: row.key.stationID))
            }
        }
        for cell in hotSpots.filter(\.isCandidate).prefix(thresholds.maximumHotSpots) {
            result.append(
                Recommendation(
                    kind: .candidateDesignation, subject: "mesh \(cell.mesh)",
                    reason:
                        "\(cell.count) accidents outside every zone (\(cell.fatalOrSerious) fatal or serious), "
                        + "Gi* = \(Self.decimal(cell.giStar)): a candidate for designation",
                    figures: [
                        "accidents": Double(cell.count), "fatal_or_serious": Double(cell.fatalOrSerious),
                        "gi_star": cell.giStar, "latitude": cell.latitude, "longitude": cell.longitude,
                    ], mesh: cell.mesh))
        }
        // Under plan: per station × department, summed over its zones.
        var departments: [MetricKey: (planned: Double, done: Double, plannedOps: Double, ops: Int)] = [:]
        for row in current.rows where row.key.department != nil && row.key.stationID != nil {
            let key = MetricKey(stationID: row.key.stationID, department: row.key.department, zoneID: nil)
            let old = departments[key] ?? (0, 0, 0, 0)
            departments[key] = (
                old.planned + row.plan.plannedOfficerHours, old.done + row.done.officerHours,
                old.plannedOps + row.plan.plannedOperations, old.ops + row.done.operations
            )
        }
        for (key, figures) in departments.sorted(by: { $0.key < $1.key }) where figures.planned > 0 {
            let percent = figures.done / figures.planned * 100
            guard percent < thresholds.underPlanPercent, let station = key.stationID,
                let department = key.department
            else { continue }
            let worst = zoneRows.filter { $0.key.stationID == station }
                .max { ($0.check?.accidents ?? 0) < ($1.check?.accidents ?? 0) }
            let target =
                worst.flatMap { row in
                    row.key.zoneID.map { " — send them first to zone \($0) (\(row.check?.accidents ?? 0) accidents)" }
                } ?? ""
            result.append(
                Recommendation(
                    kind: .underPlan, subject: "station \(station) \(department.rawValue) (\(department.labelJA))",
                    reason:
                        "\(Self.decimal(figures.done)) of \(Self.decimal(figures.planned)) planned officer-hours "
                        + "(\(Self.percent(percent, signed: false)))\(target)",
                    figures: [
                        "officer_hours": figures.done, "planned_officer_hours": figures.planned,
                        "execution_percent": percent, "operations": Double(figures.ops),
                        "planned_operations": figures.plannedOps,
                    ], zoneID: worst?.key.zoneID, stationID: station, department: department))
        }
        return result
    }

    static func percent(_ value: Double, signed: Bool = true) -> String {
        let rounded = (value * 10).rounded() / 10
        return (signed && rounded > 0 ? "+" : "") + "\(rounded) %"
    }

    static func decimal(_ value: Double) -> String { "\((value * 100).rounded() / 100)" }
}
