import Analytics
import BikePDCACore
import Geo
import Store

/// The one way from the store to an analysis: a period's input for a scope, the zones in force, before/after
/// counts and their reference groups, data gaps. The CLI's analysis commands, every report and the browser app
/// load through it.
///
/// A loader is made once per run: the store's before/after windows and a station's enforcement points are
/// remembered across the zones of a report set.
public final class AnalysisLoader {
    /// The database read.
    public let store: RecordStore
    /// The prefecture(s) analysed, or `nil` for every station in the database.
    public let scope: StationScope?
    /// The zones of the scope, with their geometry parsed (a zone whose stored geometry does not parse has none).
    public let zones: [Zone]
    /// The stations of the scope.
    public let stations: [Station]
    let cache: TallyCache
    /// The last station whose enforcement points were read, for the zones of a report set that share it.
    private var stationPoints: (stationID: String, period: ReportingPeriod, points: [String: ZonePoints])?

    /// Reads the stations and zones of `scope` from `store`.
    public init(store: RecordStore, scope: StationScope? = nil) throws(WorkflowError) {
        self.store = store
        self.scope = scope
        cache = TallyCache(store: store, scope: scope)
        zones = try WorkflowError.reading { () throws(StoreError) in try Self.zones(store, scope: scope) }
        stations = try WorkflowError.reading { () throws(StoreError) in
            try store.stations().filter { scope.includes($0.id) }
        }
    }

    /// The zone with `id`.
    public func zone(_ id: String) throws(WorkflowError) -> Zone {
        guard let zone = zones.first(where: { $0.id == id }) else {
            throw .unknownZone(id, known: zones.map(\.id))
        }
        return zone
    }

    /// The station with `id` (a five-digit code).
    public func station(_ id: String) throws(WorkflowError) -> Station {
        guard let station = stations.first(where: { $0.id == id }) else {
            throw .unknownStation(id, known: stations.map { "\($0.id) (\($0.nameJA))" })
        }
        return station
    }

    /// The zones of station `id` (for evaluating them together).
    public func zones(ofStation id: String) throws(WorkflowError) -> [Zone] {
        let found = zones.filter { $0.stationID == id }
        guard !found.isEmpty else { throw .stationWithoutZones(id) }
        return found
    }

    /// The period's metrics (station × department × zone), last year's (station × zone), the hot spots outside
    /// the zones in force on `level` and the Act recommendations: what `act` prints. Without the record breakdowns
    /// and the accident history that only the reports show (``periodAnalysis(_:level:thresholds:)``).
    public func actAnalysis(
        _ period: ReportingPeriod, level: MeshLevel = .half, thresholds: ActThresholds = ActThresholds()
    ) throws(WorkflowError) -> PeriodAnalytics {
        try WorkflowError.reading { () throws(StoreError) in
            let input = try Self.metricsInput(store: store, period: period, zones: zones, scope: scope)
            let current = PDCAMetrics.report(input, grouping: .all)
            let lastYear = PDCAMetrics.report(
                try Self.metricsInput(
                    store: store, period: period.sameSpanPreviousYear(), zones: zones, scope: scope),
                grouping: [.station, .zone])
            let hotSpots = try hotSpots(
                period, level: level, minimumCount: thresholds.minimumHotSpotAccidents,
                minimumZ: thresholds.hotSpotZ)
            let recommendations = ActRecommendations.recommend(
                current: current, lastYear: lastYear, hotSpots: hotSpots, accidentTimes: input.zoneAccidentTimes,
                thresholds: thresholds)
            return PeriodAnalytics(
                period: period, input: input, metrics: current, hotSpots: hotSpots, recommendations: recommendations,
                lastYear: lastYear, thresholds: thresholds)
        }
    }

    /// What the station and prefecture reports show: ``actAnalysis(_:level:thresholds:)`` with the period's
    /// record breakdowns (bicycle role, counterpart, who was stopped) and every stored month's accidents (the
    /// multi-year trend and the fiscal year to date).
    public func periodAnalysis(
        _ period: ReportingPeriod, level: MeshLevel = .half, thresholds: ActThresholds = ActThresholds()
    ) throws(WorkflowError) -> PeriodAnalytics {
        var analytics = try actAnalysis(period, level: level, thresholds: thresholds)
        try WorkflowError.reading { () throws(StoreError) in
            analytics.breakdowns = RecordBreakdowns(
                accidentParties: try store.accidentPartyTallies(from: period.start, to: period.end, scope: scope),
                enforcementRiders: try store.enforcementRiderTallies(from: period.start, to: period.end, scope: scope))
            analytics.accidentHistory = try Self.accidentHistory(store: store, through: period.end, scope: scope)
        }
        analytics.placeHotSpots()
        return analytics
    }

