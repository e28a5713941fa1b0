import Analytics
import BikePDCACore
import Testing

@Suite("Plan attainment, accident timing and the Act list's order")
struct MetricsPlanAttainmentTests {
    static func departmentRow(
        _ department: Department, zone: String = "-", plannedOps: Double, ops: Int, plannedHours: Double = 0,
        hours: Double = 0, targetWarnings: Double? = nil, warnings: Int = 0
    ) -> MetricsRow {
        var row = MetricsRow(key: MetricKey(stationID: "18101", department: department, zoneID: zone))
        row.plan.plannedOperations = plannedOps
        row.done.operationsByKind = ["patrol": ops]
        row.plan.plannedOfficerHours = plannedHours
        row.done.officerHoursByDepartment = [department.rawValue: hours]
        row.plan.targetWarnings = targetWarnings
        row.done.warnings = warnings
        return row
    }

    @Test("a station's operations attainment sums its departments' participations, so it lies between them")
    func jointOperations() throws {
        // 10 operations held, 8 of them joint: traffic took part in 9, community in 9 (each plan counts a joint
        // operation). Planned: traffic 8, community 8. Departments: 9 ÷ 8 = 112.5 % each; the station: 18 ÷ 16 =
        // 112.5 %, not 10 distinct operations ÷ 16 = 62.5 %.
        let rows = [
            Self.departmentRow(.traffic, plannedOps: 8, ops: 9), Self.departmentRow(.community, plannedOps: 8, ops: 9),
        ]
        let station = PlanAttainment(departmentRows: rows, isProrated: false)
        let operations = try #require(station[.operations])
        #expect(operations.planned == 16)
        #expect(operations.actual == 18)
        #expect(operations.percent == 112.5)
        #expect(operations.isMet)
        #expect(station[.warnings] == nil, "no warning target, no warnings measure")
        #expect(station[.officerHours] == nil, "no planned hours, no officer-hours measure")
    }

    @Test("a department without a plan for a measure does not count toward it")
    func unplannedDepartment() throws {
        // Traffic 9 of 8 planned; the other department joined 3 operations with no plan: 9 ÷ 8, not 12 ÷ 8.
        let rows = [
            Self.departmentRow(.traffic, plannedOps: 8, ops: 9), Self.departmentRow(.other, plannedOps: 0, ops: 3),
        ]
        let operations = try #require(PlanAttainment(departmentRows: rows, isProrated: false)[.operations])
        #expect(operations.actual == 9)
        #expect(operations.planned == 8)
    }

    @Test("every measure with a plan is measured by name; those under the threshold come lowest first")
    func measuresBelow() throws {
        // Operations 30 of 32 = 93.75 %; officer-hours 150 of 200 = 75 %; warnings 300 of 500 = 60 %.
        let rows = [
            Self.departmentRow(
                .traffic, plannedOps: 32, ops: 30, plannedHours: 200, hours: 150, targetWarnings: 500, warnings: 300)
        ]
        let attainment = PlanAttainment(departmentRows: rows, isProrated: false)
        #expect(attainment.measures.map(\.measure) == [.operations, .officerHours, .warnings])
        let below = attainment.below(percent: 80)
        #expect(below.map(\.measure) == [.warnings, .officerHours])
        #expect(below.first?.percent == 60)
        #expect(attainment[.operations]?.isMet == false)
        #expect(attainment[.operations]?.isBelow(percent: 80) == false)
    }

