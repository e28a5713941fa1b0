import BikePDCACore
import CSVSupport
import Geo

/// Reads an NPA 本票 (honhyo) file as published (CP932) or as a UTF-8 copy, row by row in bounded memory.
///
/// The layout (58 or 68 columns) is detected from the header; a header of neither is refused. Rows of other
/// prefectures are skipped when a prefecture is given. A row that cannot be read (wrong field count, invalid
/// date, unknown 事故内容) is passed to `reject` as a diagnostic and not to `record`; a missing or invalid
/// position is not an error: the record carries ``NPALocationStatus/missing`` or ``NPALocationStatus/invalid``.
public final class NPAHonhyoReader {
    /// What to read.
    public struct Options: Sendable {
        /// The release year; `nil` takes the year in the file name (`honhyo_2019.csv`), else the latest
        /// occurrence year in the file. Default `nil`.
        public var releaseYear: Int?
        /// An NPA prefecture code (2 digits, e.g. `52`): keep only its rows. Default `nil` (all).
        public var prefecture: String?
        /// The matching 補充票 persons (same release). Default: none.
        public var hojuhyo = NPAHojuhyoIndex()

        /// Default options.
        public init() {}
    }

    /// What one file held.
    public struct Summary: Sendable {
        /// The layout detected from the header.
        public var edition: NPAHonhyoLayout.Edition
        /// The release year used in the record ids.
        public var releaseYear: Int
        /// Rows read as records (after the prefecture filter).
        public var records = 0
        /// Rows passed to `reject`.
        public var rejected = 0
        /// Rows of other prefectures, skipped.
        public var otherPrefectures = 0
        /// Records with a bicycle.
        public var bicycle = 0
        /// Records with a bicycle only among the 補充票 persons.
        public var bicycleOnlyInHojuhyo = 0
        /// Fatal records with a bicycle.
        public var fatalBicycle = 0
        /// Records without a position (all zeros).
        public var missingLocation = 0
        /// Records with an unusable position.
        public var invalidLocation = 0
        /// Records whose time columns do not hold a valid time (stored without a time).
        public var withoutTime = 0
        /// Records dated neither in the release year nor the year before.
        public var outsideReleaseYears = 0
        /// 補充票 bicycle keys that matched a record.
        public var matchedHojuhyoKeys = 0
    }

    /// The file as the user named it.
    public let displayName: String
    private let path: String
    private let forcedEncoding: TextEncoding?
    /// The encoding detected (or forced) once reading has started.
    public var encoding: TextEncoding? { reader?.encoding ?? forcedEncoding }
    /// Size of the file in bytes.
    public private(set) var fileSize = 0
    /// Bytes read so far, for progress reporting.
    public var bytesRead: Int { reader?.bytesRead ?? 0 }
    private var reader: CSVFileReader?

    /// Prepares to read `path`; `displayName` (default: the path) is used in messages.
    public init(path: String, displayName: String? = nil, encoding: TextEncoding? = nil) {
        self.path = path
        self.displayName = displayName ?? path
        self.forcedEncoding = encoding
    }

