import BikePDCACore
import Foundation
import Testing

@testable import Store

@Suite("Month splits of a date span")
struct MonthSplitTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text) ?? LocalDate(dayNumber: 0) }
    static func month(_ text: String) -> YearMonth { YearMonth(iso: text) ?? YearMonth(year: 1, month: 1) }

    @Test(
        "whole months and the partial months at the ends",
        arguments: [
            ("2025-04-01", "2026-03-31", "2025-04", "2026-03", [] as [String]),
            (
                "2025-04-10", "2025-06-05", "2025-05", "2025-05",
                ["2025-04-10", "2025-04-30", "2025-06-01", "2025-06-05"]
            ),
            ("2025-04-10", "2025-05-31", "2025-05", "2025-05", ["2025-04-10", "2025-04-30"]),
            ("2025-04-01", "2025-05-20", "2025-04", "2025-04", ["2025-05-01", "2025-05-20"]),
            ("2025-05-05", "2025-05-25", nil, nil, ["2025-05-05", "2025-05-25"]),
            ("2025-04-30", "2025-05-01", nil, nil, ["2025-04-30", "2025-04-30", "2025-05-01", "2025-05-01"]),
            ("2025-02-01", "2025-02-28", "2025-02", "2025-02", []),
            ("2024-02-01", "2024-02-28", nil, nil, ["2024-02-01", "2024-02-28"]),  // 2024 is a leap year
        ])
    func split(start: String, end: String, first: String?, last: String?, partial: [String]) {
        let split = MonthSplit(from: Self.day(start), to: Self.day(end))
        #expect(split.wholeMonths?.lowerBound == first.map(Self.month))
        #expect(split.wholeMonths?.upperBound == last.map(Self.month))
        let bounds = split.partialRanges.flatMap { [$0.lowerBound.description, $0.upperBound.description] }
        #expect(bounds == partial)
    }

    @Test("an empty span has no months")
    func empty() {
        let split = MonthSplit(from: Self.day("2025-05-02"), to: Self.day("2025-05-01"))
        #expect(split.wholeMonths == nil && split.partialRanges.isEmpty)
    }
}

/// The enforcement summary must always say what counting the records would say. The records below go through
/// every kind of write — new ids, rewritten ids, a full-month replacement, zones found by geometry, zones moved —
/// and after each step the store's tallies are compared with counts made here by plain loops over what the
/// records should then be.
@Suite("The enforcement summary follows every write")
struct EnforcementSummaryTests {
    static let stations = ["52101", "52102"]
    static let violations = ["signal", "stop-sign", "phone", "no-light"]
    /// Z1: a square of 0.01° around (36.005, 136.205), station 52101; Z2 another square, station 52102.
    static let z1Square = (36.00, 136.20, 36.01, 136.21)
    static let z2Square = (36.10, 136.30, 36.11, 136.31)

    /// A deterministic stream of numbers for the test's records (a 64-bit LCG).
    struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func polygon(_ square: (Double, Double, Double, Double)) -> (Geometry, String) {
        let (lat0, lon0, lat1, lon1) = square
        let ring = [(lat0, lon0), (lat0, lon1), (lat1, lon1), (lat1, lon0), (lat0, lon0)]
        let geometry = Geometry.polygon([ring.map { Coordinate(latitude: $0.0, longitude: $0.1) }])
        let text = ring.map { "[\($0.1),\($0.0)]" }.joined(separator: ",")
        return (geometry, "{\"type\":\"Polygon\",\"coordinates\":[[\(text)]]}")
    }

