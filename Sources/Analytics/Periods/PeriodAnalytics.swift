import BikePDCACore

/// One period's analysis (`act`, the zone, station and prefecture reports): the metrics, hot spots and Act
/// recommendations, and the tallies behind them. Loaded once per run; each report takes its slice.
public struct PeriodAnalytics: Sendable {
    /// The reporting period.
    public var period: ReportingPeriod
    /// The metrics input (reference data and tallies of the period, last year's accidents, hour × weekday counts).
    public var input: MetricsInput
    /// The Plan/Do/Check metrics by station × department × zone (`PDCAMetrics.report(input, grouping: .all)`).
    public var metrics: MetricsReport
    /// Hot spots of accidents outside every zone, ranked (`HotSpots.rank`).
    public var hotSpots: [HotSpotCell]
    /// The Act recommendations (`ActRecommendations.recommend`).
    public var recommendations: [Recommendation]
    /// The same span a year earlier by station × zone, when the Act list was made (`nil` for a zone's own
    /// slice, which needs no recommendations).
    public var lastYear: MetricsReport?
    /// The thresholds the Act list was made with (default ``ActThresholds/init()``).
    public var thresholds: ActThresholds
    /// Accidents by bicycle role and counterpart, enforcement by vehicle and age band (empty when not loaded).
    public var breakdowns = RecordBreakdowns()
    /// Every stored month's accidents of the scope up to the period's end, for the multi-year trend and the
    /// fiscal year to date (`AccidentTrend`); `nil` when not loaded.
    public var accidentHistory: AccidentHistory?
    /// The place of each hot spot (``hotSpotPlace(_:)``), in the order of ``hotSpots``: found once for a run's
    /// reports (``placeHotSpots()``) instead of once per report; empty when not found yet.
    public internal(set) var hotSpotPlaces: [PlaceReference?] = []

    /// Creates the bundle.
    public init(
        period: ReportingPeriod, input: MetricsInput, metrics: MetricsReport, hotSpots: [HotSpotCell],
        recommendations: [Recommendation], lastYear: MetricsReport? = nil, thresholds: ActThresholds = ActThresholds()
    ) {
        self.thresholds = thresholds
        self.period = period
        self.input = input
        self.metrics = metrics
        self.hotSpots = hotSpots
        self.recommendations = recommendations
        self.lastYear = lastYear
    }

    /// The registered stations.
    public var stations: [Station] { input.stations }
    /// The registered zones.
    public var zones: [Zone] { input.zones }

    /// The station with `id`, if registered.
    public func station(_ id: String) -> Station? { stations.first { $0.id == id } }
}

/// Points of a map: the located records (in a stable order) and how many records had no location.
public struct MapPoints: Sendable, Hashable {
    /// Located records, in the store's stable order.
    public var located: [Coordinate]
    /// Records without a usable location (counted, not drawn).
    public var unlocated: Int

    /// Creates the points; none by default.
    public init(located: [Coordinate] = [], unlocated: Int = 0) {
        self.located = located
        self.unlocated = unlocated
    }
}

/// A before–after evaluation as `bikepdca compare` makes it, with the data gaps of its windows.
public struct BeforeAfterResult: Sendable {
    /// What is evaluated, shown as the report's subject, e.g. 「中央駅前地区 (58101-D01)」.
    public var subjectName: String
    /// The windows compared.
    public var before: ReportingPeriod
    /// The after window.
    public var after: ReportingPeriod
    /// The counts evaluated.
    public var counts: BeforeAfterCounts
    /// The evaluation (θ per method, exact rate ratio, reliability).
    public var evaluation: ZoneEvaluation
    /// Whether the comparison group is the whole prefecture outside zones (else the station's roads outside zones).
    public var prefectureComparison: Bool
    /// Station-months with no accident records in the before window (`58101 2022-05`): missing, not zero.
    public var beforeGaps: [StationMonth]
    /// Station-months with no accident records in the after window.
    public var afterGaps: [StationMonth]
    /// The stations whose zones are evaluated (their accidents are K, L and, by default, M, N); empty when unknown.
    public var stationIDs: [String] = []

    /// Creates the result.
    public init(
        subjectName: String, before: ReportingPeriod, after: ReportingPeriod, counts: BeforeAfterCounts,
        evaluation: ZoneEvaluation, prefectureComparison: Bool, beforeGaps: [StationMonth], afterGaps: [StationMonth]
    ) {
        self.subjectName = subjectName
        self.before = before
        self.after = after
        self.counts = counts
        self.evaluation = evaluation
        self.prefectureComparison = prefectureComparison
        self.beforeGaps = beforeGaps
        self.afterGaps = afterGaps
    }
}

/// What the zone report needs beyond the period's analytics: the zone's before–after evaluation and its points.
public struct ZoneDetail: Sendable {
    /// The zone.
    public var zone: Zone
    /// Its before–after evaluation around the designation date; `nil` when it could not be made (the reason in
    /// ``evaluationProblem``).
    public var evaluation: BeforeAfterResult?
    /// Why there is no evaluation, e.g. no accident data after the designation date.
    public var evaluationProblem: String?
    /// The before–after window the zone's station delivered no accident month in (データなし), when that is why
    /// there is no evaluation.
    public var windowWithoutData: UncoveredWindow?
    /// Accidents in a ring around the zone and in a control area, before and after, for the displacement check
    /// (転移・効果の波及); `nil` when they were not counted.
    public var displacement: ZoneDisplacement?

    /// A before–after window without accident data.
    public struct UncoveredWindow: Sendable, Equatable {
        /// `before` or `after`.
        public var window: String
        /// The window's dates, e.g. `2021-04-01..2022-03-31`.
        public var label: String

        /// Creates the window's description.
        public init(window: String, label: String) {
            self.window = window
            self.label = label
        }
    }
    /// The zone's accidents in the period.
    public var accidents: MapPoints
    /// The zone's enforcement records in the period.
    public var enforcement: MapPoints

    /// Creates the detail.
    public init(
        zone: Zone, evaluation: BeforeAfterResult?, evaluationProblem: String? = nil,
        windowWithoutData: UncoveredWindow? = nil, displacement: ZoneDisplacement? = nil, accidents: MapPoints,
        enforcement: MapPoints
    ) {
        self.zone = zone
        self.evaluation = evaluation
        self.evaluationProblem = evaluationProblem
        self.windowWithoutData = windowWithoutData
        self.displacement = displacement
        self.accidents = accidents
        self.enforcement = enforcement
    }
}
