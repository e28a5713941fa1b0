import Foundation
import HTTPTypes
import HummingbirdTesting
import Server
import Store
import Testing

/// The analysis pages: the Act list, hot spots, the metrics table and the records behind its figures, for each
/// role, with their CSVs and the checks of their parameters.
@Suite struct AnalysisPageTests {
    /// April 2025 with last year's accidents, the year's plans and activities: enough for every page.
    static func fixture() throws -> ServerFixture {
        try ServerFixture(
            enforcementMonths: ["2025-04"],
            more: [
                ("accidents/accidents_FY2024.csv", .accidents), ("accidents/accidents_FY2025.csv", .accidents),
                ("plans/plans_FY2025.csv", .plans), ("activities/activities_FY2025.csv", .activities),
            ])
    }

    /// The CSV's lines (CRLF), without the byte order mark, split into cells on commas (these cells hold none).
    static func csvLines(_ text: String) -> [[String]] {
        text.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// The first link to `prefix` in `page` (unescaped) and the link's text.
    static func firstLink(_ page: String, _ prefix: String) -> (href: String, text: String)? {
        guard let href = Browser.link(in: page, startingWith: prefix),
            let start = page.range(of: "href=\"\(prefix)")?.upperBound,
            let open = page.range(of: "\">", range: start..<page.endIndex)?.upperBound,
            let close = page.range(of: "</a>", range: open..<page.endIndex)?.lowerBound
        else { return nil }
        return (href, String(page[open..<close]))
    }

    @Test func theActListShowsHeadquartersEveryStationAndAStationItsOwn() async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(.router) { client in
            var hq = Browser()
            _ = try await hq.logIn(client, "hq1")
            let (page, body) = try await hq.get(client, "/act?period=2025-04")
            #expect(page.status == .ok)
            #expect(body.contains("<th>種類</th><th>対象</th><th>理由</th>"))
            #expect(body.contains("href=\"/act?period=2025-04&amp;format=csv\""))
            let (download, csv) = try await hq.get(client, "/act?period=2025-04&format=csv")
            #expect(download.headers[.contentType] == "text/csv; charset=utf-8")
            let all = Self.csvLines(csv)
            #expect(all.first == ["kind", "subject", "station", "department", "zone", "reason"])
            let stations = Set(all.dropFirst().map { $0[2] })
            #expect(stations.contains("58102"))
            #expect(stations.count > 1, "items of several stations")

            var station = Browser()
            _ = try await station.logIn(client, "st102")
            let (_, ownCSV) = try await station.get(client, "/act?period=2025-04&format=csv")
            let own = Self.csvLines(ownCSV)
            #expect(own.count > 1)
            #expect(own.dropFirst().allSatisfy { $0[2] == "58102" })
            #expect(own.count == all.filter { $0[2] == "58102" }.count + 1)
            let (_, ownPage) = try await station.get(client, "/act?period=2025-04")
            #expect(ownPage.contains("58102"))
            #expect(!ownPage.contains("58104"))
            // 58101 has no items in April 2025: the page says so.
            var quiet = Browser()
            _ = try await quiet.logIn(client, "st101")
            let (_, none) = try await quiet.get(client, "/act?period=2025-04")
            #expect(none.contains("この期間・基準では提案はありません。"))

            var admin = Browser()
            _ = try await admin.logIn(client, "admin1")
            #expect(try await admin.get(client, "/act?period=2025-04").0.status == .forbidden)
            for bad in ["/act?period=%3Cscript%3E", "/act?period=" + String(repeating: "1", count: 41)] {
                #expect(try await hq.get(client, bad).0.status == .badRequest, "\(bad)")
            }
        }
    }

