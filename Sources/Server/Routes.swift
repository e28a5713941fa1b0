import BikePDCACore
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Importers
import Rendering
import Store
import Workflows

/// The app's routes: each reads the request, checks the session, the role and the anti-forgery token, calls
/// `Workflows` or the store's own queries, and writes a page.
struct Routes: Sendable {
    let server: BikePDCAServer
    var store: RecordStore { server.store }
    var settings: ServerSettings { server.settings }
    var authority: SessionAuthority { SessionAuthority(store: store, settings: settings) }
    var reports: ReportService { ReportService(store: server.reader, workFolder: settings.workFolder) }

    static let sessionCookie = "bikepdca_session"
    static let loginCookie = "bikepdca_login"
    static let languageCookie = "bikepdca_lang"

    func register(on router: Router<AppRequestContext>) {
        router.get("/static/report.css") { _, _ in Self.styleSheet(HTMLRenderer.styleSheet) }
        router.get("/static/app.css") { _, _ in Self.styleSheet(PageLayout.appStyleSheet) }
        router.get("/login") { request, _ in try await loginPage(request) }
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout") { request, context in try await logout(request, context) }
        router.get("/lang") { request, _ in changeLanguage(request) }
        router.get("/") { request, _ in try await dashboard(request) }
        router.get("/reports") { request, _ in try await reportForms(request) }
        router.get("/reports/{kind}") { request, context in try await report(request, context) }
        router.get("/upload") { request, _ in try await uploadPage(request) }
        router.post("/upload") { request, context in try await upload(request, context) }
        router.get("/imports/{id}") { request, context in try await importJobPage(request, context) }
        router.get("/imports/{id}/rejects.csv") { request, context in try await importRejects(request, context) }
        router.get("/act") { request, _ in try await actPage(request) }
        router.get("/hotspots") { request, _ in try await hotSpotsPage(request) }
        router.get("/metrics") { request, _ in try await metricsPage(request) }
        router.get("/explain") { request, _ in try await explainPage(request) }
        router.get("/audit") { request, _ in try await auditPage(request) }
    }

    // MARK: sessions

    func text(_ request: Request) -> PageLanguage {
        PageLanguage(language: request.cookies[Self.languageCookie]?.value == "en" ? .en : .ja)
    }

    /// The request's live session, or a redirect to the login page.
    func requireSession(_ request: Request) async throws -> (token: String, session: AccountSession) {
        guard let token = request.cookies[Self.sessionCookie]?.value else { throw Redirect(location: "/login") }
        let authority = self.authority
        guard let session = try await offload({ try authority.session(token: token) }) else {
            throw Redirect(location: "/login", cookies: [cookie(Self.sessionCookie, "", maxAge: 0)])
        }
        return (token, session)
    }

    func require(_ allowed: Bool) throws {
        if !allowed { throw HTTPError(.forbidden) }
    }

    func checkToken(_ given: String?, _ session: AccountSession) throws {
        guard SessionAuthority.matches(given, session.csrfToken) else { throw HTTPError(.forbidden) }
    }

    func cookie(_ name: String, _ value: String, maxAge: Int64) -> String {
        "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (settings.isSecure ? "; Secure" : "")
    }

    func formFields(_ request: Request, limit: Int = 16 << 10) async throws -> FormFields {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        let bytes = buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? []
        return FormFields(urlEncoded: Substring(String(decoding: bytes, as: UTF8.self)))
    }

    func query(_ request: Request) -> FormFields {
        FormFields(urlEncoded: Substring(request.uri.query ?? ""))
    }

    // MARK: login

    func loginPage(_ request: Request, message: String? = nil, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        if message == nil, let token = request.cookies[Self.sessionCookie]?.value {
            let authority = self.authority
            if try await offload({ try authority.session(token: token) }) != nil { throw Redirect(location: "/") }
        }
        let text = self.text(request)
        let token = SessionAuthority.randomToken()
        let body = """
            \(message.map { "<p class=\"app-error\">\(HTMLText.escape($0))</p>" } ?? "")
            <form method="post" action="/login" class="app-form">
            <input type="hidden" name="csrf" value="\(token)">
            <label for="name">\(text("利用者名", "Account"))</label>
            <input id="name" name="name" autocomplete="username" required maxlength="64">
            <label for="password">\(text("パスワード", "Password"))</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="72">
            <button type="submit">\(text("ログイン", "Log in"))</button>
            </form>
            """
        var response = html(
            PageLayout(text: text, session: nil).page(title: text("ログイン", "Log in"), body), status: status)
        response.headers.append(HTTPField(name: .setCookie, value: cookie(Self.loginCookie, token, maxAge: 3600)))
        return response
    }

