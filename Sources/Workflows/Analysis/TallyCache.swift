import BikePDCACore
import Store

/// Store reads that a run repeats, remembered by date span (a report run asks for the same before/after windows
/// for every zone designated on the same day).
final class TallyCache {
    private let store: RecordStore
    private let scope: StationScope?
    private var accidents: [Span: [AccidentTally]] = [:]
    private var delivered: [Span: Set<StationMonth>] = [:]
    private var latest: LocalDate??

    init(store: RecordStore, scope: StationScope?) {
        self.store = store
        self.scope = scope
    }

    /// Accident tallies of `span`.
    func accidentTallies(_ span: ReportingPeriod) throws(StoreError) -> [AccidentTally] {
        if let cached = accidents[Span(span)] { return cached }
        let tallies = try store.accidentTallies(from: span.start, to: span.end, scope: scope)
        accidents[Span(span)] = tallies
        return tallies
    }

    /// The date of the latest accident of the stations in scope (read once per run).
    func latestAccidentDate() throws(StoreError) -> LocalDate? {
        if let latest { return latest }
        let read = try store.latestAccidentDate(scope: scope)
        latest = .some(read)
        return read
    }

    /// The accident station-months delivered (``RecordStore/stationMonthCounts(from:to:datasets:scope:)``), for
    /// the months touching `span`.
    func deliveredAccidentMonths(_ span: ReportingPeriod) throws(StoreError) -> Set<StationMonth> {
        if let cached = delivered[Span(span)] { return cached }
        let months = Set(
            try store.stationMonthCounts(from: span.start, to: span.end, datasets: [.accidents], scope: scope)
                .map(\.key))
        delivered[Span(span)] = months
        return months
    }

    /// A cache key: the first and last day (labels differ for the same days).
    private struct Span: Hashable {
        let start: LocalDate
        let end: LocalDate

        init(_ period: ReportingPeriod) {
            start = period.start
            end = period.end
        }
    }
}
