import Analytics
import ArgumentParser
import BikePDCACore
import CSVSupport
import Foundation
import Geo
import Store

/// How an analytics command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

extension BikePDCA {
    struct Metrics: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan / Do / Check metrics of a period, by station × department × zone and for the prefecture.",
            discussion: """
                Periods: a month (2025-04), fiscal quarter (FY2025Q1), fiscal year (FY2025, 令和7年度), calendar \
                year (CY2025), a date, or a range (2025-04..2025-09); --ytd instead of --period for the fiscal \
                year to date (年度累計). Accidents are compared with the same span last year and the 3-year average \
                of the same months. A station-month with no records is listed as missing, never counted as zero.

                --explain enforcement|accidents|activities writes the records behind a figure as CSV (filter with \
                --station, --zone (use - for outside zones), --department, --outcome).
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions

        @Option(help: "The reporting period (FY2025, 令和7年度, 2025-04, FY2025Q1, CY2025, 2025-04..2025-09).")
        var period: String?

        @Flag(
            help: ArgumentHelp(
                "Fiscal year to date (年度累計): from 1 April to --as-of, compared with the same span a year earlier."))
        var ytd = false

        @Option(
            help: ArgumentHelp(
                "With --ytd: the last day counted (default: the end of the latest month with enforcement records).",
                valueName: "date"))
        var asOf: String?

        @Option(
            help: "Break down by any of station,department,zone (comma-separated); 'prefecture' for the total only.")
        var by: String = "station,department,zone"

        @Option(help: "Output format: table, csv or json.")
        var format: OutputFormat = .table

        @Option(help: "List the records behind a figure instead: enforcement, accidents or activities (CSV).")
        var explain: String?

        @Option(help: "With --explain: only this station id.")
        var station: String?

        @Option(help: "With --explain: only this zone id ('-' for records outside every zone).")
        var zone: String?

        @Option(help: "With --explain: only this department (traffic, community, other).")
        var department: String?

        @Option(help: "With --explain: only this outcome (warning, blue, red).")
        var outcome: String?

        func validate() throws {
            if ytd == (period != nil) {
                throw ValidationError("give either --period or --ytd")
            }
            if asOf != nil && !ytd { throw ValidationError("--as-of goes with --ytd") }
            guard MetricsGrouping(list: by) != nil else {
                throw ValidationError("--by takes station, department and zone, comma-separated (got \"\(by)\")")
            }
            if let department, Department(rawValue: department) == nil {
                throw ValidationError("--department must be traffic, community or other (got \"\(department)\")")
            }
            if let outcome, Outcome(rawValue: outcome) == nil {
                throw ValidationError("--outcome must be warning, blue or red (got \"\(outcome)\")")
            }
        }

        func run() throws {
            let opened = try store.openForReading()
            let reporting: ReportingPeriod
            if ytd {
                var through: LocalDate
                if let asOf {
                    do { through = try JapaneseDateParser.parseDate(asOf) } catch {
                        throw ValidationError("invalid --as-of date \"\(asOf)\": \(error.reason)")
                    }
                } else {
                    guard let month = try AnalyticsSupport.run({ try opened.latestEnforcementMonth() }) else {
                        Console.error("error: no enforcement records: give --as-of, or import enforcement first")
                        throw ExitCode(1)
                    }
                    through = month.lastDay
                }
                reporting = ReportingPeriod.fiscalYearToDate(through: through)
            } else {
                reporting = try AnalyticsSupport.parsePeriod(period ?? "")
            }
            if let explain {
                try AnalyticsSupport.explain(
                    explain, store: opened,
                    filter: RecordFilter(
                        start: reporting.start, end: reporting.end, stationID: station, zoneID: zone,
                        department: department.flatMap(Department.init(rawValue:)),
                        outcome: outcome.flatMap(Outcome.init(rawValue:))))
                return
            }
            let grouping = MetricsGrouping(list: by) ?? .all
            let report = try AnalyticsSupport.run {
                PDCAMetrics.report(
                    try AnalyticsSupport.metricsInput(store: opened, period: reporting, scope: try scope.scope()),
                    grouping: grouping)
            }
            switch format {
            case .json: try AnalyticsSupport.printJSON(report)
            case .csv: AnalyticsSupport.printCSV(MetricsTable.rows(report))
            case .table:
                AnalyticsSupport.printTable(MetricsTable.rows(report))
                print("")
                print(
                    "Period \(report.period) (\(report.start)…\(report.end)); accidents compared with \(report.lastYearPeriod)."
                )
                for note in report.notes { print("Note: \(note)") }
                if !report.missing.isEmpty {
                    print("Missing station-months (not zero):")
                    for item in report.missing.prefix(40) { print("  \(item)") }
                    if report.missing.count > 40 {
                        print("  … and \(report.missing.count - 40) more (see --format json)")
                    }
                }
            }
        }
    }
}

/// The metrics report as a table of text cells (for `--format table` and `--format csv`).
enum MetricsTable {
    static let header = [
        "station", "department", "zone", "active_zones", "planned_operations", "operations", "operations_exec_pct",
        "planned_officer_hours", "officer_hours", "officer_hours_exec_pct", "joint_share_pct", "concentrated_days",
        "zone_months_with_concentrated_day", "warnings", "blue", "red", "warnings_per_citation", "in_zone_pct",
        "in_accident_hours_pct", "accidents", "accidents_last_year", "change_pct", "rate_ratio", "rr_lower95",
        "rr_upper95", "reliability", "three_year_average", "target_reduction_pct", "target_met", "complete",
    ]

    static func rows(_ report: MetricsReport) -> [[String]] {
        var rows = [header]
        for row in report.rows {
            let check = row.check
            rows.append([
                row.key.stationID ?? "*", row.key.department?.rawValue ?? "*", row.key.zoneID ?? "*",
                String(row.plan.activeZones), number(row.plan.plannedOperations), String(row.done.operations),
                number(row.operationsExecutionPercent), number(row.plan.plannedOfficerHours),
                number(row.done.officerHours), number(row.officerHoursExecutionPercent),
                number(row.done.jointShare.map { $0 * 100 }), String(row.done.concentratedDays),
                row.done.zoneMonths > 0 ? "\(row.done.zoneMonthsMeetingMinimum)/\(row.done.zoneMonths)" : "",
                String(row.done.warnings), String(row.done.blueTickets), String(row.done.redTickets),
                number(row.done.warningsPerCitation), number(row.done.inZoneShare.map { $0 * 100 }),
                number(row.done.accidentHoursShare.map { $0 * 100 }),
                check.map { String($0.accidents) } ?? "", check.map { String($0.accidentsLastYear) } ?? "",
                number(check?.changePercent), ratio(check?.rateRatio.map { $0.ratio ?? .infinity }),
                ratio(check?.rateRatio?.lower), ratio(check?.rateRatio.map { $0.upper ?? .infinity }),
                check?.reliability ?? "", number(check?.threeYearAverage),
                number(row.plan.targetAccidentReductionPercent), check?.targetMet.map { $0 ? "yes" : "no" } ?? "",
                row.isComplete ? "yes" : "no (\(row.missing.count) missing)",
            ])
        }
        return rows
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return printf(value, "%.1f")
    }

    static func ratio(_ value: Double?) -> String {
        guard let value else { return "" }
        return value.isFinite ? printf(value, "%.3f") : "inf"
    }

    /// `value` as C's `printf` writes it with `format` (what `String(format:)` gives, without going through
    /// Foundation's string formatting: a national table has some 150,000 such cells).
    private static func printf(_ value: Double, _ format: StaticString) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 48) { buffer in
            let length = format.withUTF8Buffer { formatBytes in
                formatBytes.withMemoryRebound(to: CChar.self) { formatText in
                    withVaList([value]) { vsnprintf(buffer.baseAddress, buffer.count, formatText.baseAddress, $0) }
                }
            }
            guard length >= 0, Int(length) < buffer.count else {
                return String(format: format.description, value)
            }
            return String(
                decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(length)), as: UTF8.self)
        }
    }
}

/// Wiring shared by the analytics subcommands: loading tallies from the store, printing results.
enum AnalyticsSupport {
    static func parsePeriod(_ text: String) throws -> ReportingPeriod {
        do { return try ReportingPeriod.parse(text) } catch {
            throw ValidationError("invalid period \"\(text)\": \(error)")
        }
    }

    /// Runs a store-reading body, printing a store error as one line and exiting 1.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StoreError {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// Zones with their geometry parsed (a zone whose stored geometry does not parse keeps none).
    static func zones(_ store: RecordStore, scope: StationScope? = nil) throws(StoreError) -> [Zone] {
        try store.zones().filter { scope.includes($0.zone.stationID) }.map { stored in
            guard let text = stored.geometryJSON, let geometry = try? GeoJSON.geometry(from: text) else {
                return stored.zone
            }
            let zone = stored.zone
            return Zone(
                id: zone.id, kind: zone.kind, stationID: zone.stationID, name: zone.name,
                designatedFrom: zone.designatedFrom, designatedTo: zone.designatedTo, reason: zone.reason,
                geometry: geometry, bufferMetres: zone.bufferMetres)
        }
    }

    /// Everything ``PDCAMetrics/report(_:grouping:)`` needs for `period`.
    static func metricsInput(
        store: RecordStore, period: ReportingPeriod, zones knownZones: [Zone]? = nil, scope: StationScope? = nil
    ) throws -> MetricsInput {
        let lastYear = period.sameSpanPreviousYear()
        let twoYears = lastYear.sameSpanPreviousYear()
        let threeYears = twoYears.sameSpanPreviousYear()
        // Every read on its own connection, as many at once as there are cores, the longest first.
        let batch = ReadBatch()
        let tallies = store.addPeriodTallies(from: period.start, to: period.end, scope: scope, to: batch)
        let zoneTimes = batch.add { () throws(StoreError) in
            try store.zoneHourWeekdayTallies(of: .accidents, from: lastYear.start, to: period.end, scope: scope)
        }
        let plans = batch.add { () throws(StoreError) in
            try store.plans(overlapping: period.start, period.end, scope: scope)
        }
        let earlierAccidents = [lastYear, twoYears, threeYears].map { span in
            batch.add { () throws(StoreError) in
                try store.accidentTallies(from: span.start, to: span.end, scope: scope)
            }
        }
        let reference = batch.add { () throws(StoreError) in
            // The metrics use the zones' designations, not their shapes: without known zones the stored geometry
            // is left unparsed.
            let zones: [Zone]
            if let knownZones { zones = knownZones } else { zones = try store.zones().map(\.zone) }
            return (
                stations: try store.stations().filter { scope.includes($0.id) },
                zones: zones.filter { scope.includes($0.stationID) }
            )
        }
        batch.run()
        let lastYearAccidents = try earlierAccidents[0].get()
        // Last year's delivered accident months, from the tallies: a month with any accident was delivered.
        let lastYearCoverage = Dictionary(
            lastYearAccidents.map { ("\($0.stationID) \($0.month)", $0) }, uniquingKeysWith: { first, _ in first }
        ).values.map {
            StationMonthCount(dataset: .accidents, stationID: $0.stationID, month: $0.month, records: $0.count)
        }
        return MetricsInput(
            period: period, stations: try reference.get().stations, zones: try reference.get().zones,
            plans: try plans.get(), current: try tallies(), lastYearAccidents: lastYearAccidents,
            lastYearCoverage: lastYearCoverage,
            earlierYearsAccidents: [try earlierAccidents[1].get(), try earlierAccidents[2].get()],
            zoneAccidentTimes: try zoneTimes.get())
    }

    /// Writes the records behind a figure as CSV on stdout.
    static func explain(_ datasetName: String, store: RecordStore, filter: RecordFilter) throws {
        guard let dataset = DatasetKind(rawValue: datasetName), dataset.isMonthly else {
            throw ValidationError("--explain takes enforcement, accidents or activities (got \"\(datasetName)\")")
        }
        var writer = CSVWriter(writesByteOrderMark: false)
        writer.appendRow(
            ["record_id", "date", "time", "station", "zone_id"] + RecordStore.explainedFieldNames(dataset)
                + ["source_file", "source_line"])
        let handle = FileHandle.standardOutput
        var pending = 0
        let count = try run {
            try store.explainRecords(dataset, matching: filter) { record in
                writer.appendRow(
                    [
                        record.recordID, record.date.description, record.time ?? "", record.stationID,
                        record.zoneID ?? "",
                    ]
                        + record.fields + [record.sourceFile, String(record.sourceLine)])
                pending += 1
                // Flushed every few thousand rows so memory stays flat however many records match.
                if pending >= 4096 {
                    handle.write(Data(writer.data))
                    writer = CSVWriter(writesByteOrderMark: false)
                    pending = 0
                }
            }
        }
        handle.write(Data(writer.data))
        Console.error("\(count) \(dataset.rawValue) record(s)")
    }

    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    static func printCSV(_ rows: [[String]]) {
        var writer = CSVWriter()
        for row in rows { writer.appendRow(row) }
        FileHandle.standardOutput.write(Data(writer.data))
    }

    /// Prints rows as aligned columns (the first row is the header).
    static func printTable(_ rows: [[String]]) {
        guard let header = rows.first else { return }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        // Written in one go: a national table has some 12,000 lines of 30 cells.
        var output = ""
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { output += "  " }
                let width = index < widths.count ? widths[index] : 0
                let length = cell.utf16.count
                if length <= width {
                    output += cell
                    output += String(repeating: " ", count: width - length)
                } else {
                    // Foundation's padding cuts a cell longer (in UTF-16 units) than its column's width.
                    output += cell.padding(toLength: width, withPad: " ", startingAt: 0)
                }
            }
            output += "\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
