import BikePDCACore
import Foundation
import Geo

/// Turns one row's cells into a record of the core model, collecting every bad cell as a diagnostic.
///
/// A class so that each row's ``Row`` refers to it instead of copying its lookup tables.
final class RowDecoder {
    let dataset: Dataset
    let layout: HeaderLayout
    let profile: MappingProfile
    let file: String
    let reference: ReferenceData
    private let hasValueMaps: Bool
    /// Whether messages about a zone's geometry start with the zone id (`zone 58101-D01: …`); off when the
    /// location already names the zone (GeoJSON features). Default `true`.
    var namesZonesInMessages = true
    /// The file's columns that the dataset imports, in field order.
    private let importedFields: [(column: String, index: Int, header: String)]

    private let departments = CodeLookup(Department.self)
    private let zoneKinds = CodeLookup(ZoneKind.self)
    private let outcomes = CodeLookup(Outcome.self)
    private let vehicles = CodeLookup(VehicleClass.self)
    private let ageBands = CodeLookup(AgeBand.self)
    private let severities = CodeLookup(Severity.self)
    private let roles = CodeLookup(BicycleRole.self)
    private let counterparts = CodeLookup(Counterpart.self)
    private let activityKinds = CodeLookup(ActivityKind.self)

    init(dataset: Dataset, layout: HeaderLayout, profile: MappingProfile, file: String, reference: ReferenceData) {
        self.dataset = dataset
        self.layout = layout
        self.profile = profile
        self.file = file
        self.reference = reference
        self.hasValueMaps = !profile.values.isEmpty
        self.importedFields = layout.sources.compactMap { column, source in
            guard case .field(let index, let header) = source else { return nil }
            return (column, index, header)
        }.sorted { $0.index < $1.index }
    }

    /// The longest value accepted in a cell other than a zone's geometry: ids, names and reasons are short, so a
    /// longer cell is a broken file (a quote left open, a pasted document), not data.
    static let maximumCellBytes = 4096

    /// Decodes a row; on failure returns the diagnostics (every bad cell, not only the first).
    func decode(_ fields: [String], line: Int) -> Result<ParsedRecord, RowFailure> {
        var row = Row(fields: fields, line: line, decoder: self)
        for (column, index, header) in importedFields where index < fields.count {
            if column != "geometry" && fields[index].utf8.count > Self.maximumCellBytes {
                row.fail(
                    column,
                    "the value in column \(header) is \(fields[index].utf8.count) bytes long (at most "
                        + "\(Self.maximumCellBytes)): is a double quote left unclosed, or text pasted into the wrong cell?"
                )
                row.condemned.append(index)
            } else if Self.containsNUL(fields[index]) {
                row.fail(
                    column,
                    "the value in column \(header) contains a NUL byte (0x00), which no cell may hold: is the file "
                        + "binary, or UTF-16?")
                row.condemned.append(index)
            }
        }
        if fields.count > layout.headerCount, fields[layout.headerCount...].contains(where: { !$0.isEmpty }) {
            row.fail(
                nil,
                "the row has \(fields.count) fields but the header has \(layout.headerCount) "
                    + "(an unquoted comma inside a value?)")
        }
        let record: ParsedRecord?
        switch dataset {
        case .stations: record = row.stationRow().map(ParsedRecord.station)
        case .zones: record = row.zoneRow().map(ParsedRecord.zone)
        case .enforcement: record = row.enforcement().map(ParsedRecord.enforcement)
        case .accidents: record = row.accident().map(ParsedRecord.accident)
        case .activities: record = row.activity().map(ParsedRecord.activity)
        case .plans: record = row.plan().map(ParsedRecord.plan)
        }
        if let record, row.diagnostics.isEmpty { return .success(record) }
        return .failure(RowFailure(diagnostics: row.diagnostics))
    }