    @Test("a plan row that counts only in part is prorated; a month row in its month is not")
    func prorated() throws {
        let april = Plan(
            period: .month(YearMonth(year: 2025, month: 4)), stationID: "18101", department: .traffic, zoneID: nil,
            plannedOperations: 6, plannedOfficerHours: 30, targetWarnings: nil, targetCitations: nil,
            targetAccidentReductionPercent: 10)
        let wholeApril = try ReportingPeriod.parse("2025-04")
        let halfApril = ReportingPeriod(
            start: try #require(LocalDate(year: 2025, month: 4, day: 1)),
            end: try #require(LocalDate(year: 2025, month: 4, day: 15)), label: "2025-04-01..2025-04-15")
        #expect(!PlanCoverage.hasProratedRows([april], in: wholeApril))
        #expect(PlanCoverage.hasProratedRows([april], in: halfApril), "15 of April's 30 days")
        #expect(ReductionTarget.percent(of: [april]) == 10)
    }

    @Test("a reduction target is met when accidents fell at least by it")
    func reductionTarget() {
        // 45 vs 50: −10 % meets a 10 % target; 46 vs 50: −8 % does not; none last year: no verdict.
        #expect(ReductionTarget(targetPercent: 10, accidents: 45, accidentsLastYear: 50).isMet == true)
        #expect(ReductionTarget(targetPercent: 10, accidents: 46, accidentsLastYear: 50).isMet == false)
        #expect(ReductionTarget(targetPercent: 10, accidents: 3, accidentsLastYear: 0).isMet == nil)
    }

    static func times(_ cells: [(weekday: Int, hour: Int, count: Int)], zone: String = "Z1") -> [HourWeekdayTally] {
        cells.map {
            HourWeekdayTally(stationID: "18101", zoneID: zone, hour: $0.hour, weekday: $0.weekday, count: $0.count)
        }
    }

    @Test("the weekday × 3-hour cells of a zone's accidents are named when there are enough, most first")
    func timing() {
        // 11 accidents with a time: Tue 16h ×3 and 17h ×1 (Tue 15–18: 4), Fri 7h ×2 (Fri 6–9: 2), five single
        // accidents in five other cells; one accident without a time and one in another zone are not counted.
        var tallies = Self.times([
            (2, 16, 3), (2, 17, 1), (5, 7, 2), (1, 1, 1), (3, 10, 1), (4, 13, 1), (6, 20, 1), (7, 22, 1),
        ])
        tallies.append(HourWeekdayTally(stationID: "18101", zoneID: "Z1", hour: nil, weekday: 1, count: 1))
        tallies += Self.times([(2, 16, 1)], zone: "Z2")
        let timing = AccidentTiming(tallies, stationID: "18101", zoneID: "Z1")
        #expect(timing.accidentsWithTime == 11)
        #expect(timing.isConclusive)
        #expect(
            timing.cells == [
                TimeCell(weekday: 2, startHour: 15, endHour: 18, accidents: 4),
                TimeCell(weekday: 5, startHour: 6, endHour: 9, accidents: 2),
            ])
    }

    @Test("too few accidents with a time: no cell is named")
    func timingTooFew() {
        // 9 accidents, below the default 10, even though Tue 15–18 holds 4 of them.
        let tallies = Self.times([(2, 16, 4), (5, 7, 2), (1, 1, 1), (3, 10, 1), (4, 13, 1)])
        let timing = AccidentTiming(tallies, stationID: "18101", zoneID: "Z1")
        #expect(timing.accidentsWithTime == 9)
        #expect(!timing.isConclusive)
        #expect(timing.cells.isEmpty)
    }

    static func zoneRow(_ zone: String, accidents: Int, lastYear: Int, enforcement: Int) -> MetricsRow {
        var row = MetricsActTests.zoneRow(zone, accidents: accidents, lastYear: lastYear, enforcement: enforcement)
        row.plan.activeZones = 1
        return row
    }

    @Test("the Act list flags a department under plan on warnings alone, naming the measure and its figures")
    func underPlanOnWarnings() throws {
        // Operations 10 of 8, officer-hours 100 of 90: on plan. Warnings 140 of a 200 target = 70 % < 80 %.
        let traffic = Self.departmentRow(
            .traffic, zone: "Z1", plannedOps: 8, ops: 10, plannedHours: 90, hours: 100, targetWarnings: 200,
            warnings: 140)
        let zone = Self.zoneRow("Z1", accidents: 4, lastYear: 5, enforcement: 140)
        let result = ActRecommendations.recommend(
            current: MetricsActTests.report([zone, traffic]), lastYear: nil, hotSpots: [])
        let item = try #require(result.first { $0.kind == .underPlan })
        #expect(item.measuresBelow.map(\.measure) == [.warnings])
        #expect(item.figures["warnings_percent"] == 70)
        #expect(item.figures["execution_percent"] == 70)
        #expect(item.reason.contains("warnings 140.0 of 200.0"))
        #expect(item.urgency == .medium, "70 % is not below half of plan")
    }

