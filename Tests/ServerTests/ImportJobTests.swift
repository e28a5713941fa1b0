import Dispatch
import Foundation
import HTTPTypes
import HummingbirdTesting
import Server
import Store
import Testing

/// Uploads as jobs: "import the valid rows" with its rejects CSV for the sending session only, mapping profiles
/// chosen by name, and the job's page while it waits, runs and after it ended.
@Suite struct ImportJobTests {
    @Test func importingTheValidRowsKeepsTheRejectsForTheSendingSessionOnly() async throws {
        let fixture = try ServerFixture()
        let (own, rows) = try UploadTests.ownRows()
        // Another station's row and a row with an impossible date: both set aside, the others imported.
        var text = String(decoding: own, as: UTF8.self)
        let foreignLine = text.split(separator: "\n").count + 1
        text += "Z0001,2025-04-15,10:00,58102,traffic,,35.125625,136.898487,phone,warning,bicycle,16-19,\n"
        text += "Z0002,2025-04-31,10:00,58101,traffic,,35.125625,136.898487,phone,warning,bicycle,16-19,\n"
        let mixed = Array(text.utf8)
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "st101")
            let token = try await browser.uploadFormToken(client)
            let (response, page) = try await browser.uploadAndWait(
                client, fields: [("csrf", token), ("dataset", "enforcement"), ("mode", "import-valid")],
                fileName: "chuo_mixed.csv", file: mixed)
            #expect(response.status == .ok)
            #expect(page.contains("\(rows) 行を取り込みました"))
            #expect(page.contains("エラーのある 2 行"))
            #expect(page.contains("<td>\(foreignLine):4</td>"))
            let link = try #require(Browser.link(in: page, startingWith: "/imports/"))
            #expect(link.hasSuffix("/rejects.csv"))
            let (download, csv) = try await browser.get(client, link)
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(download.headers[.contentDisposition]?.contains("chuo_mixed.rejects.csv") == true)
            #expect(csv.contains("Z0001"))
            #expect(csv.contains("Z0002"))
            #expect(csv.contains(String(foreignLine)))
            #expect(
                csv.split(separator: "\r\n", omittingEmptySubsequences: true).count == 3,
                "the header and the two rejected rows, none of the imported ones")
            // The same account in another session sees the job's result, but neither the link nor the file.
            let jobPage = String(link.dropLast("/rejects.csv".count))
            var second = Browser()
            _ = try await second.logIn(client, "st101")
            let (again, againPage) = try await second.get(client, jobPage)
            #expect(again.status == .ok)
            #expect(!againPage.contains("rejects.csv"))
            #expect(try await second.get(client, link).0.status == .notFound)
            // Another station: neither the job nor its rejects.
            var other = Browser()
            _ = try await other.logIn(client, "st102")
            #expect(try await other.get(client, jobPage).0.status == .notFound)
            #expect(try await other.get(client, link).0.status == .notFound)
            // After an hour the job and its rejects are gone.
            fixture.clock.advance(3601)
            #expect(try await browser.get(client, link).0.status == .notFound)
            #expect(try await browser.get(client, jobPage).0.status == .notFound)
        }
        let entry = try #require(try fixture.store.importLog().first)
        #expect(entry.rowsAccepted == rows)
        #expect(entry.rowsRejected == 2)
        #expect(try fixture.store.auditLog().contains { $0.action == "import" && $0.importID == entry.id })
    }

    @Test func aMappingProfileIsChosenByNameFromTheFolder() async throws {
        let fixture = try ServerFixture()
        let mapping = ServerFixture.sampleData.appendingPathComponent("mapping")
        let export = try [UInt8](Data(contentsOf: mapping.appendingPathComponent("kita_station_export.csv")))
        try await fixture.application({ $0.mappingFolder = mapping.path }).test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "hq1")
            let (_, form) = try await browser.get(client, "/upload")
            #expect(form.contains("<option value=\"kita_station.yaml\">kita_station.yaml</option>"))
            #expect(!form.contains("kita_station_export.csv"), "only profiles are offered")
            let token = try #require(Browser.csrf(in: form))
            for name in ["../stations.csv", "nope.yaml", "kita_station_export.csv", "/etc/passwd"] {
                let (refused, _) = try await browser.upload(
                    client,
                    fields: [("csrf", token), ("dataset", "enforcement"), ("mode", "check"), ("mapping", name)],
                    fileName: "kita.csv", file: export)
                #expect(refused.status == .badRequest, "\(name)")
            }
            let (response, page) = try await browser.uploadAndWait(
                client,
                fields: [
                    ("csrf", token), ("dataset", "enforcement"), ("mode", "import"), ("mapping", "kita_station.yaml"),
                ],
                fileName: "kita_station_export.csv", file: export)
            #expect(response.status == .ok)
            #expect(page.contains("class=\"app-ok\""))
            #expect(page.contains("行を取り込みました"))
        }
        let entry = try #require(try fixture.store.importLog().first)
        #expect(entry.fileName == "kita_station_export.csv")
        #expect(entry.rowsAccepted > 0)
    }

    @Test func withoutAMappingFolderNoProfileIsAccepted() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "hq1")
            let (_, form) = try await browser.get(client, "/upload")
            #expect(!form.contains("name=\"mapping\""))
            let token = try #require(Browser.csrf(in: form))
            let (refused, _) = try await browser.upload(
                client,
                fields: [("csrf", token), ("dataset", "enforcement"), ("mode", "check"), ("mapping", "a.yaml")],
                fileName: "a.csv", file: Array("record_id\n".utf8))
            #expect(refused.status == .badRequest)
            let (unknownMode, _) = try await browser.upload(
                client, fields: [("csrf", token), ("dataset", "enforcement"), ("mode", "replace")],
                fileName: "a.csv", file: Array("record_id\n".utf8))
            #expect(unknownMode.status == .badRequest)
        }
    }

    @Test func theJobPageShowsWaitingRunningAndTheResult() async throws {
        let fixture = try ServerFixture()
        let gate = Gate()
        let (file, rows) = try UploadTests.ownRows()
        try await fixture.application({ $0.importGate = { gate.pass() } }).test(.router) { client in
            // Whatever happens, the queue is not left blocked.
            defer { gate.open() }
            var browser = Browser()
            _ = try await browser.logIn(client, "st101")
            let token = try await browser.uploadFormToken(client)
            let fields = [("csrf", token), ("dataset", "enforcement"), ("mode", "check")]
            // The first upload holds the queue at the gate: it is running, at 0%.
            let (first, _) = try await browser.upload(client, fields: fields, fileName: "first.csv", file: file)
            #expect(first.status == .seeOther)
            let firstJob = try #require(first.headers[.location])
            #expect(firstJob.hasPrefix("/imports/"))
            #expect(firstJob.count == "/imports/".count + 32)
            let (running, runningPage) = try await browser.get(client, firstJob)
            #expect(running.status == .ok)
            #expect(runningPage.contains("<meta http-equiv=\"refresh\" content=\"1\">"))
            #expect(runningPage.contains("<progress max=\"100\" value=\"0\">"))
            #expect(runningPage.contains("first.csv: 処理中 0%"))
            #expect(!runningPage.contains("app-ok"))
            let policy = try #require(running.headers[.contentSecurityPolicy])
            #expect(!policy.contains("unsafe-inline"))
            #expect(!runningPage.contains("<script"))
            // The second waits behind it.
            let (second, _) = try await browser.upload(client, fields: fields, fileName: "second.csv", file: file)
            let secondJob = try #require(second.headers[.location])
            #expect(secondJob != firstJob)
            let (_, waitingPage) = try await browser.get(client, secondJob)
            #expect(waitingPage.contains("second.csv: 順番待ちです（先に 1 件）"))
            #expect(waitingPage.contains("http-equiv=\"refresh\""))
            // The dashboard counts both.
            let (_, dashboard) = try await browser.get(client, "/")
            #expect(dashboard.contains("取込み待ち・実行中: 2 件"))
            // Another account finds neither; made-up ids are not found.
            var other = Browser()
            _ = try await other.logIn(client, "hq1")
            #expect(try await other.get(client, firstJob).0.status == .notFound)
            #expect(
                try await browser.get(client, "/imports/" + String(repeating: "0", count: 32)).0.status == .notFound)
            #expect(try await browser.get(client, "/imports/..%2F..%2Fetc").0.status == .notFound)
            // Opened, both end with their results, which no longer refresh.
            gate.open()
            let (done, donePage) = try await browser.waitForJob(client, firstJob)
            #expect(done.status == .ok)
            #expect(donePage.contains("first.csv: 確認のみ。有効 \(rows) 行"))
            #expect(!donePage.contains("http-equiv=\"refresh\""))
            let (_, secondPage) = try await browser.waitForJob(client, secondJob)
            #expect(secondPage.contains("second.csv: 確認のみ"))
            // In English too.
            _ = try await browser.get(client, "/lang?set=en")
            let (_, english) = try await browser.get(client, firstJob)
            #expect(english.contains("first.csv: checked only: \(rows) rows valid"))
        }
        #expect(try fixture.store.importLog().count == fixture.fixtureImports)
    }

    @Test func aFullQueueRefusesTheNextUploadBeforeReadingIt() async throws {
        let fixture = try ServerFixture()
        let gate = Gate()
        let (file, _) = try UploadTests.ownRows()
        let app = try fixture.application {
            $0.importGate = { gate.pass() }
            $0.maxQueuedUploads = 2
        }
        try await app.test(.router) { client in
            defer { gate.open() }
            var browser = Browser()
            _ = try await browser.logIn(client, "st101")
            let token = try await browser.uploadFormToken(client)
            let fields = [("csrf", token), ("dataset", "enforcement"), ("mode", "check")]
            // Two uploads fill the queue: the first held at the gate, the second behind it.
            for name in ["first.csv", "second.csv"] {
                #expect(
                    try await browser.upload(client, fields: fields, fileName: name, file: file).0.status == .seeOther)
            }
            let (refused, page) = try await browser.upload(client, fields: fields, fileName: "third.csv", file: file)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "30")
            #expect(page.contains("このファイルは受け付けていません"))
            // Once the queue has drained, uploads are taken again.
            gate.open()
            var accepted = false
            for _ in 0..<250 where !accepted {
                let (response, _) = try await browser.upload(client, fields: fields, fileName: "fourth.csv", file: file)
                accepted = response.status == .seeOther
                if !accepted { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(accepted)
        }
    }
}

/// Holds imports back until the test opens it.
final class Gate: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)

    /// Waits until ``open()``, then lets every later import through as well.
    func pass() {
        semaphore.wait()
        semaphore.signal()
    }

    func open() { semaphore.signal() }
}
