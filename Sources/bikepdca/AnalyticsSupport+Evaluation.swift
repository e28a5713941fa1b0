import Analytics
import ArgumentParser
import BikePDCACore
import Foundation
import Geo
import Store

/// Store reads that several subcommands repeat, remembered by date span (a report run asks for the same
/// before/after windows for every zone designated on the same day).
final class TallyCache {
    private let store: RecordStore
    private let scope: StationScope?
    private var accidents: [String: [AccidentTally]] = [:]
    private var delivered: [String: Set<String>] = [:]

    init(store: RecordStore, scope: StationScope? = nil) {
        self.store = store
        self.scope = scope
    }

    /// Accident tallies for `start`…`end`.
    func accidentTallies(_ span: ReportingPeriod) throws(StoreError) -> [AccidentTally] {
        let key = "\(span.start) \(span.end)"
        if let cached = accidents[key] { return cached }
        let tallies = try store.accidentTallies(from: span.start, to: span.end, scope: scope)
        accidents[key] = tallies
        return tallies
    }

    /// The date of the latest accident of the stations in scope (read once per run).
    func latestAccidentDate() throws(StoreError) -> LocalDate? {
        if let latest { return latest }
        latest = .some(try store.latestAccidentDate(scope: scope))
        return latest ?? nil
    }
    private var latest: LocalDate??

    /// The `station month` pairs with at least one accident record, for the months touching the span.
    func deliveredAccidentMonths(_ span: ReportingPeriod) throws(StoreError) -> Set<String> {
        let key = "\(span.start) \(span.end)"
        if let cached = delivered[key] { return cached }
        let months = Set(
            try store.stationMonthCounts(from: span.start, to: span.end, datasets: [.accidents], scope: scope)
                .map { "\($0.stationID) \($0.month)" })
        delivered[key] = months
        return months
    }
}

/// A before–after evaluation and the data gaps of its windows.
struct EvaluationOutcome {
    let subject: String
    let counts: BeforeAfterCounts
    let evaluation: ZoneEvaluation
    let windows: (before: ReportingPeriod, after: ReportingPeriod)
    /// Station-months without accident records, per window (`before`, `after`), e.g. `58101 2022-05`.
    let gaps: [(window: String, stationMonths: [String])]
}

/// Why an evaluation could not be made.
enum EvaluationProblem: Error, CustomStringConvertible {
    case noDataAfterDesignation(LocalDate)

    var description: String {
        switch self {
        case .noDataAfterDesignation(let date): "no accident data after the designation date \(date)"
        }
    }
}

/// The analyses behind `act`: this period's metrics, last year's, the hot spots and the recommendations.
struct ActAnalysis {
    let input: MetricsInput
    let current: MetricsReport
    let lastYear: MetricsReport
    let hotSpots: [HotSpotCell]
    let recommendations: [Recommendation]
}