    /// The first year 20YY written as four digits in a file name (`honhyo_2019.csv`, `fukui_2019_rows.csv`).
    public static func releaseYear(fromFileName name: String) -> Int? {
        let scalars = Array(name.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard ("0"..."9").contains(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
            if end - index == 4, let year = Int(String(String.UnicodeScalarView(scalars[index..<end]))),
                (2000...2099).contains(year)
            {
                return year
            }
            index = end
        }
        return nil
    }

    /// Reads every row, calling `record` for each accident and `reject` for each row that cannot be read.
    /// Throws an ``ImportError`` when the file cannot be read at all (unknown layout, broken CSV) and rethrows
    /// what `record` throws.
    public func read(
        options: Options, record: (NPAAccidentRecord) throws -> Void, reject: (ImportDiagnostic) -> Void
    ) throws -> Summary {
        let fileYear = try options.releaseYear ?? Self.releaseYear(fromFileName: displayName) ?? latestYear()
        var summary: Summary?
        var layout: NPAHonhyoLayout?
        var columns: Columns?
        var matchedKeys: Set<String> = []
        let reader = try open()
        do {
            try reader.forEachRecord { row in
                guard let layout, let columns, var counts = summary else {
                    let detected = try NPAHonhyoLayout(header: row.fields, file: displayName)
                    layout = detected
                    columns = Columns(detected)
                    summary = Summary(edition: detected.edition, releaseYear: fileYear)
                    return
                }
                defer { summary = counts }
                let fields = row.fields
                if let prefecture = options.prefecture, fields.count > columns.prefecture,
                    TextNormalization.trimmed(fields[columns.prefecture]) != prefecture
                {
                    counts.otherPrefectures += 1
                    return
                }
                guard fields.count == layout.columnCount else {
                    counts.rejected += 1
                    reject(
                        diagnostic(
                            row.line, nil,
                            "expected \(layout.columnCount) fields as in the header, found \(fields.count)"))
                    return
                }
                let accident: NPAAccidentRecord
                do throws(RowProblem) {
                    accident = try parse(
                        fields, line: row.line, columns: columns, layout: layout, releaseYear: fileYear,
                        hojuhyo: options.hojuhyo)
                } catch {
                    counts.rejected += 1
                    reject(error.diagnostic)
                    return
                }
                counts.records += 1
                if accident.isBicycle {
                    counts.bicycle += 1
                    if accident.severity == .fatal { counts.fatalBicycle += 1 }
                    if accident.bicycleRole == .otherParty { counts.bicycleOnlyInHojuhyo += 1 }
                }
                if accident.bicycleInHojuhyo { matchedKeys.insert(accident.reportKey) }
                switch accident.locationStatus {
                case .ok: break
                case .missing: counts.missingLocation += 1
                case .invalid: counts.invalidLocation += 1
                }
                if accident.time == nil { counts.withoutTime += 1 }
                if accident.date.year != fileYear && accident.date.year != fileYear - 1 {
                    counts.outsideReleaseYears += 1
                }
                try record(accident)
            }
        } catch let error as CSVReadError {
            throw ImportError(file: displayName, line: error.line, column: error.column, message: error.reason)
        }
        guard var result = summary else {
            throw ImportError(file: displayName, message: "the file is empty: no 本票 header")
        }
        result.matchedHojuhyoKeys = matchedKeys.count
        return result
    }

    // MARK: - Rows

    /// Column positions of the fields read, resolved once per file.
    private struct Columns {
        let recordType, prefecture, station, report, content, deaths, injuries, route, municipality: Int
        let year, month, day, hour, minute, dayNight, weather, terrain, surface, shape, signal, sidewalk: Int
        let accidentType, ageA, ageB, partyA, partyB, injuryA, injuryB, latitude, longitude, weekday: Int
        let holiday: Int

        init(_ layout: NPAHonhyoLayout) {
            recordType = layout.index(of: .recordType)
            prefecture = layout.index(of: .prefecture)
            station = layout.index(of: .station)
            report = layout.index(of: .reportNumber)
            content = layout.index(of: .accidentContent)
            deaths = layout.index(of: .deaths)
            injuries = layout.index(of: .injuries)
            route = layout.index(of: .routeCode)
            municipality = layout.index(of: .municipality)
            year = layout.index(of: .year)
            month = layout.index(of: .month)
            day = layout.index(of: .day)
            hour = layout.index(of: .hour)
            minute = layout.index(of: .minute)
            dayNight = layout.index(of: .dayNight)
            weather = layout.index(of: .weather)
            terrain = layout.index(of: .terrain)
            surface = layout.index(of: .roadSurface)
            shape = layout.index(of: .roadShape)
            signal = layout.index(of: .signal)
            sidewalk = layout.index(of: .sidewalk)
            accidentType = layout.index(of: .accidentType)
            ageA = layout.index(of: .ageA)
            ageB = layout.index(of: .ageB)
            partyA = layout.index(of: .partyTypeA)
            partyB = layout.index(of: .partyTypeB)
            injuryA = layout.index(of: .injuryA)
            injuryB = layout.index(of: .injuryB)
            latitude = layout.index(of: .latitude)
            longitude = layout.index(of: .longitude)
            weekday = layout.index(of: .dayOfWeek)
            holiday = layout.index(of: .holiday)
        }
    }

    private func parse(
        _ fields: [String], line: Int, columns: Columns, layout: NPAHonhyoLayout, releaseYear: Int,
        hojuhyo: NPAHojuhyoIndex
    ) throws(RowProblem) -> NPAAccidentRecord {
        func code(_ index: Int) -> String { TextNormalization.trimmed(fields[index]) }
        func failure(_ index: Int?, _ message: String) -> RowProblem {
            RowProblem(diagnostic: diagnostic(line, index, message))
        }
        func number(_ index: Int, _ name: String) throws(RowProblem) -> Int {
            let text = code(index)
            guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text) else {
                throw failure(index, "\(name) \"\(text)\" is not a number")
            }
            return value
        }
        let recordType = code(columns.recordType)
        guard recordType == "1" else {
            throw failure(columns.recordType, "資料区分 is \"\(recordType)\", expected 1 (本票)")
        }
        let content = code(columns.content)
        guard content == "1" || content == "2" else {
            throw failure(columns.content, "事故内容 \"\(content)\" is neither 1 (死亡) nor 2 (負傷)")
        }
        let year = try number(columns.year, "発生日時 年")
        let month = try number(columns.month, "発生日時 月")
        let day = try number(columns.day, "発生日時 日")
        let deaths = try number(columns.deaths, "死者数")
        let injuries = try number(columns.injuries, "負傷者数")
        guard let date = LocalDate(year: year, month: month, day: day) else {
            throw failure(columns.year, "no such date: 発生日時 \(year)-\(month)-\(day) (年・月・日)")
        }
        var time: LocalTime?
        if let hour = try? number(columns.hour, ""), let minute = try? number(columns.minute, "") {
            time = LocalTime(hour: hour, minute: minute)
        }
        let prefecture = code(columns.prefecture)
        let station = code(columns.station)
        let report = code(columns.report)
        let partyA = code(columns.partyA)
        let partyB = code(columns.partyB)
        let key = NPAAccidentRecord.reportKey(prefecture: prefecture, station: station, report: report)
        let inHojuhyo = !hojuhyo.bicycleKeys.isEmpty && hojuhyo.bicycleKeys.contains(key)
        let role: BicycleRole? =
            if NPACodeTables.bicyclePartyTypes.contains(partyA) {
                .partyA
            } else if NPACodeTables.bicyclePartyTypes.contains(partyB) {
                .partyB
            } else if inHojuhyo {
                .otherParty
            } else {
                nil
            }
        let latitudeText = code(columns.latitude)
        let longitudeText = code(columns.longitude)
        let (location, status) = Self.location(latitude: latitudeText, longitude: longitudeText)
        return NPAAccidentRecord(
            releaseYear: releaseYear, layoutEdition: layout.edition.rawValue, prefectureCode: prefecture,
            stationCode: station, reportNumber: report,
            stationName: NPACodeTables.stationName(
                releaseYear: releaseYear, prefectureCode: prefecture, stationCode: station),
            date: date, time: time, accidentContent: content, deaths: deaths, injuries: injuries,
            accidentType: code(columns.accidentType), partyTypeA: partyA, partyTypeB: partyB,
            ageA: code(columns.ageA), ageB: code(columns.ageB), injuryA: code(columns.injuryA),
            injuryB: code(columns.injuryB), municipalityCode: code(columns.municipality),
            routeCode: code(columns.route), roadShape: code(columns.shape), signal: code(columns.signal),
            weather: code(columns.weather), dayNight: code(columns.dayNight), roadSurface: code(columns.surface),
            terrain: code(columns.terrain), sidewalk: code(columns.sidewalk), dayOfWeek: code(columns.weekday),
            holiday: code(columns.holiday), latitudeText: latitudeText, longitudeText: longitudeText,
            location: location, locationStatus: status, bicycleRole: role, bicycleInHojuhyo: inHojuhyo,
            sourceLine: line)
    }