    @Test("the Act list is sorted by urgency, and a tactics change names the cells to move to or says it cannot")
    func urgencyOrder() throws {
        // Z1: accidents rose 10 → 12 despite 80 stops (high). Z2: fell two years running (low). Z3: accidents
        // rose 5 → 6 with too few timed accidents. Community: 40 of 100 hours = 40 % (high, below 50 %).
        let stuck = Self.zoneRow("Z1", accidents: 12, lastYear: 10, enforcement: 80)
        let falling = Self.zoneRow("Z2", accidents: 7, lastYear: 10, enforcement: 80)
        let few = Self.zoneRow("Z3", accidents: 6, lastYear: 5, enforcement: 80)
        let community = Self.departmentRow(.community, zone: "Z1", plannedOps: 0, ops: 0, plannedHours: 100, hours: 40)
        let lastYear = MetricsActTests.report([
            MetricsActTests.zoneRow("Z2", accidents: 10, lastYear: 14, enforcement: 50)
        ])
        let times = Self.times([(2, 16, 6), (5, 7, 3), (1, 1, 1)]) + Self.times([(2, 16, 2)], zone: "Z3")
        let result = ActRecommendations.recommend(
            current: MetricsActTests.report([falling, stuck, few, community]), lastYear: lastYear, hotSpots: [],
            accidentTimes: times)
        #expect(
            result.map { "\($0.kind.rawValue) \($0.zoneID ?? "")" } == [
                "change-tactics Z1", "change-tactics Z3", "under-plan Z1", "consider-maintenance Z2",
            ])
        #expect(result.map(\.urgency) == [.high, .high, .high, .low])
        let z1 = try #require(result.first)
        #expect(z1.timing?.cells.first == TimeCell(weekday: 2, startHour: 15, endHour: 18, accidents: 6))
        #expect(z1.reason.contains("Tue 15–18h (6)"))
        let z3 = result[1]
        #expect(z3.timing?.isConclusive == false)
        #expect(z3.reason.contains("too few to tell"))
    }
}

@Suite("Place references for hot spots")
struct PlaceReferenceTests {
    static func zone(_ id: String, latitude: Double, longitude: Double) -> Zone {
        let d = 0.001
        let ring = [
            Coordinate(latitude: latitude - d, longitude: longitude - d),
            Coordinate(latitude: latitude - d, longitude: longitude + d),
            Coordinate(latitude: latitude + d, longitude: longitude + d),
            Coordinate(latitude: latitude + d, longitude: longitude - d),
            Coordinate(latitude: latitude - d, longitude: longitude - d),
        ]
        return Zone(
            id: id, kind: .district, stationID: "18101", name: id, designatedFrom: LocalDate(dayNumber: 0),
            designatedTo: nil, reason: nil, geometry: .polygon([ring]), bufferMetres: nil)
    }

    @Test("the nearest zone, its direction and the distance rounded to 100 m")
    func northEast() throws {
        // From (35.0, 136.0) to (35.0036, 136.0044): north 0.0036 × 110,574 = 398.1 m, east 0.0044 × 111,320 ×
        // cos 35° = 401.2 m; bearing 45.2° (north-east), distance 565.2 m → 600 m. The other zone is 5 km away.
        let near = Self.zone("A", latitude: 35.0, longitude: 136.0)
        let far = Self.zone("B", latitude: 35.05, longitude: 136.0)
        let reference = try #require(
            PlaceReference.nearest(to: Coordinate(latitude: 35.0036, longitude: 136.0044), among: [far, near]))
        #expect(reference.zone.id == "A")
        #expect(reference.direction == .northEast)
        #expect(abs(reference.distanceMetres - 565.2) < 0.5)
        #expect(reference.roundedMetres == 600)
    }

    @Test("due south and west")
    func southWest() throws {
        let zone = Self.zone("A", latitude: 35.0, longitude: 136.0)
        let south = try #require(
            PlaceReference.nearest(to: Coordinate(latitude: 34.99, longitude: 136.0), among: [zone]))
        #expect(south.direction == .south)
        let west = try #require(
            PlaceReference.nearest(to: Coordinate(latitude: 35.0, longitude: 135.99), among: [zone]))
        #expect(west.direction == .west)
        #expect(PlaceReference.nearest(to: Coordinate(latitude: 35, longitude: 136), among: []) == nil)
    }
}
