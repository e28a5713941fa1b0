import BikePDCACore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Store
import TestFolders
import Testing
import Workflows

/// A small database for the app's tests: the sample's stations and zones, four accounts (bcrypt cost 4, so that
/// logins are quick), and a clock the tests move.
final class ServerFixture: Sendable {
    let store: RecordStore
    let settings: ServerSettings
    let clock = TestClock()
    let folder: URL
    /// The files the fixture itself imported (stations, zones, enforcement months): the import log's length.
    let fixtureImports: Int
    static let password = "correct horse battery"

    /// The repository's sample folder.
    static let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleData")

    /// Imports the sample's stations and zones, the given enforcement months and any `more` files
    /// (paths under SampleData/ with their datasets).
    init(enforcementMonths: [String] = [], more: [(String, DatasetKind)] = []) throws {
        folder = try TestFolders.make("serve")
        store = try RecordStore(path: folder.appendingPathComponent("serve.sqlite").path)
        let pipeline = ImportPipeline(store: store, now: { "2026-12-01 09:00:00" })
        var files: [(String, DatasetKind)] = [("stations.csv", .stations), ("zones.csv", .zones)]
        files += enforcementMonths.map { ("enforcement/enforcement_\($0).csv", .enforcement) }
        files += more
        for (file, dataset) in files {
            let result = try pipeline.importFile(
                path: Self.sampleData.appendingPathComponent(file).path, options: ImportOptions(dataset: dataset))
            guard case .imported = result.status else { throw FixtureError(message: "\(file) did not import") }
        }
        fixtureImports = files.count
        var administration = AccountAdministration(store: store)
        administration.bcryptCost = 4
        _ = try administration.add(name: "admin1", role: .admin, stationID: nil, password: Self.password)
        _ = try administration.add(name: "hq1", role: .hq, stationID: nil, password: Self.password)
        _ = try administration.add(name: "st101", role: .station, stationID: "58101", password: Self.password)
        _ = try administration.add(name: "st102", role: .station, stationID: "58102", password: Self.password)
        var settings = ServerSettings()
        settings.bcryptCost = 4
        settings.workFolder = folder.path
        settings.port = 0
        let clock = self.clock
        settings.now = { clock.now }
        self.settings = settings
    }

    /// The app as `bikepdca serve` makes it: the store for writing, the same file read-only for the reports.
    func application(_ adjust: (inout ServerSettings) -> Void = { _ in }) throws -> some ApplicationProtocol {
        var readOnly = RecordStore.Configuration()
        readOnly.isReadOnly = true
        let reader = try RecordStore(path: store.path, configuration: readOnly)
        var settings = self.settings
        adjust(&settings)
        return try BikePDCAServer(store: store, reader: reader, settings: settings).makeApplication()
    }

    struct FixtureError: Error { let message: String }
}

/// A clock the test sets (Unix seconds).
final class TestClock: @unchecked Sendable {
    // Guarded by `lock`.
    private var seconds: Int64 = 1_800_000_000
    private let lock = NSLock()
    var now: Int64 { lock.withLock { seconds } }
    func advance(_ delta: Int64) { lock.withLock { seconds += delta } }
}

/// A logged-in browser of the tests: its cookies and its forms' token.
struct Browser: Sendable {
    var cookies: [String: String] = [:]

    var cookieHeader: HTTPFields {
        cookies.isEmpty ? [:] : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")]
    }

    /// Keeps the cookies a response sets (an empty value or Max-Age=0 deletes).
    mutating func keep(_ response: TestResponse) {
        for line in response.headers[values: .setCookie] {
            let first = line.split(separator: ";").first.map(String.init) ?? ""
            let parts = first.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 || (parts.count == 1 && first.hasSuffix("=")) else { continue }
            let value = parts.count == 2 ? parts[1] : ""
            if value.isEmpty || line.contains("Max-Age=0") {
                cookies[parts[0]] = nil
            } else {
                cookies[parts[0]] = value
            }
        }
    }

    /// GET, keeping cookies.
    mutating func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (TestResponse, String) {
        let response = try await client.execute(uri: uri, method: .get, headers: cookieHeader)
        keep(response)
        return (response, response.text)
    }

    /// POST a urlencoded form, keeping cookies.
    mutating func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)]) async throws
        -> (TestResponse, String)
    {
        let body = fields.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = cookieHeader
        headers[.contentType] = "application/x-www-form-urlencoded"
        let response = try await client.execute(
            uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        keep(response)
        return (response, response.text)
    }

    /// POST a multipart upload form, keeping cookies.
    mutating func upload(
        _ client: some TestClientProtocol, fields: [(String, String)], fileName: String, file: [UInt8]
    ) async throws -> (TestResponse, String) {
        let boundary = "----bikepdca-test-boundary"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: text/csv\r\n\r\n"
                .utf8)
        body += file
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        var headers = cookieHeader
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let response = try await client.execute(
            uri: "/upload", method: .post, headers: headers, body: ByteBuffer(bytes: body))
        keep(response)
        return (response, response.text)
    }

    /// Uploads, follows the redirect to the job's page and reloads it until the job has ended (as the browser
    /// does through the page's meta refresh); a refused upload comes back as it is.
    mutating func uploadAndWait(
        _ client: some TestClientProtocol, fields: [(String, String)], fileName: String, file: [UInt8]
    ) async throws -> (TestResponse, String) {
        let (posted, body) = try await upload(client, fields: fields, fileName: fileName, file: file)
        guard posted.status == .seeOther, let location = posted.headers[.location] else { return (posted, body) }
        return try await waitForJob(client, location)
    }

    /// Reloads a job's page until it no longer refreshes itself.
    mutating func waitForJob(_ client: some TestClientProtocol, _ location: String) async throws
        -> (TestResponse, String)
    {
        for _ in 0..<1200 {
            let (response, page) = try await get(client, location)
            if response.status != .ok || !page.contains("http-equiv=\"refresh\"") { return (response, page) }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServerFixture.FixtureError(message: "the job at \(location) did not end")
    }

    /// The first `href` in `page` that starts with `prefix`, unescaped.
    static func link(in page: String, startingWith prefix: String) -> String? {
        guard let range = page.range(of: "href=\"\(prefix)") else { return nil }
        let value = prefix + page[range.upperBound...].prefix { $0 != "\"" }
        return value.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The anti-forgery token of the upload form.
    mutating func uploadFormToken(_ client: some TestClientProtocol) async throws -> String {
        let (_, form) = try await get(client, "/upload")
        return try #require(Browser.csrf(in: form))
    }

    /// Logs in through the form; returns the login response.
    mutating func logIn(_ client: some TestClientProtocol, _ name: String, _ password: String = ServerFixture.password)
        async throws -> TestResponse
    {
        let (_, page) = try await get(client, "/login")
        let token = Self.csrf(in: page) ?? ""
        let (response, _) = try await post(client, "/login", [("csrf", token), ("name", name), ("password", password)])
        return response
    }

    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension TestResponse {
    /// The body as UTF-8 text.
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }
}
