import BikePDCACore

/// A weekday × time-of-day cell (曜日×時間帯) of a zone's accidents: where operations could move to.
public struct TimeCell: Sendable, Equatable, Encodable {
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int
    /// First hour of the cell (0…21).
    public var startHour: Int
    /// The hour the cell ends (exclusive, 3…24).
    public var endHour: Int
    /// Accidents in the cell over the reference window.
    public var accidents: Int

    /// Creates a cell.
    public init(weekday: Int, startHour: Int, endHour: Int, accidents: Int) {
        self.weekday = weekday
        self.startHour = startHour
        self.endHour = endHour
        self.accidents = accidents
    }
}

/// When a zone's accidents happen, and whether they are enough to tell where operations should move.
///
/// The rule (documented in docs/ANALYTICS.md): the zone's accidents with a time of day over the reference window
/// are counted in weekday × 3-hour cells (56 cells). Cells are named only when the zone has at least
/// ``ActThresholds/minimumAccidentsForTiming`` accidents with a time, and only cells with at least
/// ``ActThresholds/minimumAccidentsPerTimeCell`` accidents, most first, at most ``ActThresholds/maximumTimeCells``.
/// Otherwise the timing is inconclusive and no move is suggested.
public struct AccidentTiming: Sendable, Equatable {
    /// The width of a cell in hours.
    public static let hoursPerCell = 3
    /// The zone's accidents with a time of day.
    public var accidentsWithTime: Int
    /// The cells to move operations to, most accidents first; empty when inconclusive.
    public var cells: [TimeCell]

    /// Creates a timing.
    public init(accidentsWithTime: Int, cells: [TimeCell]) {
        self.accidentsWithTime = accidentsWithTime
        self.cells = cells
    }

    /// Whether the accidents are enough to name cells.
    public var isConclusive: Bool { !cells.isEmpty }

    /// The timing of zone `zoneID` of station `stationID` from hour × weekday tallies.
    public init(
        _ tallies: [HourWeekdayTally], stationID: String, zoneID: String, thresholds: ActThresholds = ActThresholds()
    ) {
        var counts: [Int: Int] = [:]
        var total = 0
        for tally in tallies where tally.stationID == stationID && tally.zoneID == zoneID {
            guard let hour = tally.hour, (1...7).contains(tally.weekday), (0..<24).contains(hour) else { continue }
            total += tally.count
            counts[(tally.weekday - 1) * 8 + hour / Self.hoursPerCell, default: 0] += tally.count
        }
        accidentsWithTime = total
        guard total >= thresholds.minimumAccidentsForTiming else {
            cells = []
            return
        }
        cells = counts.filter { $0.value >= thresholds.minimumAccidentsPerTimeCell }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .prefix(thresholds.maximumTimeCells)
            .map { cell, count in
                let band = cell % 8
                return TimeCell(
                    weekday: cell / 8 + 1, startHour: band * Self.hoursPerCell,
                    endHour: (band + 1) * Self.hoursPerCell, accidents: count)
            }
    }

    /// `Tue 15–18h, Fri 6–9h` in English.
    public var cellsDescription: String {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return cells.map { "\(names[$0.weekday - 1]) \($0.startHour)–\($0.endHour)h (\($0.accidents))" }
            .joined(separator: ", ")
    }
}
