import Foundation
import HummingbirdTesting
import Server
import Store
import Testing

/// Uploads through the browser: a dry run lists every error and writes nothing; an import is all or nothing;
/// a station's file may hold its own rows only.
@Suite struct UploadTests {
    /// The sample's April 2025 enforcement rows of station 58101, with the header.
    static func ownRows() throws -> (file: [UInt8], rows: Int) {
        let text = try String(
            contentsOf: ServerFixture.sampleData.appendingPathComponent("enforcement/enforcement_2025-04.csv"),
            encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        // Column 4 is the station (record_id,date,time,station,...).
        let own = lines.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[3] == "58101" }
        let joined = ([lines[0]] + own).joined(separator: "\n") + "\n"
        return (Array(joined.utf8), own.count)
    }

    @Test func aDryRunListsEveryErrorAndWritesNothing() async throws {
        let fixture = try ServerFixture()
        let errors = try [UInt8](
            Data(contentsOf: ServerFixture.sampleData.appendingPathComponent("errors/enforcement_with_errors.csv")))
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "hq1")
            let token = try await browser.uploadFormToken(client)
            let (response, page) = try await browser.uploadAndWait(
                client, fields: [("csrf", token), ("dataset", "enforcement"), ("mode", "check")],
                fileName: "enforcement_with_errors.csv", file: errors)
            #expect(response.status == .ok)
            // Line 4 (X0003) holds 2025-02-30 in column 2, the date: SampleData/errors/enforcement_with_errors.csv.
            #expect(page.contains("<td>4:2</td>"))
            #expect(page.contains("class=\"data diagnostics\""))
        }
        #expect(try fixture.store.importLog().count == fixture.fixtureImports)
        #expect(try fixture.store.auditLog().first?.action == "dry-run")
    }

    @Test func aCheckStoppedByTheFilesHeaderSaysSoAsACheck() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "hq1")
            let token = try await browser.uploadFormToken(client)
            let (_, page) = try await browser.uploadAndWait(
                client, fields: [("csrf", token), ("dataset", "enforcement"), ("mode", "check")],
                fileName: "other.csv", file: Array("氏名,住所\n山田,東京\n".utf8))
            #expect(page.contains("<title>確認結果"), "\(page)")
            #expect(page.contains("other.csv: 確認のみ。このファイルは取り込めません"))
            #expect(!page.contains("取り込みませんでした"))
        }
        #expect(try fixture.store.importLog().count == fixture.fixtureImports)
    }

    @Test func aStationImportsItsOwnRowsAndTheDashboardSaysWho() async throws {
        let fixture = try ServerFixture()
        let (file, rows) = try Self.ownRows()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "st101")
            let token = try await browser.uploadFormToken(client)
            let (response, page) = try await browser.uploadAndWait(
                client, fields: [("csrf", token), ("dataset", "enforcement"), ("mode", "import")],
                fileName: "chuo_2025-04.csv", file: file)
            #expect(response.status == .ok)
            #expect(page.contains("\(rows)"))
            let (_, dashboard) = try await browser.get(client, "/")
            #expect(dashboard.contains("chuo_2025-04.csv"))
            #expect(dashboard.contains("<td>st101</td>"))
        }
        #expect(try fixture.store.importLog().count == fixture.fixtureImports + 1)
        let entry = try #require(try fixture.store.importLog().first)
        #expect(entry.rowsAccepted == rows)
        #expect(entry.fileName == "chuo_2025-04.csv")
        let audit = try #require(try fixture.store.auditLog().first)
        #expect(audit.action == "import")
        #expect(audit.importID == entry.id)
    }

    @Test func aStationCannotImportAnotherStationsRows() async throws {
        let fixture = try ServerFixture()
        let (own, _) = try Self.ownRows()
        // One row of station 58102 appended: line (own rows + 2), column 4 (station).
        var text = String(decoding: own, as: UTF8.self)
        let lineNumber = text.split(separator: "\n").count + 1
        text += "Z0001,2025-04-15,10:00,58102,traffic,,35.125625,136.898487,phone,warning,bicycle,16-19,\n"
        let mixed = Array(text.utf8)
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "st101")
            let token = try await browser.uploadFormToken(client)
            let (_, page) = try await browser.uploadAndWait(
                client, fields: [("csrf", token), ("dataset", "enforcement"), ("mode", "import")],
                fileName: "mixed.csv", file: mixed)
            #expect(page.contains("<td>\(lineNumber):4</td>"))
            // A station may not upload the station list at all.
            let (refused, _) = try await browser.upload(
                client, fields: [("csrf", token), ("dataset", "stations"), ("mode", "check")],
                fileName: "stations.csv", file: Array("prefecture_code\n".utf8))
            #expect(refused.status == .forbidden)
        }
        #expect(
            try fixture.store.importLog().count == fixture.fixtureImports,
            "all or nothing: one foreign row, nothing written")
        #expect(try fixture.store.auditLog().first?.action == "import-failed")
    }

    @Test func hostileFileNamesAreEscaped() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "hq1")
            let token = try await browser.uploadFormToken(client)
            let (_, page) = try await browser.uploadAndWait(
                client, fields: [("csrf", token), ("dataset", "enforcement"), ("mode", "check")],
                fileName: "<img src=x onerror=alert(1)>.csv", file: Array("record_id,date\nX,2025-13-01\n".utf8))
            #expect(!page.contains("<img"))
            #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;.csv"))
        }
    }

    @Test func uploadsOverTheLimitAreRefused() async throws {
        let fixture = try ServerFixture()
        var settings = fixture.settings
        settings.maxUploadBytes = 1024
        let app = try BikePDCAServer(store: fixture.store, settings: settings).makeApplication()
        try await app.test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "hq1")
            let token = try await browser.uploadFormToken(client)
            let (response, _) = try await browser.upload(
                client, fields: [("csrf", token), ("dataset", "enforcement"), ("mode", "check")],
                fileName: "big.csv", file: Array(repeating: UInt8(ascii: "a"), count: 200 << 10))
            #expect(response.status == .contentTooLarge)
        }
        #expect(try fixture.store.auditLog().allSatisfy { !$0.action.hasPrefix("dry") })
    }
}
