import Foundation
import TestSupport
import Testing

/// The sample prefecture's FY2025 report set (`report all --compare`), read back as a user meets it: every CSV
/// opened as a spreadsheet would, the links between reports, the "data through" line and the year-to-date
/// section on every report.
@Suite("report all: CSV numbers, links, data through, year to date", .serialized)
struct ReportSetTests {
    /// The set, written once for the suite.
    static let set: Result<URL, any Error> = Result {
        try SampleReports.write(["report", "all", "--period", "FY2025", "--compare"])
    }

    static func files(_ suffix: String) throws -> [URL] {
        let folder = try set.get()
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(suffix) }
            .sorted().map { folder.appendingPathComponent($0) }
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: try set.get().appendingPathComponent(name), encoding: .utf8)
    }

    /// RFC 4180 fields of `text`, row by row (quoted fields may hold commas, quotes and line breaks).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.replacingOccurrences(of: "\u{FEFF}", with: "")).makeIterator()
        var pending: Character?
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r\n", "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// Whether a spreadsheet reads `field` as a number: optional sign, digits, at most one point.
    static func isNumber(_ field: String) -> Bool {
        Double(field) != nil && field.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == ".") }
    }

    @Test("every CSV: numeric columns hold numbers only, a percentage column says (%), no number is neutralised")
    func csvNumbersAreNumbers() throws {
        let files = try Self.files(".csv")
        #expect(files.count > 100)
        var numericColumns = 0
        for file in files {
            let rows = Self.parseCSV(try String(contentsOf: file, encoding: .utf8))
            let name = file.lastPathComponent
            guard let header = rows.first else {
                Issue.record("\(name): empty")
                continue
            }
            // The body and totals: the rows before the empty line that precedes the note.
            let body = rows.dropFirst().prefix { !($0.count == 1 && $0[0].isEmpty) }
            for row in body {
                #expect(row.count == header.count, "\(name): \(row)")
                for field in row {
                    // A number is never written as text: no `'-10.9%`, no `12.5%`.
                    #expect(!(field.hasPrefix("'") && Self.isNumber(String(field.dropFirst()))), "\(name): \(field)")
                    #expect(!(field.hasSuffix("%") && Self.isNumber(String(field.dropLast()))), "\(name): \(field)")
                }
            }
            for (index, title) in header.enumerated() {
                let fields = body.compactMap { index < $0.count ? $0[index] : nil }.filter { !$0.isEmpty }
                let numbers = fields.filter(Self.isNumber)
                if title.hasSuffix("(%)") {
                    #expect(numbers.count == fields.count, "\(name) \(title): \(fields)")
                }
                // A column with numbers holds nothing else, but for the label of a totals row (「全メッシュ計」
                // under mesh codes), the body's last row, and the windows of a table laid out by rows (the
                // before–after counts: 期間 2023-10-01..2024-09-30 above the day and accident counts), its first.
                if !numbers.isEmpty {
                    numericColumns += 1
                    let others = body.dropFirst().dropLast().compactMap { index < $0.count ? $0[index] : nil }
                        .filter { !$0.isEmpty && !Self.isNumber($0) }
                    #expect(others.isEmpty, "\(name) \(title): \(others)")
                }
            }
        }
        #expect(numericColumns > 300)
        // The negative percentages that were text before: now numbers under a (%) heading.
        let all = try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined()
        #expect(!all.contains("'-"))
        #expect(all.contains("増減率 (%)"))
    }

    @Test("prefecture and station rows link to their reports; every report links back to the index")
    func navigation() throws {
        let prefecture = try Self.text("prefecture.html")
        #expect(prefecture.contains("<a href=\"station_58101.html\">"))
        #expect(prefecture.contains("<a href=\"zone_58101-R01.html\">"))
        let station = try Self.text("station_58101.html")
        #expect(station.contains("<a href=\"zone_58101-R01.html\">"))
        for file in try Self.files(".html") where file.lastPathComponent != "index.html" {
            let html = try String(contentsOf: file, encoding: .utf8)
            #expect(html.contains("<a href=\"index.html\">"), "\(file.lastPathComponent)")
        }
        // Every link points at a file of the set.
        let names = Set(try Self.files(".html").map(\.lastPathComponent))
        for file in try Self.files(".html") {
            let html = try String(contentsOf: file, encoding: .utf8)
            for part in html.components(separatedBy: "href=\"").dropFirst() {
                let target = String(part.prefix { $0 != "\"" })
                #expect(names.contains(target), "\(file.lastPathComponent) → \(target)")
            }
        }
        // The comparisons written in the run are listed in the index.
        let index = try Self.text("index.html")
        #expect(index.contains("事前事後評価"))
        #expect(index.contains("<a href=\"compare_58101-R01.html\">"))
    }

    @Test("every report says when its data ends and that recent figures are provisional")
    func dataThrough() throws {
        for file in try Self.files(".html") {
            let html = try String(contentsOf: file, encoding: .utf8)
            #expect(html.contains("速報値"), "\(file.lastPathComponent)")
            // A before–after report's data ends with its after window at the latest.
            guard !file.lastPathComponent.hasPrefix("compare_") else {
                #expect(html.contains("データ最終日: 20"), "\(file.lastPathComponent)")
                continue
            }
            // The sample's accidents run to 2026-09-30: a FY2025 report's data ends with its period.
            #expect(html.contains("データ最終日: 2026-03-31"), "\(file.lastPathComponent)")
        }
    }

    @Test("zone, station and prefecture reports compare the year to date with last year and the 3-year average")
    func yearToDate() throws {
        for name in ["prefecture.html", "station_58101.html", "zone_58101-R01.html"] {
            let html = try Self.text(name)
            #expect(html.contains("Check: 前年・3年平均との比較 (年度累計)"), "\(name)")
            #expect(html.contains("自転車事故 年度累計"), "\(name)")
            // FY2023 and FY2024 hold accidents, FY2022 none: the average is over two years and says so.
            #expect(html.contains("3年平均 (2年分)"), "\(name)")
            #expect(html.contains("自転車事故の月別推移 (全期間)"), "\(name)")
        }
    }

    @Test("FY2025 blue-ticket cells say 制度開始前, never 0")
    func blueTicketsBeforeTheSystem() throws {
        let zone = try Self.text("zone_58101-R01.html")
        #expect(zone.contains("<span class=\"not-applicable\">制度開始前</span>"))
        // In CSV the cell stays empty, so the column is still numeric.
        let csv = try Self.files(".csv").filter { $0.lastPathComponent.hasPrefix("zone_58101-R01_") }
        let plan = try #require(csv.first { $0.lastPathComponent.contains("月別の計画と実施") })
        let rows = Self.parseCSV(try String(contentsOf: plan, encoding: .utf8))
        let blue = try #require(rows.first?.firstIndex(of: "青切符"))
        #expect(rows.dropFirst().prefix(12).allSatisfy { $0[blue].isEmpty })
    }

    @Test("the station lists the hot spots nearest its zones with the prefecture's ranks, and both reports map them")
    func hotSpotsNearAStation() throws {
        func table(_ report: String, _ caption: String) throws -> [[String]] {
            let file = try #require(
                try Self.files(".csv").first {
                    $0.lastPathComponent.hasPrefix(report + "_") && $0.lastPathComponent.contains(caption)
                })
            // The ranked rows: not the header, the totals, the blank line or the note.
            return Self.parseCSV(try String(contentsOf: file, encoding: .utf8)).filter { Int($0[0]) != nil }
        }
        let prefecture = try table("prefecture", "重点外の事故多発地点")
        let station = try table("station_58101", "この署の重点の近くの事故多発地点")
        // The station's zones, from the sample's own zone file (an independent list of names).
        let zoneFile = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("SampleData/zones.csv"), encoding: .utf8)
        let ownNames = Self.parseCSV(zoneFile).filter { $0.count > 3 && $0[2] == "58101" }.map { $0[3] }
        #expect(ownNames.count == 4)
        let rows = station
        #expect(!rows.isEmpty && rows.count <= 10)
        let byRank = Dictionary(
            prefecture.map { ($0[0], $0) }, uniquingKeysWith: { first, _ in first })
        var ranks: [Int] = []
        for row in rows {
            let rank = try #require(Int(row[0]))
            ranks.append(rank)
            // Named from one of the station's own zones.
            #expect(ownNames.contains { row[2].hasPrefix($0) }, "\(row[2])")
            // The same cell, place and count as in the prefecture's list where that list shows the rank.
            if let listed = byRank[row[0]] { #expect(Array(listed.prefix(5)) == Array(row.prefix(5))) }
        }
        #expect(ranks == ranks.sorted())
        // Each report's map numbers exactly its table's cells.
        for (page, listed) in [
            ("station_58101.html", rows.map { $0[0] }),
            ("prefecture.html", prefecture.map { $0[0] }),
        ] {
            let html = try Self.text(page)
            let svg = try #require(
                html.components(separatedBy: "<svg ").first { $0.contains("class=\"hot-spot") }?
                    .components(separatedBy: "</svg>").first)
            #expect(svg.components(separatedBy: "class=\"hot-spot").count - 1 == listed.count, "\(page)")
            for rank in listed {
                #expect(svg.contains(">\(rank)</text>"), "\(page) rank \(rank)")
            }
        }
    }

    @Test("English reports: no \"(s)\" plurals, no backticks, no space before %")
    func englishWording() throws {
        let folder = try SampleReports.write(["report", "all", "--period", "FY2025", "--compare", "--lang", "en"])
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 30)
        for page in pages {
            let html = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
            // The words a reader sees: the body without the style sheet and the tags.
            let body = html.components(separatedBy: "</style>").last ?? html
            let text = body.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            for pattern in [#"\(s\)"#, "`", "[0-9] %"] {
                let found = text.range(of: ".{0,60}" + pattern, options: .regularExpression).map { text[$0] }
                #expect(found == nil, "\(page): \(found ?? "")")
            }
        }
    }
}
