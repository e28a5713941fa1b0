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
    /// Attainment below this percentage of plan on any measure (operations, officer-hours, warnings, citations)
    /// is "under plan" (計画未達). Default 80.
    public var underPlanPercent: Double = 80
    /// Attainment below this percentage makes an under-plan item urgent (高). Default 50.
    public var urgentUnderPlanPercent: Double = 50
    /// Accidents with a time of day a zone needs before the Act list names weekday × hour cells to move
    /// operations to. Default 10.
    public var minimumAccidentsForTiming: Int = 10
    /// Accidents a weekday × 3-hour cell needs to be named. Default 2.
    public var minimumAccidentsPerTimeCell: Int = 2
    /// At most this many weekday × hour cells are named. Default 3.
    public var maximumTimeCells: Int = 3
    /// At most this many hot-spot candidates are listed. Default 10.
    public var maximumHotSpots: Int = 10

    /// The defaults.
    public init() {}
}

/// How urgent an Act item is (緊急度); the list is sorted by it, most urgent first.
///
/// The rule: high (高) for a zone whose accidents did not fall despite enforcement, a candidate hot spot with a fatal
/// or serious accident, and a department below ``ActThresholds/urgentUnderPlanPercent`` of plan on a measure;
/// medium (中) for other under-plan departments, other candidate hot spots and months without a concentrated day;
/// low (低) for maintenance or lifting, which can wait.
public enum Urgency: Int, Sendable, Comparable, Encodable {
    /// High (高): act next month.
    case high = 1
    /// Medium (中).
    case medium = 2
    /// Low (低): can wait.
    case low = 3

    /// Orders high first.
    public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `high`, `medium`, `low`.
    public var name: String {
        switch self {
        case .high: "high"
        case .medium: "medium"
        case .low: "low"
        }
    }

    /// Encodes the name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
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
    /// How urgent the item is (緊急度).
    public var urgency: Urgency = .medium
    /// For under-plan items: the measures below the threshold, lowest first.
    public var measuresBelow: [Attainment] = []
    /// For items that would move operations: when the zone's accidents happen, and whether that is enough to
    /// tell where to move them.
    public var timing: AccidentTiming? = nil

    /// Why the item has its urgency, in one phrase.
    public var urgencyReason: String {
        switch (kind, urgency) {
        case (.changeTactics, _): "accidents did not fall in a zone under enforcement"
        case (.candidateDesignation, .high): "a hot spot outside every zone with a fatal or serious accident"
        case (.candidateDesignation, _): "a hot spot outside every zone"
        case (.underPlan, .high): "a measure below half of plan"
        case (.underPlan, _): "a measure below plan"
        case (.missingConcentratedDay, _): "the national minimum of one concentrated day a month was missed"
        case (.considerMaintenance, _): "accidents fell two years running; no harm in waiting"
        }
    }

    // The JSON form (`act --format json`) keeps these fields; the ids are for callers that build reports.
    enum CodingKeys: String, CodingKey {
        case kind, subject, reason, figures, urgency
    }
}

