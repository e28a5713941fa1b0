import BikePDCACore
import Foundation

/// `plans/plans_FY2023.csv` … `plans_FY2026.csv`: what each station's traffic and community departments planned.
///
/// Rows with an empty `zone_id` are station totals (they include the zone rows). Periods are months — written
/// `2023年4月` in fiscal 2023 and `2025-04` afterwards — and fiscal 2025 adds one `令和7年度` row per station
/// and department holding the year's totals and its accident-reduction target.
enum PlanDataset {
    static let header = [
        "period", "station", "department", "zone_id", "planned_operations", "planned_officer_hours",
        "target_warnings", "target_citations", "target_accident_reduction_pct",
    ]

    private struct PlanRow {
        let period: String
        let station: Int
        let department: Department
        let zone: Int?
        let operations: Int
        let officerHours: Double
        let warnings: Int?
        let citations: Int?
        let reductionPercent: Int?
    }

    static func write(world: SampleWorld, to directory: URL) throws(SampleGeneratorError) -> [SampleSummary.File] {
        let synthesizer = EnforcementSynthesizer(world: world, locations: LocationSource(world: world))
        let counts = synthesizer.monthCounts(total: world.configuration.enforcementRows)
        let weightSum = world.stations.reduce(0) { $0 + $1.spec.weight }
        var files: [SampleSummary.File] = []
        for fiscalYear in AccidentDataset.fiscalYears(of: world) {
            var rows: [PlanRow] = []
            for (index, month) in world.months.enumerated() where month.fiscalYear == fiscalYear {
                let period = fiscalYear == 2023 ? DateText.japaneseMonth(month) : month.description
                let progress = world.progress(index)
                let joint = ActivityPlanner.jointShare(progress: progress)
                let communityShare = 0.22 + 0.28 * progress
                let isCampaignMonth = month.month == 4 || month.month == 9
                let citationsPlanned = month >= blueTicketStartDate.yearMonth
                for station in world.stations.indices {
                    let zones = world.zones.indices.filter {
                        world.zones[$0].stationIndex == station && world.zones[$0].activeDays(in: month) != nil
                    }
                    let expected = Double(counts[index]) * world.stations[station].spec.weight / weightSum
                    let trafficWarnings = roundedToTen(expected * (1 - communityShare) * 0.95)
                    rows.append(
                        PlanRow(
                            period: period, station: station, department: .traffic, zone: nil,
                            operations: zones.count + 2 + (isCampaignMonth ? 1 : 0),
                            officerHours: Double(zones.count) * 10 + 9 + (isCampaignMonth ? 6 : 0),
                            warnings: trafficWarnings,
                            citations: citationsPlanned ? Int((Double(trafficWarnings) * 0.12).rounded()) : nil,
                            reductionPercent: nil))
                    let jointZones = Int((Double(zones.count) * joint).rounded())
                    let communityWarnings = roundedToTen(expected * communityShare * 0.95)
                    rows.append(
                        PlanRow(
                            period: period, station: station, department: .community, zone: nil,
                            operations: 5 + jointZones, officerHours: 19.5 + Double(jointZones) * 6,
                            warnings: communityWarnings,
                            citations: citationsPlanned ? Int((Double(communityWarnings) * 0.08).rounded()) : nil,
                            reductionPercent: nil))
                    for zone in zones {
                        let operations = isCampaignMonth ? 2 : 1
                        rows.append(
                            PlanRow(
                                period: period, station: station, department: .traffic, zone: zone,
                                operations: operations, officerHours: Double(operations) * 10,
                                warnings: Int(10 + 6 * world.zones[zone].sample.baselineAccidentsPerMonth)
                                    * operations,
                                citations: citationsPlanned ? 3 * operations : nil, reductionPercent: 20))
                        if fiscalYear >= 2024 {
                            rows.append(
                                PlanRow(
                                    period: period, station: station, department: .community, zone: zone,
                                    operations: 1, officerHours: 6, warnings: 8, citations: citationsPlanned ? 1 : nil,
                                    reductionPercent: nil))
                        }
                    }
                }
            }
            if fiscalYear == 2025 {
                rows += fiscalYearTotals(of: rows, fiscalYear: fiscalYear, stations: world.stations.count)
            }
            let file = try SampleFiles.write(
                in: directory, path: "plans/plans_FY\(fiscalYear).csv", encoding: .utf8, dataset: .plans, role: .data
            ) { (output) throws(SampleGeneratorError) -> Int in
                try output.write(CSVRow(header))
                for plan in rows {
                    var row = CSVRow()
                    row.append(plan.period)
                    row.append(raw: world.stations[plan.station].idBytes)
                    row.append(plan.department.rawValue)
                    row.append(plan.zone.map { world.zones[$0].zone.id })
                    row.append(plan.operations)
                    row.append(ReferenceDataset.number(plan.officerHours))
                    row.append(plan.warnings)
                    row.append(plan.citations)
                    row.append(plan.reductionPercent)
                    try output.write(row)
                }
                return rows.count
            }
            files.append(file)
        }
        return files
    }

    /// One `令和N年度` row per station and department, summing its month rows.
    private static func fiscalYearTotals(of rows: [PlanRow], fiscalYear: Int, stations: Int) -> [PlanRow] {
        var totals: [PlanRow] = []
        for station in 0..<stations {
            for department in [Department.traffic, .community] {
                let months = rows.filter { $0.station == station && $0.department == department && $0.zone == nil }
                totals.append(
                    PlanRow(
                        period: DateText.reiwaFiscalYear(fiscalYear), station: station, department: department,
                        zone: nil, operations: months.reduce(0) { $0 + $1.operations },
                        officerHours: months.reduce(0) { $0 + $1.officerHours },
                        warnings: months.reduce(0) { $0 + ($1.warnings ?? 0) }, citations: nil, reductionPercent: 10))
            }
        }
        return totals
    }

    private static func roundedToTen(_ value: Double) -> Int {
        max(10, Int((value / 10).rounded()) * 10)
    }
}