    /// A record of March–May 2025: a quarter reported in its station's zone, a quarter unzoned inside Z1's square
    /// (to be found by geometry, whatever the station), a quarter unzoned far from every zone, a quarter unzoned
    /// without a location.
    static func record(_ id: String, _ numbers: inout Numbers, month: YearMonth? = nil, station: String? = nil)
        -> EnforcementRecord
    {
        let months = [
            YearMonth(year: 2025, month: 3), YearMonth(year: 2025, month: 4), YearMonth(year: 2025, month: 5),
        ]
        let chosenMonth = month ?? months[numbers.next(3)]
        let day = 1 + numbers.next(LocalDate.daysInMonth(year: chosenMonth.year, month: chosenMonth.month))
        let stationID = station ?? stations[numbers.next(2)]
        let placement = numbers.next(4)
        var zone: String?
        var location: Coordinate?
        switch placement {
        case 0: zone = stationID == "52101" ? "Z1" : "Z2"
        case 1: location = Coordinate(latitude: 36.0005 + Double(numbers.next(90)) / 10_000, longitude: 136.2050)
        case 2: location = Coordinate(latitude: 35.5, longitude: 135.5)
        default: break
        }
        let hour = numbers.next(25)
        return EnforcementRecord(
            id: id,
            date: LocalDate(year: chosenMonth.year, month: chosenMonth.month, day: day) ?? LocalDate(dayNumber: 0),
            time: hour == 24 ? nil : LocalTime(hour: hour, minute: numbers.next(60)), stationID: stationID,
            department: [Department.traffic, .community, .other][numbers.next(3)], zoneID: zone, location: location,
            violation: violations[numbers.next(violations.count)],
            outcome: [Outcome.warning, .blueTicket][numbers.next(2)],
            vehicle: numbers.next(3) == 0 ? .specifiedSmallMotorised : .bicycle,
            ageBand: [nil, AgeBand.under16, .age20to29, .age65plus][numbers.next(4)], operationID: nil)
    }

    /// What the store should hold: the records by id, with the zone each should have now.
    struct Model {
        var records: [String: EnforcementRecord] = [:]
        /// Ids whose zone came from geometry, with that zone.
        var found: [String: String] = [:]

        func zone(of record: EnforcementRecord) -> String? { record.zoneID ?? found[record.id] }

        func tallies(from start: LocalDate, to end: LocalDate) -> Set<EnforcementTally> {
            var counts: [String: (EnforcementRecord, String?, Int)] = [:]
            for record in records.values where record.date >= start && record.date <= end {
                let zone = zone(of: record)
                let key = [
                    record.stationID, record.department.rawValue, zone ?? "-", record.violation,
                    record.outcome.rawValue, record.date.yearMonth.description,
                ].joined(separator: "|")
                counts[key, default: (record, zone, 0)].2 += 1
            }
            return Set(
                counts.values.map { record, zone, count in
                    EnforcementTally(
                        stationID: record.stationID, department: record.department, zoneID: zone,
                        month: record.date.yearMonth, outcome: record.outcome, violation: record.violation,
                        count: count)
                })
        }

        func hourWeekday(from start: LocalDate, to end: LocalDate) -> Set<HourWeekdayTally> {
            var counts: [String: (EnforcementRecord, String, Int)] = [:]
            for record in records.values where record.date >= start && record.date <= end {
                guard let zone = zone(of: record) else { continue }
                let key = "\(record.stationID)|\(zone)|\(record.date.isoWeekday)|\(record.time?.hour ?? -1)"
                counts[key, default: (record, zone, 0)].2 += 1
            }
            return Set(
                counts.values.map { record, zone, count in
                    HourWeekdayTally(
                        stationID: record.stationID, zoneID: zone, hour: record.time?.hour,
                        weekday: record.date.isoWeekday, count: count)
                })
        }

        /// Who was stopped, by station, zone, vehicle and age band (`""` when not recorded), in the store's order.
        func riders(from start: LocalDate, to end: LocalDate) -> [CategoryTally] {
            var counts: [[String]: Int] = [:]
            for record in records.values where record.date >= start && record.date <= end {
                let key = [
                    record.stationID, zone(of: record) ?? "", record.vehicle.rawValue, record.ageBand?.rawValue ?? "",
                ]
                counts[key, default: 0] += 1
            }
            return counts.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key in
                CategoryTally(
                    stationID: key[0], zoneID: key[1].isEmpty ? nil : key[1], first: key[2], second: key[3],
                    count: counts[key] ?? 0)
            }
        }

