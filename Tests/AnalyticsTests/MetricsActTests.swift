import Analytics
import BikePDCACore
import Geo
import Testing

@Suite("Hot spots and Act recommendations")
struct MetricsActTests {
    /// The quarter-mesh cell (row, column) of a point: ⌊lat·480⌋, ⌊(lon − 100)·320⌋.
    static func cell(_ lat: Double, _ lon: Double, count: Int, severe: Int = 0) -> GridCellTally {
        GridCellTally(
            row: Int((lat * 480).rounded(.down)), column: Int(((lon - 100) * 320).rounded(.down)), count: count,
            fatalOrSerious: severe)
    }

    @Test("accidents fold into half-mesh cells with the JIS X 0410 code; the cluster ranks first")
    func hotSpotRanking() throws {
        // STATISTICS.md §6.1: (35.681236, 139.767125) lies in half mesh 533946113.
        var tallies = [Self.cell(35.681236, 139.767125, count: 6, severe: 2)]
        // Its east neighbour and a lone accident far away.
        tallies.append(Self.cell(35.681236, 139.767125 + 1.0 / 160, count: 5))
        tallies.append(Self.cell(35.60, 139.60, count: 1))
        let ranked = HotSpots.rank(tallies, level: .half, minimumCount: 3, minimumZ: 1.0)
        #expect(ranked.count == 3, "only cells with accidents are listed")
        #expect(ranked[0].mesh == "533946113")
        #expect(ranked[0].count == 6)
        #expect(ranked[0].fatalOrSerious == 2)
        #expect(ranked[0].giStar > ranked[2].giStar)
        #expect(ranked[0].isCandidate)
        #expect(!ranked[2].isCandidate, "one accident is below the minimum count")
    }

    @Test("a cell whose centre lies in a zone is never a candidate")
    func zoneCellsAreNotCandidates() throws {
        let tallies = [Self.cell(35.681236, 139.767125, count: 6), Self.cell(35.70, 139.80, count: 1)]
        let centre = try #require(MeshCode(code: "533946113")).centre
        let square = Geometry.polygon([
            [
                Coordinate(latitude: centre.latitude - 0.001, longitude: centre.longitude - 0.001),
                Coordinate(latitude: centre.latitude - 0.001, longitude: centre.longitude + 0.001),
                Coordinate(latitude: centre.latitude + 0.001, longitude: centre.longitude + 0.001),
                Coordinate(latitude: centre.latitude + 0.001, longitude: centre.longitude - 0.001),
                Coordinate(latitude: centre.latitude - 0.001, longitude: centre.longitude - 0.001),
            ]
        ])
        let shape = try #require(ZoneShape(geometry: square))
        let ranked = HotSpots.rank(tallies, level: .half, zoneShapes: [shape], minimumCount: 1, minimumZ: -10)
        #expect(ranked[0].overlapsZone)
        #expect(!ranked[0].isCandidate)
    }

    static func zoneRow(_ zone: String, accidents: Int, lastYear: Int, enforcement: Int) -> MetricsRow {
        var row = MetricsRow(key: MetricKey(stationID: "18101", department: nil, zoneID: zone))
        row.plan.activeZones = 1
        row.done.warnings = enforcement
        row.done.zoneMonths = 12
        row.done.zoneMonthsMeetingMinimum = 12
        var check = CheckFigures()
        check.accidents = accidents
        check.accidentsLastYear = lastYear
        check.changePercent = Double(accidents - lastYear) / Double(lastYear) * 100
        row.check = check
        return row
    }

    static func report(_ rows: [MetricsRow]) -> MetricsReport {
        MetricsReport(
            period: "FY2025", start: "2025-04-01", end: "2026-03-31", lastYearPeriod: "FY2024", rows: rows, missing: [],
            notes: [])
    }

    @Test("change tactics, maintenance, under plan and missing concentrated days, each with its numbers")
    func recommendations() throws {
        let stuck = Self.zoneRow("Z1", accidents: 12, lastYear: 10, enforcement: 80)
        let falling = Self.zoneRow("Z2", accidents: 7, lastYear: 10, enforcement: 80)
        var quiet = Self.zoneRow("Z3", accidents: 1, lastYear: 2, enforcement: 80)
        quiet.done.zoneMonthsMeetingMinimum = 10
        var community = MetricsRow(key: MetricKey(stationID: "18101", department: .community, zoneID: "Z1"))
        community.plan.plannedOfficerHours = 200
        community.done.officerHoursByDepartment = ["community": 100]
        let lastYear = Self.report([Self.zoneRow("Z2", accidents: 10, lastYear: 14, enforcement: 50)])
        let result = ActRecommendations.recommend(
            current: Self.report([stuck, falling, quiet, community]), lastYear: lastYear, hotSpots: [])
        let kinds = result.map { "\($0.kind.rawValue) \($0.subject)" }
        #expect(kinds.contains("change-tactics zone Z1 (station 18101)"))
        #expect(kinds.contains("consider-maintenance zone Z2 (station 18101)"), "−30 % after −28.6 %")
        #expect(kinds.contains("missing-concentrated-day zone Z3 (station 18101)"))
        #expect(!kinds.contains { $0.hasPrefix("change-tactics zone Z3") }, "3 accidents are too few for a verdict")
        let underPlan = try #require(result.first { $0.kind == .underPlan })
        #expect(underPlan.subject.hasPrefix("station 18101 community"))
        #expect(underPlan.figures["execution_percent"] == 50)
        #expect(underPlan.reason.contains("zone Z1"), "hours go first to the zone with the most accidents")
        let tactics = try #require(result.first { $0.kind == .changeTactics })
        #expect(tactics.figures["accidents"] == 12)
        #expect(tactics.figures["enforcement"] == 80)
    }

    @Test("thresholds are configurable")
    func thresholds() throws {
        var strict = ActThresholds()
        strict.minimumZoneEnforcement = 100
        let result = ActRecommendations.recommend(
            current: Self.report([Self.zoneRow("Z1", accidents: 12, lastYear: 10, enforcement: 80)]), lastYear: nil,
            hotSpots: [], thresholds: strict)
        #expect(!result.contains { $0.kind == .changeTactics })
        #expect(ActThresholds().minimumZoneEnforcement == 30)
    }
}
