import BikePDCACore
import Foundation

/// `activities/activities_FY2023.csv` … `activities_FY2026.csv`: the operations held (Do).
///
/// Patrols carry `hours` only; every other operation has `start` and `end` (December's late-evening operation
/// at 中央駅前地区 ends after midnight).
enum ActivityDataset {
    static let header = [
        "operation_id", "date", "start", "end", "hours", "station", "zone_id", "kind", "officers_traffic",
        "officers_community", "officers_other",
    ]

    static func write(world: SampleWorld, to directory: URL) throws(SampleGeneratorError) -> [SampleSummary.File] {
        var files: [SampleSummary.File] = []
        for fiscalYear in AccidentDataset.fiscalYears(of: world) {
            let indices = world.activities.indices.filter {
                world.activities[$0].date.yearMonth.fiscalYear == fiscalYear
            }.sorted { lhs, rhs in
                let left = world.activities[lhs]
                let right = world.activities[rhs]
                if left.date != right.date { return left.date < right.date }
                if left.stationIndex != right.stationIndex { return left.stationIndex < right.stationIndex }
                return lhs < rhs
            }
            let file = try SampleFiles.write(
                in: directory, path: "activities/activities_FY\(fiscalYear).csv", encoding: .utf8,
                dataset: .activities, role: .data
            ) { (output) throws(SampleGeneratorError) -> Int in
                try output.write(CSVRow(header))
                var row = CSVRow()
                for index in indices {
                    let activity = world.activities[index]
                    fill(
                        &row, activity: activity, stationID: world.stations[activity.stationIndex].idBytes,
                        zoneID: activity.zoneIndex.map { world.zones[$0].zone.id })
                    try output.write(row)
                }
                return indices.count
            }
            files.append(file)
        }
        return files
    }

    /// Fills `row` with one operation in the columns of ``header``: `start` and `end`, or `hours` for a patrol.
    static func fill(_ row: inout CSVRow, activity: ActivityDraft, stationID: [UInt8], zoneID: String?) {
        row.reset()
        row.append(raw: activity.idBytes)
        row.append(DateText.iso(activity.date))
        if let start = activity.start {
            row.append(minuteOfDay: start)
            row.append(minuteOfDay: (start + activity.duration) % 1_440)
            row.appendEmpty()
        } else {
            row.appendEmpty()
            row.appendEmpty()
            row.append(ReferenceDataset.number(Double(activity.duration) / 60))
        }
        row.append(raw: stationID)
        row.append(zoneID)
        row.append(activity.kind.rawValue)
        row.append(activity.traffic)
        row.append(activity.community)
        row.append(activity.other)
    }
}