        func stationMonths() -> Set<StationMonthCount> {
            var counts: [String: [YearMonth: Int]] = [:]
            for record in records.values {
                counts[record.stationID, default: [:]][record.date.yearMonth, default: 0] += 1
            }
            return Set(
                counts.flatMap { station, months in
                    months.map {
                        StationMonthCount(dataset: .enforcement, stationID: station, month: $0.key, records: $0.value)
                    }
                })
        }
    }

    static let spans = [
        ("2025-03-01", "2025-05-31"), ("2025-03-20", "2025-05-10"), ("2025-04-05", "2025-04-25"),
        ("2025-04-01", "2025-04-30"), ("2025-03-31", "2025-04-01"),
    ]

    func expectAgreement(_ store: RecordStore, _ model: Model, _ step: String) throws {
        for (from, to) in Self.spans {
            let start = MonthSplitTests.day(from)
            let end = MonthSplitTests.day(to)
            let tallies = try store.enforcementTallies(from: start, to: end)
            #expect(Set(tallies) == model.tallies(from: start, to: end), "\(step): tallies \(from)…\(to)")
            #expect(tallies.count == Set(tallies).count, "\(step): one tally per group")
            let times = try store.zoneHourWeekdayTallies(of: .enforcement, from: start, to: end)
            #expect(Set(times) == model.hourWeekday(from: start, to: end), "\(step): hours × weekdays \(from)…\(to)")
            // Listed by station, zone, weekday and hour (an unknown hour first), one tally per cell.
            let inOrder = zip(times, times.dropFirst()).allSatisfy { lhs, rhs in
                if lhs.stationID != rhs.stationID { return lhs.stationID < rhs.stationID }
                if lhs.zoneID != rhs.zoneID { return (lhs.zoneID ?? "") < (rhs.zoneID ?? "") }
                if lhs.weekday != rhs.weekday { return lhs.weekday < rhs.weekday }
                return (lhs.hour ?? -1) < (rhs.hour ?? -1)
            }
            #expect(inOrder, "\(step): order \(from)…\(to)")
            #expect(times.count == Set(times).count, "\(step): one tally per cell")
            #expect(
                try store.enforcementRiderTallies(from: start, to: end) == model.riders(from: start, to: end),
                "\(step): vehicle × age band \(from)…\(to)")
            let points = try store.zonePoints(.enforcement, zoneID: "Z1", from: start, to: end)
            let inZ1 = model.records.values.filter {
                model.zone(of: $0) == "Z1" && $0.date >= start && $0.date <= end
            }
            #expect(points.located.count == inZ1.filter { $0.location != nil }.count, "\(step): Z1 points")
            #expect(points.unlocated == inZ1.filter { $0.location == nil }.count, "\(step): Z1 unlocated")
            // The same points gathered station by station, as a report set reads them.
            var gathered: [Coordinate] = []
            var gatheredUnlocated = 0
            for station in try store.enforcementStations(inZone: "Z1", from: start, to: end) {
                let byZone = try store.enforcementZonePoints(ofStation: station, from: start, to: end)
                gathered += byZone["Z1"]?.located ?? []
                gatheredUnlocated += byZone["Z1"]?.unlocated ?? 0
            }
            #expect(gathered == points.located && gatheredUnlocated == points.unlocated, "\(step): by station")
        }
        let counts = try store.stationMonthCounts(
            from: MonthSplitTests.day("2025-01-01"), to: MonthSplitTests.day("2025-12-31"), datasets: [.enforcement])
        #expect(Set(counts) == model.stationMonths(), "\(step): station-months")
    }

    func importRecords(
        _ store: RecordStore, _ records: [EnforcementRecord], name: String, fullMonth: Bool = false
    ) throws {
        let request = ImportRequest(
            dataset: .enforcement, fileName: name, sha256: name, encoding: nil, replacesMonths: fullMonth,
            importedAt: "2026-11-27 10:00:00")
        _ = try store.runImport(request) { writer in
            for (offset, record) in records.enumerated() {
                let outcome = try writer.write(record, line: offset + 2)
                #expect(outcome == .written)
            }
            return .commit(rejected: 0)
        }
    }

    @Test("after new records, rewritten records, a full-month replacement, geometry zones and moved zones")
    func followsEveryWrite() throws {
        let store = try RecordStore(path: try temporaryStorePath())
        let (z1, z1Text) = Self.polygon(Self.z1Square)
        let (z2, z2Text) = Self.polygon(Self.z2Square)
        func zone(_ id: String, _ station: String, _ geometry: Geometry) -> Zone {
            Zone(
                id: id, kind: .district, stationID: station, name: id,
                designatedFrom: MonthSplitTests.day("2024-04-01"), designatedTo: nil, reason: nil, geometry: geometry,
                bufferMetres: nil)
        }
        _ = try store.runImport(
            ImportRequest(dataset: .zones, fileName: "zones", sha256: "z", encoding: nil, importedAt: "2026-11-27")
        ) { writer in
            _ = try writer.write(zone("Z1", "52101", z1), line: 2, geometryText: z1Text)
            _ = try writer.write(zone("Z2", "52102", z2), line: 3, geometryText: z2Text)
            return .commit(rejected: 0)
        }
        var numbers = Numbers(state: 20_261_127)
        var model = Model()

        // 1. New records.
        let first = (1...600).map { Self.record("E\($0)", &numbers) }
        try importRecords(store, first, name: "first")
        for record in first { model.records[record.id] = record }
        try expectAgreement(store, model, "new records")

        // 2. Zones found by geometry: every unzoned record inside Z1's square.
        func assign() throws {
            _ = try store.assignZones()
            model.found = [:]
            let (lat0, lon0, lat1, lon1) = Self.z1Square
            for record in model.records.values where record.zoneID == nil {
                if let point = record.location, point.latitude > lat0, point.latitude < lat1,
                    point.longitude > lon0, point.longitude < lon1
                {
                    model.found[record.id] = "Z1"
                }
            }
        }
        try assign()
        #expect(!model.found.isEmpty)
        try expectAgreement(store, model, "geometry zones")

        // 3. A corrected file rewrites 150 ids (new dates, zones, departments) and adds 50.
        let rewritten =
            (1...150).map { Self.record("E\($0 * 4)", &numbers) } + (601...650).map { Self.record("E\($0)", &numbers) }
        try importRecords(store, rewritten, name: "second")
        for record in rewritten { model.records[record.id] = record }
        try expectAgreement(store, model.withoutStaleGeometry(rewritten), "rewritten records")
        try assign()
        try expectAgreement(store, model, "geometry zones again")

        // 4. 52101's May in full: 40 records, half of them ids already stored, the rest new.
        let may = YearMonth(year: 2025, month: 5)
        let kept = model.records.values.filter { $0.stationID == "52101" && $0.date.yearMonth == may }.map(\.id)
            .sorted()
        #expect(kept.count > 40)
        let full =
            kept.prefix(20).map { Self.record($0, &numbers, month: may, station: "52101") }
            + (1...20).map { Self.record("F\($0)", &numbers, month: may, station: "52101") }
        try importRecords(store, full, name: "may-full", fullMonth: true)
        for id in kept { model.records[id] = nil }
        for record in full { model.records[record.id] = record }
        try expectAgreement(store, model.withoutStaleGeometry(full), "full-month replacement")
        try assign()
        try expectAgreement(store, model, "geometry zones after the replacement")

        // 5. Z1 moves away from the points: every zone found by geometry is recomputed (none now).
        let moved = Self.polygon((36.50, 136.50, 36.51, 136.51))
        _ = try store.runImport(
            ImportRequest(dataset: .zones, fileName: "zones2", sha256: "z2", encoding: nil, importedAt: "2026-11-27")
        ) { writer in
            _ = try writer.write(zone("Z1", "52101", moved.0), line: 2, geometryText: moved.1)
            return .commit(rejected: 0)
        }
        _ = try store.assignZones()
        model.found = [:]
        try expectAgreement(store, model, "zones moved")

        // 6. The summary recounted from the table (as the migration does) is the same, and status counts it.
        try store.pool.write { db in try EnforcementSummary.rebuildAll(db) }
        try expectAgreement(store, model, "recounted")
        let status = try store.status(today: MonthSplitTests.day("2025-06-01"))
        let enforcement = status.coverage.first { $0.dataset == .enforcement }
        #expect(enforcement?.records == model.records.count)
    }
}

extension EnforcementSummaryTests.Model {
    /// The model after `records` were rewritten by an import: zones found by geometry for them are gone until the
    /// next assignment.
    func withoutStaleGeometry(_ records: [EnforcementRecord]) -> Self {
        var copy = self
        for record in records { copy.found[record.id] = nil }
        return copy
    }
}