    /// Whether `cell` holds a NUL byte; asked for every imported cell, so through `memchr`.
    static func containsNUL(_ cell: String) -> Bool {
        var cell = cell
        return cell.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0, bytes.count) != nil
        }
    }

    /// The file's columns that the dataset imports, as (field index, header) in field order: what a rejects file
    /// keeps of a row.
    var importedColumns: [(index: Int, header: String)] { importedFields.map { ($0.index, $0.header) } }

    struct RowFailure: Error {
        let diagnostics: [ImportDiagnostic]
    }

    /// One row being decoded.
    struct Row {
        let fields: [String]
        let line: Int
        let decoder: RowDecoder
        var diagnostics: [ImportDiagnostic] = []
        /// Fields already reported as unreadable (too long, a NUL byte): further problems of theirs are not reported.
        var condemned: [Int] = []

        init(fields: [String], line: Int, decoder: RowDecoder) {
            self.fields = fields
            self.line = line
            self.decoder = decoder
        }

        mutating func fail(_ column: String?, _ message: String) {
            var index: Int?
            if let column, case .field(let i, _)? = decoder.layout.source(of: column) {
                if condemned.contains(i) { return }
                index = i + 1
            }
            diagnostics.append(ImportDiagnostic(file: decoder.file, line: line, column: index, message: message))
        }

        /// The column's header as the file spells it (or the canonical name for constants).
        func label(_ column: String) -> String {
            if case .field(_, let header)? = decoder.layout.source(of: column) { return header }
            return column
        }

        /// The trimmed cell, mapped through the profile's value map; `nil` when empty or absent.
        func text(_ column: String) -> String? {
            let raw: String
            switch decoder.layout.source(of: column) {
            case .field(let index, _)?:
                guard index < fields.count else { return nil }
                raw = fields[index]
            case .constant(let value)?:
                raw = value
            case nil:
                return nil
            }
            let value = TextNormalization.trimmed(raw)
            if value.isEmpty { return nil }
            if decoder.hasValueMaps, let map = decoder.profile.values[column],
                let mapped = map[TextNormalization.valueKey(value)]
            {
                return mapped
            }
            return value
        }

        mutating func required(_ column: String, expected: String) -> String? {
            guard let value = text(column) else {
                fail(column, "missing value in column \(label(column)) (expected \(expected))")
                return nil
            }
            return value
        }

        mutating func coded<Value>(_ column: String, _ lookup: CodeLookup<Value>, required isRequired: Bool) -> Value? {
            guard let cell = isRequired ? required(column, expected: lookup.expected) : text(column) else { return nil }
            guard let value = lookup.value(for: cell) else {
                fail(column, "unknown value \"\(cell)\" in column \(label(column)) (expected \(lookup.expected))")
                return nil
            }
            return value
        }

        mutating func date(_ column: String, required isRequired: Bool) -> LocalDate? {
            guard let cell = isRequired ? required(column, expected: DateParseError.expectedForms) : text(column)
            else { return nil }
            do {
                return try JapaneseDateParser.parseDate(cell, options: decoder.profile.dateOptions)
            } catch {
                fail(
                    column,
                    "invalid date \"\(cell)\" in column \(label(column)): \(error.reason) "
                        + "(expected \(DateParseError.expectedForms))")
                return nil
            }
        }

        mutating func time(_ column: String) -> LocalTime? {
            guard let cell = text(column) else { return nil }
            do {
                return try JapaneseDateParser.parseTime(cell)
            } catch {
                fail(
                    column,
                    "invalid time \"\(cell)\" in column \(label(column)): \(error.reason) (expected HH:MM or HH:MM:SS)")
                return nil
            }
        }

        mutating func number(_ column: String, required isRequired: Bool, minimum: Double = 0) -> Double? {
            guard let cell = isRequired ? required(column, expected: "a number") : text(column) else { return nil }
            guard let value = Double(Self.plainDigits(cell)), value.isFinite, value >= minimum else {
                fail(
                    column,
                    "invalid number \"\(cell)\" in column \(label(column)) (expected a number ≥ \(Self.format(minimum)))"
                )
                return nil
            }
            return value
        }

        mutating func integer(_ column: String, required isRequired: Bool) -> Int? {
            guard let cell = isRequired ? required(column, expected: "a whole number") : text(column) else {
                return nil
            }
            guard let value = Int(Self.plainDigits(cell)), value >= 0 else {
                fail(column, "invalid count \"\(cell)\" in column \(label(column)) (expected a whole number ≥ 0)")
                return nil
            }
            return value
        }

        mutating func stationID(_ column: String = "station") -> String? {
            guard
                let cell = required(
                    column, expected: "a five-digit station id such as 58101 or a registered station name")
            else { return nil }
            switch decoder.reference.stationMatch(for: cell) {
            case .station(let id):
                return id
            case .ambiguous(let ids):
                let named = ids.map { id in decoder.reference.stations[id].map { "\(id) (\($0.nameJA))" } ?? id }
                fail(
                    column,
                    "ambiguous station \"\(cell)\" in column \(label(column)): it names stations "
                        + named.joined(separator: ", ") + "; give the five-digit station id instead")
                return nil
            case .unknown:
                fail(
                    column, "unknown station \"\(cell)\" in column \(label(column)) (\(decoder.reference.stationHint))")
                return nil
            }
        }

        mutating func zoneID(_ column: String = "zone_id") -> String? {
            guard let cell = text(column) else { return nil }
            guard decoder.reference.zoneStations[cell] != nil else {
                fail(column, "unknown zone \"\(cell)\" in column \(label(column)) (\(decoder.reference.zoneHint))")
                return nil
            }
            return cell
        }

        mutating func location() -> Coordinate? {
            let latitude = number("latitude", required: false, minimum: -90)
            let longitude = number("longitude", required: false, minimum: -180)
            switch (latitude, longitude) {
            case (let lat?, let lon?):
                let point = Coordinate(latitude: lat, longitude: lon)
                if !point.isPlausibleForJapan {
                    let swapped = Coordinate(latitude: lon, longitude: lat).isPlausibleForJapan
                    fail(
                        "latitude",
                        "coordinates \(Self.format(lat)), \(Self.format(lon)) lie outside Japan (latitude 20–46, "
                            + "longitude 122–154)" + (swapped ? "; latitude and longitude look swapped" : ""))
                    return nil
                }
                return point
            case (nil, nil):
                return nil
            case (_?, nil):
                if text("longitude") == nil {
                    fail("longitude", "missing longitude: a latitude is given without it (give both or neither)")
                }
                return nil
            case (nil, _?):
                if text("latitude") == nil {
                    fail("latitude", "missing latitude: a longitude is given without it (give both or neither)")
                }
                return nil
            }
        }

        /// The cell with full-width digits folded and thousands separators removed (`１，２００` → `1200`).
        static func plainDigits(_ cell: String) -> String {
            let folded = TextNormalization.nfkc(cell)
            guard folded.utf8.contains(UInt8(ascii: ",")) else { return folded }
            return String(folded.filter { $0 != "," })
        }

        static func format(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }

        // MARK: Datasets

        mutating func stationRow() -> Station? {
            let prefecture = required("prefecture_code", expected: "a two-digit NPA prefecture code such as 52")
            let code = required("station_code", expected: "a three-digit station code such as 101")
            let name = required("name_ja", expected: "the station's Japanese name")
            var prefix: String?
            if let prefecture {
                let digits = TextNormalization.nfkc(prefecture)
                if digits.count <= 2, digits.allSatisfy(\.isASCIIDigitCharacter), let n = Int(digits), n > 0 {
                    prefix = n < 10 ? "0\(n)" : String(n)
                } else {
                    fail("prefecture_code", "invalid prefecture code \"\(prefecture)\" (expected two digits, e.g. 52)")
                }
            }
            var suffix: String?
            if let code {
                let digits = TextNormalization.nfkc(code)
                if digits.count <= 3, digits.allSatisfy(\.isASCIIDigitCharacter), let n = Int(digits) {
                    suffix = String(repeating: "0", count: 3 - String(n).count) + String(n)
                } else {
                    fail("station_code", "invalid station code \"\(code)\" (expected three digits, e.g. 101)")
                }
            }
            guard let prefix, let suffix, let name else { return nil }
            return Station(id: prefix + suffix, nameJA: name, nameEN: text("name_en"))
        }

        mutating func zoneRow() -> Zone? {
            let id = required("zone_id", expected: "a zone id")
            let kind = coded("kind", decoder.zoneKinds, required: true)
            let station = stationID()
            let name = required("name", expected: "the zone's name")
            let from = date("designated_from", required: true)
            let to = date("designated_to", required: false)
            if let from, let to, to < from {
                fail("designated_to", "designation ends (\(to)) before it starts (\(from))")
            }
            var geometry: Geometry?
            if let text = text("geometry") {
                do {
                    geometry = try GeoJSON.geometry(from: text)
                } catch {
                    fail("geometry", "invalid GeoJSON geometry in column \(label("geometry")): \(error)")
                }
            }
            if let geometry, let kind {
                if kind == .district && !geometry.isAreal {
                    fail("geometry", "a district needs a Polygon or MultiPolygon, not a \(geometry.geoJSONType)")
                } else if kind == .route && geometry.isAreal {
                    fail("geometry", "a route needs a LineString or MultiLineString, not a \(geometry.geoJSONType)")
                }
            }
            if let geometry {
                let zone = decoder.namesZonesInMessages ? id.map { "zone \($0): " } ?? "" : ""
                for problem in ZoneGeometryCheck.problems(in: geometry) { fail("geometry", zone + problem) }
            }
            let buffer = number("buffer_m", required: false)
            if let buffer, buffer <= 0 || buffer > 500 {
                fail("buffer_m", "buffer width \(Self.format(buffer)) m is out of range (expected 1–500 metres)")
            }
            if buffer != nil, kind == .district {
                fail("buffer_m", "buffer_m applies to routes only; leave it empty for districts")
            }
            guard let id, let kind, let station, let name, let from else { return nil }
            return Zone(
                id: id, kind: kind, stationID: station, name: name, designatedFrom: from, designatedTo: to,
                reason: text("reason"), geometry: geometry,
                bufferMetres: kind == .route ? (buffer ?? Zone.defaultRouteBufferMetres) : nil)
        }

        mutating func enforcement() -> EnforcementRecord? {
            let id = required("record_id", expected: "a record id")
            let date = date("date", required: true)
            let time = time("time")
            let station = stationID()
            let department = coded("department", decoder.departments, required: true)
            let zone = zoneID()
            let location = location()
            let violation = coded("violation", CodeLookup.violations, required: true)
            let outcome = coded("outcome", decoder.outcomes, required: true)
            let vehicle = coded("vehicle", decoder.vehicles, required: false) ?? .bicycle
            let age = coded("age_band", decoder.ageBands, required: false)
            if outcome == .blueTicket {
                if let date, date < blueTicketStartDate {
                    fail("outcome", "a blue ticket (青切符) dated \(date): cyclists get blue tickets only from 2026-04-01")
                }
                if age == .under16 {
                    fail("outcome", "a blue ticket (青切符) for a rider under 16: under-16s get warnings")
                }
                if let violation, violation.code == "drink" {
                    fail("outcome", "a blue ticket (青切符) for drink riding: drink riding is a red ticket (赤切符)")
                }
            }
            guard let id, let date, let station, let department, let violation, let outcome else { return nil }
            return EnforcementRecord(
                id: id, date: date, time: time, stationID: station, department: department, zoneID: zone,
                location: location, violation: violation.code, outcome: outcome, vehicle: vehicle, ageBand: age,
                operationID: text("operation_id"))
        }

        mutating func accident() -> Accident? {
            let id = required("record_id", expected: "an accident record id")
            let date = date("date", required: true)
            let time = time("time")
            let station = stationID()
            let zone = zoneID()
            let location = location()
            let severity = coded("severity", decoder.severities, required: true)
            let role = coded("bicycle_role", decoder.roles, required: true)
            let counterpart = coded("counterpart", decoder.counterparts, required: false) ?? .other
            let deaths = integer("deaths", required: false) ?? 0
            let injuries = integer("injuries", required: false) ?? 0
            if severity == .fatal && deaths == 0 {
                fail("deaths", "a fatal accident needs deaths ≥ 1 in column \(label("deaths"))")
            } else if let severity, severity != .fatal, deaths > 0 {
                fail("severity", "deaths = \(deaths) but severity is \(severity.rawValue) (expected fatal)")
            }
            guard let id, let date, let station, let severity, let role else { return nil }
            return Accident(
                id: id, date: date, time: time, stationID: station, zoneID: zone, location: location,
                severity: severity, bicycleRole: role, counterpart: counterpart, deaths: deaths, injuries: injuries)
        }

        mutating func activity() -> Activity? {
            let id = required("operation_id", expected: "an operation id")
            let date = date("date", required: true)
            let start = time("start")
            let end = time("end")
            let givenHours = number("hours", required: false)
            let station = stationID()
            let zone = zoneID()
            let kind = coded("kind", decoder.activityKinds, required: true)
            var officers: [Department: Int] = [:]
            for (column, department) in [
                ("officers_traffic", Department.traffic), ("officers_community", .community),
                ("officers_other", .other),
            ] {
                if let count = integer(column, required: false), count > 0 { officers[department] = count }
            }
            var hours: Double?
            if let start, let end {
                var seconds = end.secondOfDay - start.secondOfDay
                if seconds <= 0 { seconds += 86_400 }  // runs past midnight
                hours = Double(seconds) / 3600
                if let givenHours, abs(givenHours - (hours ?? 0)) > 0.01 {
                    fail("hours", "hours \(Self.format(givenHours)) disagree with start \(start) and end \(end)")
                }
            } else if let givenHours {
                hours = givenHours
            } else if diagnostics.isEmpty {
                fail(nil, "give either start and end times or hours")
            }
            if let hours, hours > 24 {
                fail("hours", "an activity of \(Self.format(hours)) hours (expected at most 24)")
            }
            if officers.isEmpty && diagnostics.isEmpty {
                fail(nil, "no officers: give officers_traffic, officers_community or officers_other")
            }
            guard let id, let date, let station, let kind, let hours else { return nil }
            return Activity(
                id: id, date: date, start: start, end: end, hours: hours, stationID: station, zoneID: zone, kind: kind,
                officers: officers)
        }

        mutating func plan() -> Plan? {
            var period: PlanPeriod?
            if let cell = required("period", expected: "2025-04, FY2025Q1 or FY2025") {
                do {
                    period = try PlanPeriod.parse(cell)
                } catch {
                    fail(
                        "period",
                        "invalid period \"\(cell)\" in column \(label("period")): \(error.reason) "
                            + "(expected a month 2025-04, a fiscal quarter FY2025Q1 or a fiscal year FY2025 / 令和7年度)")
                }
            }
            let station = stationID()
            let department = coded("department", decoder.departments, required: true)
            let zone = zoneID()
            let operations = integer("planned_operations", required: true)
            let hours = number("planned_officer_hours", required: true)
            let warnings = integer("target_warnings", required: false)
            let citations = integer("target_citations", required: false)
            let reduction = number("target_accident_reduction_pct", required: false, minimum: -100)
            if let reduction, reduction > 100 {
                fail(
                    "target_accident_reduction_pct", "a reduction of \(Self.format(reduction)) % (expected at most 100)"
                )
            }
            guard let period, let station, let department, let operations, let hours else { return nil }
            return Plan(
                period: period, stationID: station, department: department, zoneID: zone, plannedOperations: operations,
                plannedOfficerHours: hours, targetWarnings: warnings, targetCitations: citations,
                targetAccidentReductionPercent: reduction)
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