    func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await formFields(request)
        let text = self.text(request)
        guard let expected = request.cookies[Self.loginCookie]?.value, SessionAuthority.isWellFormed(expected),
            SessionAuthority.matches(form["csrf"], expected)
        else { throw HTTPError(.forbidden) }
        let name = form["name"] ?? ""
        let password = form["password"] ?? ""
        let authority = self.authority
        let address = context.clientAddress
        let outcome = try await offload { try authority.login(name: name, password: password, address: address) }
        switch outcome {
        case .success(let token, _):
            throw Redirect(
                location: "/",
                cookies: [
                    cookie(Self.sessionCookie, token, maxAge: settings.sessionLifetime),
                    cookie(Self.loginCookie, "", maxAge: 0),
                ])
        case .refused:
            return try await loginPage(
                request, message: text("利用者名またはパスワードが違います。", "Wrong account name or password."),
                status: .unauthorized)
        case .locked:
            return try await loginPage(
                request,
                message: text(
                    "ログインの失敗が続いたため、しばらくログインできません。", "Too many failed logins: try again later."),
                status: .tooManyRequests)
        }
    }

    func logout(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (token, session) = try await requireSession(request)
        let form = try await formFields(request)
        try checkToken(form["csrf"], session)
        let authority = self.authority
        let address = context.clientAddress
        try await offload { try authority.logout(token: token, session: session, address: address) }
        throw Redirect(location: "/login", cookies: [cookie(Self.sessionCookie, "", maxAge: 0)])
    }

    func changeLanguage(_ request: Request) -> Response {
        let language = query(request)["set"] == "en" ? "en" : "ja"
        return Redirect(location: "/", cookies: [cookie(Self.languageCookie, language, maxAge: 365 * 86400)]).response
    }

    // MARK: dashboard

    func dashboard(_ request: Request) async throws -> Response {
        let (_, session) = try await requireSession(request)
        let text = self.text(request)
        let store = self.store
        let reader = server.reader
        let today = Self.today()
        let (status, importers) = try await offload {
            let status = try reader.status(today: today)
            return (status, try store.importers(of: status.recentImports.map(\.id)))
        }
        let own = session.account.stationID
        var body =
            "<p>"
            + text(
                "警察署 \(status.stations.count)、重点地区・路線 \(status.zoneCount)（本日有効 \(status.activeZoneCount)）、計画 \(status.planCount) 行",
                "Stations \(status.stations.count), zones \(status.zoneCount) (\(status.activeZoneCount) active today), plan rows \(status.planCount)"
            ) + "</p>"
        if server.imports.pending > 0 {
            body +=
                "<p>"
                + text(
                    "取込み待ち・実行中: \(server.imports.pending) 件", "Imports waiting or running: \(server.imports.pending)")
                + "</p>"
        }
        var rows: [[String]] = []
        for coverage in status.coverage {
            let months = coverage.months.map { "\($0.lowerBound) … \($0.upperBound)" } ?? text("未取込み", "nothing loaded")
            var byStation: [String: [String]] = [:]
            for gap in coverage.gaps where own == nil || gap.stationID == own {
                byStation[gap.stationID, default: []].append(gap.month.description)
            }
            let missing = byStation.keys.sorted().map { "\($0): " + (byStation[$0] ?? []).joined(separator: ", ") }
            rows.append([
                coverage.dataset.rawValue, String(coverage.records), months,
                missing.isEmpty ? text("欠けなし", "none") : missing.joined(separator: "; "),
            ])
        }
        body += "<h2>" + text("取込み状況", "What is loaded") + "</h2>"
        body += PageLayout.table(
            [
                text("データ", "Dataset"), text("件数", "Records"), text("期間", "Months"),
                text("欠けている月（ゼロではない）", "Missing station-months (not zero)"),
            ], rows)
        body += "<h2>" + text("最近の取込み", "Recent imports") + "</h2>"
        body += PageLayout.table(
            [
                text("日時", "When"), text("取込み者", "Who"), text("データ", "Dataset"), text("ファイル", "File"),
                "SHA-256", text("採用行", "Accepted"), text("除外行", "Rejected"),
            ],
            status.recentImports.map { entry in
                [
                    entry.importedAt, importers[entry.id] ?? text("（コマンド）", "(command line)"), entry.dataset,
                    entry.fileName, String(entry.sha256.prefix(16)) + "…", String(entry.rowsAccepted),
                    String(entry.rowsRejected),
                ]
            })
        return html(PageLayout(text: text, session: session).page(title: text("ダッシュボード", "Dashboard"), body))
    }

    // MARK: reports

    func reportForms(_ request: Request) async throws -> Response {
        let (_, session) = try await requireSession(request)
        try require(session.account.role != .admin)
        let text = self.text(request)
        let store = server.reader
        let (zones, stations, latest) = try await offload { () throws -> ([Zone], [Station], YearMonth?) in
            let loader = try AnalysisLoader(store: store)
            let status = try store.status(today: Self.today())
            let latest = status.coverage.first { $0.dataset == .enforcement }?.months?.upperBound
            return (loader.zones, loader.stations, latest)
        }
        let own = session.account.stationID
        let myZones = zones.filter { own == nil || $0.stationID == own }
        let myStations = stations.filter { own == nil || $0.id == own }
        let period = latest.map { "FY\($0.month >= 4 ? $0.year : $0.year - 1)" } ?? "FY2025"
        func options(_ items: [(String, String)]) -> String {
            items.map { "<option value=\"\(HTMLText.escape($0.0))\">\(HTMLText.escape($0.1))</option>" }.joined()
        }
        let zoneOptions = options(myZones.map { ($0.id, "\($0.id) \($0.name)") })
        let periodField = """
            <label>\(text("期間", "Period"))</label><input name="period" value="\(period)" maxlength="40">
            """
        var body = """
            <h2>\(text("地区別報告書", "Zone report"))</h2>
            <form method="get" action="/reports/zone" class="app-form">
            <label>\(text("重点地区・路線", "Zone"))</label><select name="id">\(zoneOptions)</select>\(periodField)
            <button type="submit">\(text("表示", "Show"))</button></form>
            <h2>\(text("警察署別報告書", "Station report"))</h2>
            <form method="get" action="/reports/station" class="app-form">
            <label>\(text("警察署", "Station"))</label><select name="id">\(options(myStations.map { ($0.id, "\($0.id) \($0.nameJA)") }))</select>\(periodField)
            <button type="submit">\(text("表示", "Show"))</button></form>
            <h2>\(text("前後比較", "Before and after"))</h2>
            <form method="get" action="/reports/compare" class="app-form">
            <label>\(text("重点地区・路線", "Zone"))</label><select name="id">\(zoneOptions)</select>
            <label>\(text("指定日前後の月数", "Months each side of designation"))</label><input name="window" value="12" maxlength="3">
            <label>\(text("前の期間（任意）", "Before window (optional)"))</label><input name="before" maxlength="40">
            <label>\(text("後の期間（任意）", "After window (optional)"))</label><input name="after" maxlength="40">
            <label>\(text("比較対照", "Comparison group"))</label><select name="comparison"><option value="station">\(text("警察署の区域外", "the station's roads outside zones"))</option><option value="prefecture">\(text("県全体", "the prefecture"))</option></select>
            <button type="submit">\(text("表示", "Show"))</button></form>
            """
        if own == nil {
            body += """
                <h2>\(text("県全体の報告書", "Prefecture report"))</h2>
                <form method="get" action="/reports/prefecture" class="app-form">\(periodField)
                <button type="submit">\(text("表示", "Show"))</button></form>
                """
        }
        body +=
            "<p>" + text("期間の書き方: FY2025、令和7年度、2025-04..2025-09", "Periods: FY2025, 令和7年度, 2025-04..2025-09") + "</p>"
        return html(PageLayout(text: text, session: session).page(title: text("報告書", "Reports"), body))
    }

    func report(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (_, session) = try await requireSession(request)
        try require(session.account.role != .admin)
        let query = self.query(request)
        let id = query["id"] ?? ""
        let kindName = context.parameters.get("kind") ?? ""
        guard kindName == "prefecture" || Self.isValidID(id) else { throw HTTPError(.badRequest) }
        var period: ReportingPeriod?
        if let text = query["period"], !text.isEmpty {
            guard text.count <= 40, let parsed = try? ReportingPeriod.parse(text) else { throw HTTPError(.badRequest) }
            period = parsed
        }
        let kind: ReportService.Kind
        switch kindName {
        case "zone": kind = .zone(id)
        case "station": kind = .station(id)
        case "prefecture": kind = .prefecture
        case "compare":
            let windows: EvaluationWindows
            if let before = query["before"], let after = query["after"], !before.isEmpty, !after.isEmpty {
                guard before.count <= 40, after.count <= 40, let b = try? ReportingPeriod.parse(before),
                    let a = try? ReportingPeriod.parse(after)
                else { throw HTTPError(.badRequest) }
                windows = .given(before: b, after: a)
            } else {
                guard let months = Int(query["window"] ?? "12"), (1...120).contains(months) else {
                    throw HTTPError(.badRequest)
                }
                windows = .aroundDesignation(months: months)
            }
            kind = .compare(zone: id, windows: windows, prefectureComparison: query["comparison"] == "prefecture")
        default: throw HTTPError(.notFound)
        }
        let text = self.text(request)
        let reports = self.reports
        let station = session.account.stationID
        let generatedAt = Self.generatedAt()
        let csvName = query["csv"]
        let chosenPeriod = period
        let rendered: ReportService.Rendered
        do {
            rendered = try await offload {
                try reports.render(
                    kind, period: chosenPeriod, station: station, language: text.language, generatedAt: generatedAt,
                    format: .both)
            }
        } catch ReportService.Refusal.forbidden {
            throw HTTPError(.forbidden)
        } catch ReportService.Refusal.unavailable(let reason) {
            return html(
                PageLayout(text: text, session: session).page(
                    title: text("報告書を作れません", "No report"),
                    "<p class=\"app-error\">\(HTMLText.escape(reason))</p><p><a href=\"/reports\">\(text("戻る", "Back"))</a></p>"
                ),
                status: .unprocessableContent)
        }
        if let csvName {
            guard let bytes = rendered.csvFiles[csvName] else { throw HTTPError(.notFound) }
            return csvDownload(bytes, name: csvName)
        }
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8", .contentSecurityPolicy: Self.reportPolicy(rendered.html),
        ]
        if query["download"] == "html" {
            headers[.contentDisposition] = "attachment; filename*=UTF-8''\(HTMLText.urlComponent(rendered.htmlName))"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: rendered.html)))
        }
        let base = "/reports/\(kindName)?" + (request.uri.query ?? "")
        var nav =
            "<nav class=\"report-nav\"><a href=\"/reports\">\(text("← 報告書一覧", "← Reports"))</a> · "
            + "<a href=\"\(HTMLText.escape(base))&amp;download=html\">\(text("HTMLとして保存", "Save as HTML"))</a>"
        for name in rendered.csvFiles.keys.sorted() {
            nav +=
                " · <a href=\"\(HTMLText.escape(base))&amp;csv=\(HTMLText.urlComponent(name))\">\(HTMLText.escape(name))</a>"
        }
        nav += "</nav>"
        let page = rendered.html.replacingOccurrences(of: "<body>", with: "<body>" + nav, options: [], range: nil)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// The report page's policy: its one inline style sheet by hash, nothing else (no `unsafe-inline`).
    static func reportPolicy(_ html: String) -> String {
        var style = "'none'"
        if let open = html.range(of: "<style>"),
            let close = html.range(of: "</style>", range: open.upperBound..<html.endIndex)
        {
            let css = html[open.upperBound..<close.lowerBound]
            style = "'sha256-\(Data(SHA256.hash(data: Data(css.utf8))).base64EncodedString())'"
        }
        return "default-src 'none'; style-src \(style); img-src 'none'; font-src 'none'; script-src 'none'; "
            + "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    }

    // MARK: audit (admin)

    func auditPage(_ request: Request) async throws -> Response {
        let (_, session) = try await requireSession(request)
        try require(session.account.role == .admin)
        let text = self.text(request)
        let store = self.store
        let (entries, accounts) = try await offload { (try store.auditLog(limit: 200), try store.accounts()) }
        var body = "<h2>" + text("利用者", "Accounts") + "</h2>"
        body += PageLayout.table(
            [text("名前", "Name"), text("権限", "Role"), text("警察署", "Station"), text("状態", "State")],
            accounts.map {
                [
                    $0.name, $0.role.rawValue, $0.stationID ?? "",
                    $0.isDisabled ? text("無効", "disabled") : text("有効", "active"),
                ]
            })
        body += "<p>" + text("利用者の追加・無効化は bikepdca user で行います。", "Accounts are managed with bikepdca user.") + "</p>"
        body += "<h2>" + text("監査記録", "Audit log") + "</h2>"
        body += PageLayout.table(
            [
                text("日時", "When"), text("利用者", "Account"), text("接続元", "From"), text("操作", "Action"),
                text("内容", "Detail"),
            ],
            entries.map { [Self.localTime($0.at), $0.accountName, $0.address, $0.action, $0.detail] })
        return html(
            PageLayout(text: text, session: session).page(title: text("監査記録・利用者", "Audit log and accounts"), body))
    }

    // MARK: helpers

    func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// A CSV file to save (`text/csv`, an attachment named `name`).
    func csvDownload(_ bytes: [UInt8], name: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename*=UTF-8''\(HTMLText.urlComponent(name))",
            ], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static func styleSheet(_ css: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: css)))
    }

    /// Zone and station ids: letters, digits, `-`, `_`, at most 40.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 40
            && id.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || scalar == "-" || scalar == "_"
            }
    }

    static func today() -> LocalDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return LocalDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LocalDate(dayNumber: 0)
    }

    static func generatedAt() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date())
    }

    static func localTime(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