    @Test func hotSpotsAreForHeadquartersOnly() async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(.router) { client in
            var hq = Browser()
            _ = try await hq.logIn(client, "hq1")
            let (page, body) = try await hq.get(client, "/hotspots?period=FY2025&mesh=half")
            #expect(page.status == .ok)
            #expect(body.contains("<th>gi_star</th>"))
            #expect(body.contains("<td>1</td>"), "ranked cells")
            #expect(body.contains("<option value=\"half\" selected>"))
            let (_, csv) = try await hq.get(client, "/hotspots?period=FY2025&mesh=quarter&limit=5&format=csv")
            #expect(csv.hasPrefix("\u{FEFF}rank,mesh,accidents"))
            let lines = Self.csvLines(csv)
            #expect((2...6).contains(lines.count))
            #expect(lines.dropFirst().allSatisfy { $0[1].count == 10 }, "quarter mesh codes have ten digits")
            for bad in ["mesh=2km", "limit=0", "min=-1", "limit=abc"] {
                #expect(try await hq.get(client, "/hotspots?period=FY2025&\(bad)").0.status == .badRequest, "\(bad)")
            }
            for name in ["st101", "admin1"] {
                var other = Browser()
                _ = try await other.logIn(client, name)
                #expect(try await other.get(client, "/hotspots?period=FY2025").0.status == .forbidden, "\(name)")
                let (_, dashboard) = try await other.get(client, "/")
                #expect(!dashboard.contains("href=\"/hotspots\""), "\(name)'s menu")
            }
            let (_, menu) = try await hq.get(client, "/")
            #expect(menu.contains("href=\"/hotspots\""))
            #expect(menu.contains("href=\"/act\""))
            #expect(menu.contains("href=\"/metrics\""))
        }
    }

    @Test func eachFigureOfTheMetricsOpensItsRecords() async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(.router) { client in
            for name in ["hq1", "st101"] {
                var browser = Browser()
                _ = try await browser.logIn(client, name)
                let (page, body) = try await browser.get(client, "/metrics?period=2025-04")
                #expect(page.status == .ok)
                #expect(body.contains("<th>warnings</th>"))
                let link = try #require(Self.firstLink(body, "/explain?"))
                #expect(link.href.contains("dataset=enforcement"))
                #expect(link.href.contains("period=2025-04"))
                let (explained, records) = try await browser.get(client, link.href)
                #expect(explained.status == .ok)
                #expect(records.contains("\(link.text) 件"), "\(name): \(link.href)")
                #expect(records.contains("<th>record_id</th>"))
                let (_, csv) = try await browser.get(client, link.href + "&format=csv")
                #expect(csv.hasPrefix("\u{FEFF}record_id,date"))
                #expect(Self.csvLines(csv).count == (Int(link.text) ?? -1) + 1, "\(name): every record in the CSV")
                // The metrics CSV is what `bikepdca metrics --format csv` prints.
                let (_, metricsCSV) = try await browser.get(client, "/metrics?period=2025-04&format=csv")
                let rows = Self.csvLines(metricsCSV)
                #expect(rows.first?.prefix(3) == ["station", "department", "zone"])
                if name == "st101" {
                    #expect(rows.dropFirst().allSatisfy { $0[0] == "58101" || $0[0] == "*" })
                    #expect(!body.contains("station=58102"))
                } else {
                    #expect(rows.contains { $0[0] == "58102" })
                }
            }
            // The accidents of a station's row link to their records too.
            var hq = Browser()
            _ = try await hq.logIn(client, "hq1")
            let (_, body) = try await hq.get(client, "/metrics?period=2025-04")
            let accidents = try #require(Self.firstLink(body, "/explain?dataset=accidents"))
            let (_, records) = try await hq.get(client, accidents.href)
            #expect(records.contains("\(accidents.text) 件"), "\(accidents.href)")
        }
    }

    @Test func theRecordsPageChecksEveryValueAndTheStation() async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(.router) { client in
            #expect(
                try await client.execute(uri: "/explain?dataset=enforcement&period=2025-04", method: .get).status
                    == .seeOther)
            var station = Browser()
            _ = try await station.logIn(client, "st101")
            // Its own records, even when no station is named; another station's are refused.
            let (own, ownPage) = try await station.get(client, "/explain?dataset=enforcement&period=2025-04")
            #expect(own.status == .ok)
            #expect(ownPage.contains("<td>58101</td>"))
            #expect(!ownPage.contains("<td>58102</td>"))
            #expect(
                try await station.get(client, "/explain?dataset=enforcement&period=2025-04&station=58102").0.status
                    == .forbidden)
            for bad in [
                "dataset=plans&period=2025-04", "dataset=enforcement&period=" + String(repeating: "9", count: 41),
                "dataset=enforcement&period=2025-13", "dataset=enforcement&period=2025-04&zone=..%2F..%2Fetc",
                "dataset=enforcement&period=2025-04&station=%3Cb%3E", "dataset=enforcement&period=2025-04&department=x",
                "dataset=accidents&period=2025-04&outcome=red", "dataset=enforcement&period=2025-04&outcome=yellow",
            ] {
                #expect(try await station.get(client, "/explain?\(bad)").0.status == .badRequest, "\(bad)")
            }
            var admin = Browser()
            _ = try await admin.logIn(client, "admin1")
            #expect(try await admin.get(client, "/explain?dataset=enforcement&period=2025-04").0.status == .forbidden)
            #expect(try await admin.get(client, "/metrics?period=2025-04").0.status == .forbidden)
            // Records outside every zone: zone `-`.
            var hq = Browser()
            _ = try await hq.logIn(client, "hq1")
            let (outside, outsidePage) = try await hq.get(
                client, "/explain?dataset=enforcement&period=2025-04&station=58102&zone=-&outcome=warning")
            #expect(outside.status == .ok)
            #expect(outsidePage.contains("<td>58102</td>"))
            #expect(!outsidePage.contains("<td>58102-D01</td>"))
        }
    }
}