extension AnalyticsSupport {
    /// Evaluates `treated` (one zone when `singleZone`, else a station's zones) before and after its designation
    /// (`windows`, or `window` months either side of the earliest designation date), as `compare` prints it.
    static func evaluate(
        store: RecordStore, cache: TallyCache, treated: [Zone], zones: [Zone], subject: String, singleZone: Bool,
        windows explicitWindows: (before: ReportingPeriod, after: ReportingPeriod)?, window: Int,
        methods: [EvaluationMethod], prefectureComparison: Bool, stationIDs: [String]
    ) throws -> EvaluationOutcome {
        let stationID = treated.first?.stationID ?? ""
        let windows: (before: ReportingPeriod, after: ReportingPeriod)
        if let explicitWindows {
            windows = explicitWindows
        } else {
            let designated = treated.map(\.designatedFrom).min() ?? LocalDate(dayNumber: 0)
            let dataEnd = try cache.latestAccidentDate() ?? designated
            guard
                let computed = ZoneEvaluation.defaultWindows(
                    designatedFrom: designated, months: window, dataEnd: dataEnd)
            else { throw EvaluationProblem.noDataAfterDesignation(designated) }
            windows = computed
        }
        let beforeTallies = try cache.accidentTallies(windows.before)
        let afterTallies = try cache.accidentTallies(windows.after)
        let treatedIDs = Set(treated.map(\.id))
        func sum(_ tallies: [AccidentTally], _ include: (AccidentTally) -> Bool) -> Int {
            tallies.reduce(0) { include($1) ? $0 + $1.count : $0 }
        }
        let isComparison: (AccidentTally) -> Bool = { tally in
            tally.zoneID == nil && (prefectureComparison || tally.stationID == stationID)
        }
        // Reference group for EB: every other zone (or every other station's zones), same windows. Each window's
        // tallies are summed by unit once (a national window has some 100,000 tallies and 1,900 zones).
        let referenceUnits: [String]
        let unitOf: (AccidentTally) -> String?
        if singleZone {
            referenceUnits = zones.filter { !treatedIDs.contains($0.id) }.map(\.id)
            unitOf = { $0.zoneID }
        } else {
            referenceUnits = Set(zones.map(\.stationID)).subtracting([stationID]).sorted()
            unitOf = { $0.zoneID == nil ? nil : $0.stationID }
        }
        func referenceCounts(_ tallies: [AccidentTally]) -> [Int] {
            var sums: [String: Int] = [:]
            for tally in tallies {
                if let unit = unitOf(tally) { sums[unit, default: 0] += tally.count }
            }
            return referenceUnits.map { sums[$0] ?? 0 }
        }
        let counts = BeforeAfterCounts(
            subject: subject, beforeLabel: windows.before.label, afterLabel: windows.after.label,
            beforeDays: windows.before.dayCount, afterDays: windows.after.dayCount,
            before: sum(beforeTallies) { $0.zoneID.map(treatedIDs.contains) ?? false },
            after: sum(afterTallies) { $0.zoneID.map(treatedIDs.contains) ?? false },
            comparisonName: prefectureComparison
                ? "the prefecture's roads outside zones" : "station \(stationID)'s roads outside zones",
            comparisonBefore: sum(beforeTallies, isComparison), comparisonAfter: sum(afterTallies, isComparison),
            referenceBefore: referenceCounts(beforeTallies), referenceAfter: referenceCounts(afterTallies))
        var evaluation = ZoneEvaluation.evaluate(counts, methods: methods)
        // A window month a station never delivered is missing data, not zero accidents: say so loudly.
        var gaps: [(window: String, stationMonths: [String])] = []
        for (name, span) in [("before", windows.before), ("after", windows.after)] {
            let delivered = try cache.deliveredAccidentMonths(span)
            let missing = stationIDs.flatMap { station in
                span.months.filter { !delivered.contains("\(station) \($0)") }.map { "\(station) \($0)" }
            }
            gaps.append((name, missing))
            if !missing.isEmpty {
                evaluation.notes.insert(
                    "INCOMPLETE: the \(name) window has \(missing.count) station-month(s) with no accident records "
                        + "(e.g. \(missing.prefix(3).joined(separator: ", "))); they are missing, not zero, so the "
                        + "estimates below are not reliable. Choose windows inside the loaded months (--before/--after).",
                    at: 0)
            }
        }
        return EvaluationOutcome(
            subject: subject, counts: counts, evaluation: evaluation, windows: windows, gaps: gaps)
    }

    /// The zones in force on at least one day of `period`, as shapes (for hot spots outside zones).
    static func shapes(of zones: [Zone], in period: ReportingPeriod) -> [ZoneShape] {
        zones.filter { $0.designatedFrom <= period.end && ($0.designatedTo ?? period.end) >= period.start }
            .compactMap(ZoneShape.init(zone:))
    }

    /// This period's metrics (station × department × zone), last year's (station × zone), the hot spots outside
    /// zones on `level` and the Act recommendations, as `act` computes them.
    static func actAnalysis(
        store: RecordStore, period: ReportingPeriod, zones: [Zone], level: MeshLevel, thresholds: ActThresholds,
        scope: StationScope? = nil
    ) throws -> ActAnalysis {
        let input = try metricsInput(store: store, period: period, zones: zones, scope: scope)
        let current = PDCAMetrics.report(input, grouping: .all)
        let lastYear = PDCAMetrics.report(
            try metricsInput(store: store, period: period.sameSpanPreviousYear(), zones: zones, scope: scope),
            grouping: [.station, .zone])
        let hotSpots = HotSpots.rank(
            try store.accidentGridCells(from: period.start, to: period.end, scope: scope), level: level,
            zoneShapes: shapes(of: zones, in: period), minimumCount: thresholds.minimumHotSpotAccidents,
            minimumZ: thresholds.hotSpotZ)
        let recommendations = ActRecommendations.recommend(
            current: current, lastYear: lastYear, hotSpots: hotSpots, thresholds: thresholds)
        return ActAnalysis(
            input: input, current: current, lastYear: lastYear, hotSpots: hotSpots, recommendations: recommendations)
    }
}
