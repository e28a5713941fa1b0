import Analytics
import BikePDCACore
import Store

/// The windows of a before–after evaluation: given, or `months` either side of the designation date.
public enum EvaluationWindows: Sendable {
    /// Explicit windows (`--before`, `--after`).
    case given(before: ReportingPeriod, after: ReportingPeriod)
    /// This many months before the designation date and from it, the after window ending with the data.
    case aroundDesignation(months: Int)
}

extension AnalysisLoader {
    /// A zone's before–after evaluation (by default 12 months either side of its designation), with the other
    /// zones of the scope as the empirical-Bayes reference group.
    ///
    /// A window the loaded accident data do not reach at all (no station of the scope has an accident record in
    /// it) is refused (``WorkflowError/windowWithoutData(window:label:stationIDs:)``): its zeros would be missing
    /// data. A window with some station-months missing is evaluated, and the result lists the gaps
    /// (``BeforeAfterResult/beforeGaps``).
    public func comparison(
        _ zone: Zone, windows: EvaluationWindows = .aroundDesignation(months: 12),
        methods: [EvaluationMethod] = EvaluationMethod.allCases, prefectureComparison: Bool = false
    ) throws(WorkflowError) -> BeforeAfterResult {
        try evaluate(
            [zone], subject: "zone \(zone.id) \(zone.name)", subjectName: "\(zone.name) (\(zone.id))",
            singleZone: true, windows: windows, methods: methods, prefectureComparison: prefectureComparison)
    }

    /// The zones of a station evaluated together, with the other stations' zones as the reference group.
    public func comparison(
        ofStation stationID: String, windows: EvaluationWindows = .aroundDesignation(months: 12),
        methods: [EvaluationMethod] = EvaluationMethod.allCases, prefectureComparison: Bool = false
    ) throws(WorkflowError) -> BeforeAfterResult {
        try evaluate(
            try zones(ofStation: stationID), subject: "the zones of station \(stationID)",
            subjectName: "station \(stationID)", singleZone: false, windows: windows, methods: methods,
            prefectureComparison: prefectureComparison)
    }

    /// Evaluates `treated` (one zone when `singleZone`, else a station's zones) before and after its designation.
    private func evaluate(
        _ treated: [Zone], subject: String, subjectName: String, singleZone: Bool, windows requested: EvaluationWindows,
        methods: [EvaluationMethod], prefectureComparison: Bool
    ) throws(WorkflowError) -> BeforeAfterResult {
        let stationID = treated.first?.stationID ?? ""
        let before: ReportingPeriod
        let after: ReportingPeriod
        switch requested {
        case .given(let givenBefore, let givenAfter):
            (before, after) = (givenBefore, givenAfter)
        case .aroundDesignation(let months):
            let designated = treated.map(\.designatedFrom).min() ?? LocalDate(dayNumber: 0)
            let dataEnd = try WorkflowError.reading { () throws(StoreError) in try cache.latestAccidentDate() }
            guard
                let computed = ZoneEvaluation.defaultWindows(
                    designatedFrom: designated, months: months, dataEnd: dataEnd ?? designated)
            else { throw .noDataAfterDesignation(designated) }
            (before, after) = computed
        }
        let (beforeTallies, afterTallies) = try WorkflowError.reading { () throws(StoreError) in
            (try cache.accidentTallies(before), try cache.accidentTallies(after))
        }
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
            subject: subject, beforeLabel: before.label, afterLabel: after.label,
            beforeDays: before.dayCount, afterDays: after.dayCount,
            before: sum(beforeTallies) { $0.zoneID.map(treatedIDs.contains) ?? false },
            after: sum(afterTallies) { $0.zoneID.map(treatedIDs.contains) ?? false },
            comparisonName: prefectureComparison
                ? "the prefecture's roads outside zones" : "station \(stationID)'s roads outside zones",
            comparisonBefore: sum(beforeTallies, isComparison), comparisonAfter: sum(afterTallies, isComparison),
            referenceBefore: referenceCounts(beforeTallies), referenceAfter: referenceCounts(afterTallies))
        // A window month a station never delivered is missing data, not zero accidents: say so loudly, and refuse
        // a window the loaded accident data do not reach at all (every count would be a zero that means nothing).
        // A single station without records in a window is not refused: a small station can have none.
        for (name, window) in [("before", before), ("after", after)] {
            let delivered = try WorkflowError.reading { () throws(StoreError) in
                try cache.deliveredAccidentMonths(window)
            }
            if delivered.isEmpty {
                throw .windowWithoutData(window: name, label: window.label, stationIDs: [stationID])
            }
        }
        let beforeGaps = try gaps(in: before)
        let afterGaps = try gaps(in: after)
        var evaluation = ZoneEvaluation.evaluate(counts, methods: methods)
        for (name, missing) in [("before", beforeGaps), ("after", afterGaps)] where !missing.isEmpty {
            evaluation.notes.insert(
                "INCOMPLETE: the \(name) window has \(missing.count) station-month\(missing.count == 1 ? "" : "s") with no accident records "
                    + "(e.g. \(missing.prefix(3).map(\.description).joined(separator: ", "))); they are missing, not "
                    + "zero, so the estimates below are not reliable. Choose windows inside the loaded months "
                    + "(--before/--after).",
                at: 0)
        }
        var result = BeforeAfterResult(
            subjectName: subjectName, before: before, after: after, counts: counts, evaluation: evaluation,
            prefectureComparison: prefectureComparison, beforeGaps: beforeGaps, afterGaps: afterGaps)
        result.stationIDs = [stationID]
        return result
    }

    /// The station-months of `span` without accident records, for every station of the scope.
    private func gaps(in span: ReportingPeriod) throws(WorkflowError) -> [StationMonth] {
        let delivered = try WorkflowError.reading { () throws(StoreError) in
            try cache.deliveredAccidentMonths(span)
        }
        return stations.flatMap { station in
            span.months.map { StationMonth(stationID: station.id, month: $0) }.filter { !delivered.contains($0) }
        }
    }
}