    /// What a zone report needs of the period: the metrics of the zone's station alone (every figure the report
    /// shows is of that station and its zones), without hot spots, last year's metrics or the Act list.
    public func periodAnalysis(_ period: ReportingPeriod, of zone: Zone) throws(WorkflowError) -> PeriodAnalytics {
        try WorkflowError.reading { () throws(StoreError) in
            let input = try Self.metricsInput(
                store: store, period: period, zones: zones, scope: StationScope(station: zone.stationID))
            var analytics = PeriodAnalytics(
                period: period, input: input, metrics: PDCAMetrics.report(input, grouping: .all), hotSpots: [],
                recommendations: [])
            analytics.accidentHistory = try Self.accidentHistory(
                store: store, through: period.end, scope: StationScope(station: zone.stationID))
            return analytics
        }
    }

    /// Accident hot spots outside every zone in force during `period`, ranked (`HotSpots.rank`).
    public func hotSpots(
        _ period: ReportingPeriod, level: MeshLevel, minimumCount: Int, minimumZ: Double = 1.96
    ) throws(StoreError) -> [HotSpotCell] {
        HotSpots.rank(
            try store.accidentGridCells(from: period.start, to: period.end, scope: scope), level: level,
            zoneShapes: zones.filter { $0.isInForce(during: period) }.compactMap(ZoneShape.init(zone:)),
            minimumCount: minimumCount, minimumZ: minimumZ)
    }

    /// Everything the zone report needs beyond the period's analytics: its before/after evaluation around the
    /// designation date and its points in the period.
    public func detail(_ zone: Zone, period: ReportingPeriod) throws(WorkflowError) -> ZoneDetail {
        var evaluation: BeforeAfterResult?
        var problem: String?
        var windowWithoutData: (window: String, label: String)?
        do {
            evaluation = try comparison(zone)
        } catch .noDataAfterDesignation(let date) {
            problem = "no accident data after the designation date \(date)"
        } catch .windowWithoutData(let window, let label, _) {
            windowWithoutData = (window, label)
        }
        return try WorkflowError.reading { () throws(StoreError) in
            let accidents = try store.zonePoints(.accidents, zoneID: zone.id, from: period.start, to: period.end)
            let enforcement = try enforcementPoints(zone, period: period)
            // The ring and control of the displacement check: the station's accidents outside every zone in the
            // same windows as the before–after evaluation.
            let displacement = try evaluation.flatMap { result throws(StoreError) in
                ZoneDisplacement.check(
                    zone, counts: result.counts,
                    outsideBefore: try store.accidentPointsOutsideZones(
                        ofStation: zone.stationID, from: result.before.start, to: result.before.end),
                    outsideAfter: try store.accidentPointsOutsideZones(
                        ofStation: zone.stationID, from: result.after.start, to: result.after.end))
            }
            return ZoneDetail(
                zone: zone, evaluation: evaluation, evaluationProblem: problem,
                windowWithoutData: windowWithoutData.map {
                    ZoneDetail.UncoveredWindow(window: $0.window, label: $0.label)
                },
                displacement: displacement,
                accidents: MapPoints(located: accidents.located, unlocated: accidents.unlocated),
                enforcement: MapPoints(located: enforcement.located, unlocated: enforcement.unlocated))
        }
    }

    /// A zone's enforcement points, gathered from a pass over each station with records in the zone (the last
    /// station's pass is kept: a report set takes the zones in id order, which groups them by station).
    private func enforcementPoints(_ zone: Zone, period: ReportingPeriod) throws(StoreError) -> ZonePoints {
        var located: [Coordinate] = []
        var unlocated = 0
        for stationID in try store.enforcementStations(inZone: zone.id, from: period.start, to: period.end) {
            let points: [String: ZonePoints]
            if let kept = stationPoints, kept.stationID == stationID, kept.period == period {
                points = kept.points
            } else {
                points = try store.enforcementZonePoints(ofStation: stationID, from: period.start, to: period.end)
                stationPoints = (stationID, period, points)
            }
            located += points[zone.id]?.located ?? []
            unlocated += points[zone.id]?.unlocated ?? 0
        }
        return ZonePoints(located: located, unlocated: unlocated)
    }
}

