import CSVSupport
import Foundation
import TestSupport
import Testing

/// Strings that would run, load or evaluate something if any output pasted them in unescaped.
let hostileStrings = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "</style><script>alert(3)</script>",
    "javascript:alert(4)", "<svg onload=alert(5)>", "]]><iframe src=//example.com>",
    "=HYPERLINK(\"http://example.com\")",
    "+cmd|' /C calc'!A0", "-2+3+cmd", "@SUM(1+1)", "\t=1+1",
]

/// A small prefecture whose every free-text field (names, reasons, ids) holds one of the hostile strings.
func hostileDatabase(in folder: URL) throws -> String {
    func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    let polygon = csvField(
        "{\"type\":\"Polygon\",\"coordinates\":[[[136.90,35.17],[136.92,35.17],[136.92,35.19],[136.90,35.19],[136.90,35.17]]]}"
    )
    let line = csvField("{\"type\":\"LineString\",\"coordinates\":[[136.93,35.17],[136.95,35.18]]}")
    var files: [(String, String, String)] = []
    files.append(
        (
            "stations", "stations.csv",
            """
            prefecture_code,station_code,name_ja,name_en
            58,101,\(csvField(hostileStrings[0])),\(csvField(hostileStrings[1]))
            58,102,\(csvField(hostileStrings[2])),\(csvField(hostileStrings[6]))
            """
        ))
    files.append(
        (
            "zones", "zones.csv",
            """
            zone_id,kind,station,name,designated_from,reason,geometry,buffer_m
            \(csvField(hostileStrings[6])),district,58101,\(csvField(hostileStrings[4])),2025-04-01,\(csvField(hostileStrings[3])),\(polygon),
            \(csvField(hostileStrings[9])),route,58102,\(csvField(hostileStrings[5])),2024-04-01,\(csvField(hostileStrings[7])),\(line),30
            """
        ))
    var enforcement = [
        "record_id,date,time,station,department,zone_id,latitude,longitude,violation,outcome,operation_id"
    ]
    var accidents = ["record_id,date,time,station,zone_id,latitude,longitude,severity,bicycle_role,deaths,injuries"]
    var activities = ["operation_id,date,start,end,station,zone_id,kind,officers_traffic,officers_community"]
    for (index, text) in hostileStrings.enumerated() {
        for month in [4, 5, 6, 7] {
            let id = csvField("\(text)#\(month)")
            let zone = index % 2 == 0 ? csvField(hostileStrings[6]) : ""
            enforcement.append(
                "\(id),2025-0\(month)-1\(index % 9),08:30,58101,traffic,\(zone),35.18,136.91,stop,warning,\(csvField(text))"
            )
            accidents.append("\(id),2024-0\(month)-1\(index % 9),17:10,58101,,35.18,136.91,slight,A,0,1")
            accidents.append(
                csvField("\(text)#\(month)b") + ",2025-0\(month)-2\(index % 9),07:40,58102,,35.175,136.94,slight,B,0,1")
            activities.append(
                "\(csvField("\(text)#op\(month)")),2025-0\(month)-0\(index % 9 + 1),07:00,09:00,58101,\(zone),concentrated,2,1"
            )
        }
    }
    files.append(("enforcement", "enforcement.csv", enforcement.joined(separator: "\n")))
    files.append(("accidents", "accidents.csv", accidents.joined(separator: "\n")))
    files.append(("activities", "activities.csv", activities.joined(separator: "\n")))
    let database = folder.appendingPathComponent("hostile.sqlite").path
    for (dataset, name, text) in files {
        let path = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: path)
        let run = try CommandLineRun(["import", dataset, path.path], database: database)
        guard run.status == 0 else { throw ReportRunError(message: "\(dataset): \(run.stderr)") }
    }
    return database
}

@Suite("Hostile content in every text field stays inert in every output", .serialized)
struct HostileContentTests {
    @Test("HTML: no element or attribute from the data; Chromium offline logs no script, CSP refusal or request")
    func reportsAreInert() throws {
        let folder = try HeadlessChromium.temporaryDirectory()
        let database = try hostileDatabase(in: folder)
        let out = folder.appendingPathComponent("out")
        let run = try CommandLineRun(
            ["report", "all", "--period", "2025-04..2025-09", "--out", out.path, "--generated-at", "x"],
            database: database)
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        let pages = names.filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 4, "\(names)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasSuffix(".html") })
        for page in pages {
            let html = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
            // Text from the data has its `<` escaped, so every `<` left starts a tag the renderer wrote itself.
            let tags = html.split(separator: "<").dropFirst().map { $0.prefix { $0 != ">" } }
            for tag in tags {
                let name = tag.prefix { !$0.isWhitespace }.lowercased()
                #expect(!["script", "img", "iframe", "object", "embed"].contains(name), "\(page): <\(tag)>")
                #expect(tag.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(page): <\(tag)>")
                #expect(!tag.contains("javascript:") && !tag.contains("src="), "\(page): <\(tag)>")
            }
        }
        #expect(
            try pages.contains { page in
                try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
            }, "the hostile station name is shown, escaped")
        guard HeadlessChromium.path != nil else { return }
        for page in pages {
            let browser = try HeadlessChromium.run(
                ["--dump-dom", out.appendingPathComponent(page).absoluteString], in: folder)
            #expect(browser.status == 0, "\(page)")
            #expect(
                HeadlessChromium.problems(in: browser.log).isEmpty,
                "\(page): \(HeadlessChromium.problems(in: browser.log))")
            #expect(!browser.output.contains("<script"), "\(page): the parsed DOM holds no script element")
        }
    }

    @Test("CSV: every report table and the --explain listing neutralise formula-like cells")
    func csvIsInert() throws {
        let folder = try HeadlessChromium.temporaryDirectory()
        let database = try hostileDatabase(in: folder)
        let out = folder.appendingPathComponent("out")
        let run = try CommandLineRun(
            ["report", "all", "--period", "2025-04..2025-09", "--out", out.path, "--format", "csv"], database: database)
        #expect(run.status == 0, "\(run.stderr)")
        var paths = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".csv") }
            .map { out.appendingPathComponent($0).path }
        let explain = try CommandLineRun(
            ["metrics", "--period", "2025-04..2025-09", "--explain", "enforcement"], database: database)
        #expect(explain.status == 0, "\(explain.stderr)")
        let explainPath = folder.appendingPathComponent("explain.csv").path
        try Data(explain.stdout.utf8).write(to: URL(fileURLWithPath: explainPath))
        paths.append(explainPath)
        #expect(paths.count >= 5)
        var cells = 0
        for path in paths {
            try CSVFileReader(path: path).forEachRecord { record in
                for field in record.fields {
                    cells += 1
                    guard let first = field.unicodeScalars.first else { continue }
                    let isNumber = Double(field) != nil
                    #expect(
                        !["=", "+", "@", "\t", "\r"].contains(first) || isNumber, "\(path): \(field)")
                    #expect(first != "-" || isNumber, "\(path): \(field)")
                }
            }
        }
        #expect(explain.stdout.contains("'=HYPERLINK"), "the hostile record ids are listed, neutralised")
        #expect(cells > 100)
    }
}
