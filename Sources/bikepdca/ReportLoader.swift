import Analytics
import ArgumentParser
import BikePDCACore
import Foundation
import Geo
import ReportBuilders
import Store

/// Loads what the reports are built from, once per run: the period's analytics, then each zone's evaluation and
/// points on demand (the store's before/after windows are remembered across zones).
struct ReportLoader {
    let store: RecordStore
    let cache: TallyCache
    /// The last station whose enforcement points were read, for the zones of a report set that share it.
    private let stationPoints = StationPointsCache()
    let zones: [Zone]
    let stations: [Station]

    /// The prefecture(s) reported on, or `nil` for every station in the database.
    let scope: StationScope?

    init(store: RecordStore, scope: StationScope? = nil) throws(StoreError) {
        self.store = store
        self.scope = scope
        cache = TallyCache(store: store, scope: scope)
        zones = try AnalyticsSupport.zones(store, scope: scope)
        stations = try store.stations().filter { scope.includes($0.id) }
    }

    /// The zone with `id`, or a one-line error naming the allowed values and exit 1.
    func zone(_ id: String) throws -> Zone {
        guard let zone = zones.first(where: { $0.id == id }) else {
            let known = zones.map(\.id)
            Console.error(
                "error: unknown zone \"\(id)\"; known zones: "
                    + (known.isEmpty ? "none (import zones first)" : known.joined(separator: ", ")))
            throw ExitCode(1)
        }
        return zone
    }

    /// The station with `id` (a five-digit code), or a one-line error naming the allowed values and exit 1.
    func station(_ id: String) throws -> Station {
        guard let station = stations.first(where: { $0.id == id }) else {
            let known = stations.map { "\($0.id) (\($0.nameJA))" }
            Console.error(
                "error: unknown station \"\(id)\"; known stations: "
                    + (known.isEmpty ? "none (import stations first)" : known.joined(separator: ", ")))
            throw ExitCode(1)
        }
        return station
    }

    /// The period's metrics, hot spots and Act recommendations at the `act` defaults.
    func analytics(_ period: ReportingPeriod) throws -> PeriodAnalytics {
        let analysis = try AnalyticsSupport.actAnalysis(
            store: store, period: period, zones: zones, level: .half, thresholds: ActThresholds(), scope: scope)
        return PeriodAnalytics(
            period: period, input: analysis.input, metrics: analysis.current, hotSpots: analysis.hotSpots,
            recommendations: analysis.recommendations)
    }

    /// What a zone report needs of the period's analytics: the metrics of the zone's station alone (every figure
    /// the report shows is of that station and its zones), without hot spots, last year's metrics or the Act list.
    func analytics(_ period: ReportingPeriod, of zone: Zone) throws -> PeriodAnalytics {
        let input = try AnalyticsSupport.metricsInput(
            store: store, period: period, zones: zones, scope: StationScope(station: zone.stationID))
        return PeriodAnalytics(
            period: period, input: input, metrics: PDCAMetrics.report(input, grouping: .all), hotSpots: [],
            recommendations: [])
    }

    /// A zone's before–after evaluation (`windows`, or `window` months either side of its designation).
    func comparison(
        _ zone: Zone, windows: (before: ReportingPeriod, after: ReportingPeriod)? = nil, window: Int = 12,
        prefectureComparison: Bool = false
    ) throws -> BeforeAfterResult {
        let outcome = try AnalyticsSupport.evaluate(
            store: store, cache: cache, treated: [zone], zones: zones, subject: "zone \(zone.id) \(zone.name)",
            singleZone: true, windows: windows, window: window, methods: EvaluationMethod.allCases,
            prefectureComparison: prefectureComparison, stationIDs: stations.map(\.id))
        return BeforeAfterResult(
            subjectName: "\(zone.name) (\(zone.id))", counts: outcome.counts, evaluation: outcome.evaluation,
            prefectureComparison: prefectureComparison,
            beforeGaps: outcome.gaps.first { $0.window == "before" }?.stationMonths ?? [],
            afterGaps: outcome.gaps.first { $0.window == "after" }?.stationMonths ?? [])
    }

    /// Everything the zone report needs beyond the period's analytics.
    func detail(_ zone: Zone, period: ReportingPeriod) throws -> ZoneDetail {
        var evaluation: BeforeAfterResult?
        var problem: String?
        do {
            evaluation = try comparison(zone)
        } catch let error as EvaluationProblem {
            problem = error.description
        }
        let accidents = try store.zonePoints(.accidents, zoneID: zone.id, from: period.start, to: period.end)
        let enforcement = try enforcementPoints(zone, period: period)
        return ZoneDetail(
            zone: zone, evaluation: evaluation, evaluationProblem: problem,
            accidents: MapPoints(located: accidents.located, unlocated: accidents.unlocated),
            enforcement: MapPoints(located: enforcement.located, unlocated: enforcement.unlocated))
    }

    /// A zone's enforcement points, gathered from a pass over each station with records in the zone (the last
    /// station's pass is kept: a report set takes the zones in id order, which groups them by station).
    private func enforcementPoints(_ zone: Zone, period: ReportingPeriod) throws(StoreError) -> ZonePoints {
        var located: [Coordinate] = []
        var unlocated = 0
        for stationID in try store.enforcementStations(inZone: zone.id, from: period.start, to: period.end) {
            let points: [String: ZonePoints]
            if let kept = stationPoints.kept, kept.stationID == stationID, kept.period == period {
                points = kept.points
            } else {
                points = try store.enforcementZonePoints(ofStation: stationID, from: period.start, to: period.end)
                stationPoints.kept = (stationID, period, points)
            }
            located += points[zone.id]?.located ?? []
            unlocated += points[zone.id]?.unlocated ?? 0
        }
        return ZonePoints(located: located, unlocated: unlocated)
    }
}

/// One station's enforcement points by zone, for one period.
private final class StationPointsCache {
    var kept: (stationID: String, period: ReportingPeriod, points: [String: ZonePoints])?
}
