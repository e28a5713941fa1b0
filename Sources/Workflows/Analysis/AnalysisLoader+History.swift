import Analytics
import BikePDCACore
import Store

extension AnalysisLoader {
    /// The earliest day read for a history: before any data the toolkit imports (the NPA's open data begins in
    /// 2019, registered stations' files later).
    static let historyStart = LocalDate(dayNumber: 10_957)  // 2000-01-01

    /// Every stored month's accidents of `scope` (the loader's scope when `nil`) through `period`'s end, and each
    /// station's latest accident date: what the multi-year trend and the fiscal year to date of every report
    /// are computed from (`AccidentTrend`).
    public func accidentHistory(through period: ReportingPeriod, scope: StationScope? = nil) throws(WorkflowError)
        -> AccidentHistory
    {
        let scope = scope ?? self.scope
        return try WorkflowError.reading { () throws(StoreError) in
            try Self.accidentHistory(store: store, through: period.end, scope: scope)
        }
    }

    /// The history read from `store` (see ``accidentHistory(through:scope:)``).
    static func accidentHistory(store: RecordStore, through end: LocalDate, scope: StationScope?)
        throws(StoreError) -> AccidentHistory
    {
        AccidentHistory(
            tallies: try store.accidentTallies(from: historyStart, to: end, scope: scope),
            latestDates: try store.latestAccidentDates(scope: scope))
    }
}