    /// A row that cannot be read.
    private struct RowProblem: Error {
        let diagnostic: ImportDiagnostic
    }

    /// Decodes a packed DMS position: all zeros (or blank) is missing; a malformed value, or one outside the
    /// box that holds Japan, is invalid.
    public static func location(latitude: String, longitude: String) -> (Coordinate?, NPALocationStatus) {
        let isZero = { (text: String) in text.utf8.allSatisfy { $0 == UInt8(ascii: "0") } }
        if isZero(latitude) && isZero(longitude) { return (nil, .missing) }
        guard let lat = Coordinate.npaLatitude(latitude), let lon = Coordinate.npaLongitude(longitude) else {
            return (nil, .invalid)
        }
        let coordinate = Coordinate(latitude: lat, longitude: lon)
        return coordinate.isPlausibleForJapan ? (coordinate, .ok) : (nil, .invalid)
    }

    private func diagnostic(_ line: Int, _ index: Int?, _ message: String) -> ImportDiagnostic {
        ImportDiagnostic(file: displayName, line: line, column: index.map { $0 + 1 }, message: message)
    }

    // MARK: - File

    private func open() throws(ImportError) -> CSVFileReader {
        do {
            let opened = try CSVFileReader(path: path, displayName: displayName, encoding: forcedEncoding)
            fileSize = opened.fileSize
            reader = opened
            return opened
        } catch {
            throw ImportError(file: displayName, line: error.line, column: error.column, message: error.reason)
        }
    }

    /// The latest occurrence year in the file: the release year when the file name does not give it.
    private func latestYear() throws -> Int {
        var latest: Int?
        var yearColumn: Int?
        let scan = try open()
        do {
            try scan.forEachRecord { row in
                guard let column = yearColumn else {
                    yearColumn = try NPAHonhyoLayout(header: row.fields, file: displayName).index(of: .year)
                    return
                }
                if column < row.fields.count, let year = Int(TextNormalization.trimmed(row.fields[column])) {
                    latest = max(latest ?? year, year)
                }
            }
        } catch let error as CSVReadError {
            throw ImportError(file: displayName, line: error.line, column: error.column, message: error.reason)
        }
        guard let latest else {
            throw ImportError(
                file: displayName,
                message: "cannot tell the release year: the file name has no year (name it honhyo_YYYY.csv) "
                    + "and no row has a 発生日時 年")
        }
        return latest
    }
}