extension AnalysisLoader {
    /// The zones of `scope` with their geometry parsed (a zone whose stored geometry does not parse keeps none).
    static func zones(_ store: RecordStore, scope: StationScope?) throws(StoreError) -> [Zone] {
        try store.zones().filter { scope.includes($0.zone.stationID) }.map { stored in
            guard let text = stored.geometryJSON, let geometry = try? GeoJSON.geometry(from: text) else {
                return stored.zone
            }
            let zone = stored.zone
            return Zone(
                id: zone.id, kind: zone.kind, stationID: zone.stationID, name: zone.name,
                designatedFrom: zone.designatedFrom, designatedTo: zone.designatedTo, reason: zone.reason,
                geometry: geometry, bufferMetres: zone.bufferMetres)
        }
    }

    /// The Plan / Do / Check metrics of `period` by `grouping` (`bikepdca metrics`).
    public static func metrics(
        store: RecordStore, period: ReportingPeriod, scope: StationScope?, grouping: MetricsGrouping
    ) throws(WorkflowError) -> MetricsReport {
        try WorkflowError.reading { () throws(StoreError) in
            PDCAMetrics.report(try metricsInput(store: store, period: period, scope: scope), grouping: grouping)
        }
    }

    /// The fiscal year to date through `asOf`, or through the end of the latest month with enforcement records.
    public static func fiscalYearToDate(store: RecordStore, asOf: LocalDate?) throws(WorkflowError)
        -> ReportingPeriod
    {
        if let asOf { return .fiscalYearToDate(through: asOf) }
        guard let month = try reading({ () throws(StoreError) in try store.latestEnforcementMonth() }) else {
            throw .noEnforcementRecords
        }
        return .fiscalYearToDate(through: month.lastDay)
    }

    private static func reading<T>(_ body: () throws(StoreError) -> T) throws(WorkflowError) -> T {
        try WorkflowError.reading(body)
    }

    /// Everything ``PDCAMetrics/report(_:grouping:)`` needs for `period`. Without `knownZones` the zones are read
    /// without parsing their geometry (the metrics use the designations only).
    static func metricsInput(
        store: RecordStore, period: ReportingPeriod, zones knownZones: [Zone]? = nil, scope: StationScope? = nil
    ) throws(StoreError) -> MetricsInput {
        let lastYear = period.sameSpanPreviousYear()
        let twoYears = lastYear.sameSpanPreviousYear()
        let threeYears = twoYears.sameSpanPreviousYear()
        // Every read on its own connection, as many at once as there are cores, the longest first.
        let batch = ReadBatch()
        let tallies = store.addPeriodTallies(from: period.start, to: period.end, scope: scope, to: batch)
        let zoneTimes = batch.add { () throws(StoreError) in
            try store.zoneHourWeekdayTallies(of: .accidents, from: lastYear.start, to: period.end, scope: scope)
        }
        let plans = batch.add { () throws(StoreError) in
            try store.plans(overlapping: period.start, period.end, scope: scope)
        }
        let earlierAccidents = [lastYear, twoYears, threeYears].map { span in
            batch.add { () throws(StoreError) in
                try store.accidentTallies(from: span.start, to: span.end, scope: scope)
            }
        }
        // The accident station-months delivered in the period and the three years before: what the imports
        // covered (an NPA release covers its year), not merely the months with an accident.
        let delivered = [period, lastYear, twoYears, threeYears].map { span in
            batch.add { () throws(StoreError) in
                try store.stationMonthCounts(from: span.start, to: span.end, datasets: [.accidents], scope: scope)
            }
        }
        let reference = batch.add { () throws(StoreError) in
            let zones: [Zone]
            if let knownZones { zones = knownZones } else { zones = try store.zones().map(\.zone) }
            return (
                stations: try store.stations().filter { scope.includes($0.id) },
                zones: zones.filter { scope.includes($0.stationID) }
            )
        }
        batch.run()
        var current = try tallies()
        current.coverage = current.coverage.filter { $0.dataset != .accidents } + (try delivered[0].get())
        return MetricsInput(
            period: period, stations: try reference.get().stations, zones: try reference.get().zones,
            plans: try plans.get(), current: current, lastYearAccidents: try earlierAccidents[0].get(),
            lastYearCoverage: try delivered[1].get(),
            earlierYearsAccidents: [try earlierAccidents[1].get(), try earlierAccidents[2].get()],
            earlierYearsCoverage: [try delivered[2].get(), try delivered[3].get()],
            zoneAccidentTimes: try zoneTimes.get())
    }
}