/// Turns the Check figures into Act recommendations (改善の提案).
public enum ActRecommendations {
    /// Recommendations for `current` (a report grouped by at least station and zone; with departments for the
    /// under-plan check), given last year's report for the sustained-fall test and the ranked hot spots.
    /// `accidentTimes` are the zones' accidents by hour and weekday (``MetricsInput/zoneAccidentTimes``): an item
    /// that moves operations names the weekday × hour cells to move to (``AccidentTiming``). The list is sorted by
    /// ``Urgency``, then by the size of the problem.
    public static func recommend(
        current: MetricsReport, lastYear: MetricsReport?, hotSpots: [HotSpotCell],
        accidentTimes: [HourWeekdayTally] = [], thresholds: ActThresholds = ActThresholds()
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
                            "\(short) of \(row.done.zoneMonths) month\(row.done.zoneMonths == 1 ? "" : "s") in force had no concentrated-enforcement day "
                            + "(the national minimum is one a month)",
                        figures: ["zone_months": Double(row.done.zoneMonths), "months_without": Double(short)],
                        zoneID: zone, stationID: row.key.stationID, urgency: .medium))
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
                let timing = AccidentTiming(
                    accidentTimes, stationID: row.key.stationID ?? "", zoneID: zone, thresholds: thresholds)
                figures["accidents_with_time"] = Double(timing.accidentsWithTime)
                result.append(
                    Recommendation(
                        kind: .changeTactics, subject: subject,
                        reason:
                            "accidents did not fall (\(check.accidents) vs \(check.accidentsLastYear) the same span "
                            + "last year) despite \(row.done.enforcement) warnings and tickets\(hours); "
                            + Self.move(timing),
                        figures: figures, zoneID: zone, stationID: row.key.stationID, urgency: .high, timing: timing))
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
                            + "consider maintenance mode, after checking in the zone's before–after evaluation "
                            + "(empirical Bayes) that the fall is not regression to the mean",
                        figures: [
                            "change_percent": change, "previous_change_percent": previous,
                            "accidents": Double(check.accidents),
                        ], zoneID: zone, stationID: row.key.stationID, urgency: .low))
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
                    ], mesh: cell.mesh, urgency: cell.fatalOrSerious > 0 ? .high : .medium))
        }
        // Under plan (計画未達): per station × department, summed over its zones, on every measure with a plan.
        var departmentRows: [MetricKey: [MetricsRow]] = [:]
        for row in current.rows where row.key.department != nil && row.key.stationID != nil {
            let key = MetricKey(stationID: row.key.stationID, department: row.key.department, zoneID: nil)
            departmentRows[key, default: []].append(row)
        }
        for (key, rows) in departmentRows.sorted(by: { $0.key < $1.key }) {
            guard let station = key.stationID, let department = key.department else { continue }
            let attainment = PlanAttainment(departmentRows: rows, isProrated: false)
            let below = attainment.below(percent: thresholds.underPlanPercent)
            guard let worst = below.first, let worstPercent = worst.percent else { continue }
            let worstZone = zoneRows.filter { $0.key.stationID == station }
                .max {
                    ($0.check?.accidents ?? 0, $1.key.zoneID ?? "") < ($1.check?.accidents ?? 0, $0.key.zoneID ?? "")
                }
            var figures: [String: Double] = ["execution_percent": worstPercent]
            for measure in attainment.measures {
                figures[measure.measure.rawValue] = measure.actual
                figures["planned_\(measure.measure.rawValue)"] = measure.planned
                if let percent = measure.percent { figures["\(measure.measure.rawValue)_percent"] = percent }
            }
            var target = ""
            var timing: AccidentTiming?
            if let worstZone, let zone = worstZone.key.zoneID {
                let found = AccidentTiming(accidentTimes, stationID: station, zoneID: zone, thresholds: thresholds)
                timing = found
                figures["accidents_with_time"] = Double(found.accidentsWithTime)
                target =
                    " — send the missing operations first to zone \(zone) (\(worstZone.check?.accidents ?? 0) accidents); "
                    + Self.move(found)
            }
            let measures = below.map {
                "\(Self.name($0.measure)) \(Self.decimal($0.actual)) of \(Self.decimal($0.planned)) "
                    + "(\(Self.percent($0.percent ?? 0, signed: false)))"
            }
            result.append(
                Recommendation(
                    kind: .underPlan, subject: "station \(station) \(department.rawValue) (\(department.labelJA))",
                    reason: "below \(Self.percent(thresholds.underPlanPercent, signed: false)) of plan on "
                        + measures.joined(separator: "; ") + target,
                    figures: figures, zoneID: worstZone?.key.zoneID, stationID: station, department: department,
                    urgency: worstPercent < thresholds.urgentUnderPlanPercent ? .high : .medium, measuresBelow: below,
                    timing: timing))
        }
        return result.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if a.urgency != b.urgency { return a.urgency < b.urgency }
            if Self.rank(a.kind) != Self.rank(b.kind) { return Self.rank(a.kind) < Self.rank(b.kind) }
            if Self.size(a) != Self.size(b) { return Self.size(a) > Self.size(b) }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// Where to move operations, or why it cannot be told.
    static func move(_ timing: AccidentTiming) -> String {
        timing.isConclusive
            ? "move operations to the weekday × hour cells of the zone's accidents: \(timing.cellsDescription)"
            : "the zone has \(timing.accidentsWithTime) accident\(timing.accidentsWithTime == 1 ? "" : "s") with a time of day, too few to tell which "
                + "weekday × hour to move operations to"
    }

    /// `operations`, `officer-hours`, `warnings`, `citations`.
    static func name(_ measure: AttainmentMeasure) -> String {
        switch measure {
        case .operations: "operations"
        case .officerHours: "officer-hours"
        case .warnings: "warnings"
        case .citations: "citations"
        }
    }

    /// The order of kinds within an urgency.
    private static func rank(_ kind: Recommendation.Kind) -> Int {
        switch kind {
        case .changeTactics: 0
        case .underPlan: 1
        case .candidateDesignation: 2
        case .missingConcentratedDay: 3
        case .considerMaintenance: 4
        }
    }

    /// The size of the problem, to order items of the same urgency and kind (larger first).
    private static func size(_ item: Recommendation) -> Double {
        let f = item.figures
        switch item.kind {
        case .changeTactics: return f["accidents"] ?? 0
        case .underPlan: return 100 - (f["execution_percent"] ?? 100)
        case .candidateDesignation: return (f["fatal_or_serious"] ?? 0) * 1_000 + (f["accidents"] ?? 0)
        case .missingConcentratedDay: return f["months_without"] ?? 0
        case .considerMaintenance: return -(f["change_percent"] ?? 0)
        }
    }

    static func percent(_ value: Double, signed: Bool = true) -> String {
        let rounded = (value * 10).rounded() / 10
        return (signed && rounded > 0 ? "+" : "") + "\(rounded)%"
    }

    static func decimal(_ value: Double) -> String { "\((value * 100).rounded() / 100)" }
}
