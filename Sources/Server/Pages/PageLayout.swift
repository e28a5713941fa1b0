import Rendering
import Store

/// The frame of every page: the reports' style sheet, the menu of what the account may do, the language
/// switch and the logout button. No inline script or style: the Content-Security-Policy forbids both.
struct PageLayout: Sendable {
    let text: PageLanguage
    let session: AccountSession?

    /// A whole page around `body` (already escaped HTML); with `refreshSeconds` the browser reloads it that often
    /// (a meta refresh: no script).
    func page(title: String, _ body: String, refreshSeconds: Int? = nil) -> String {
        var menu = ""
        if let session {
            let role = session.account.role
            var links = [("/", text("ダッシュボード", "Dashboard"))]
            if role != .admin {
                links.append(("/reports", text("報告書", "Reports")))
                links.append(("/metrics", text("指標", "Metrics")))
                links.append(("/act", text("改善の提案", "Act list")))
            }
            if role == .hq { links.append(("/hotspots", text("事故多発地点", "Hot spots"))) }
            if role != .admin { links.append(("/upload", text("取込み", "Upload"))) }
            if role == .admin { links.append(("/audit", text("監査記録・利用者", "Audit log and accounts"))) }
            menu =
                "<nav class=\"app-menu\">"
                + links.map { "<a href=\"\($0.0)\">\(HTMLText.escape($0.1))</a>" }.joined(separator: " ")
                + " <span class=\"app-user\">\(HTMLText.escape(session.account.name))"
                + (session.account.stationID.map { " (\(HTMLText.escape($0)))" } ?? "") + "</span>"
                + "<form method=\"post\" action=\"/logout\" class=\"app-inline\">"
                + csrfField(session.csrfToken)
                + "<button type=\"submit\">\(text("ログアウト", "Log out"))</button></form></nav>"
        }
        let other = text.language == .ja ? ("en", "English") : ("ja", "日本語")
        return """
            <!DOCTYPE html>
            <html lang="\(text.language.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">\(refreshSeconds.map { "<meta http-equiv=\"refresh\" content=\"\($0)\">" } ?? "")
            <title>\(HTMLText.escape(title)) — BikePDCA</title>
            <link rel="stylesheet" href="/static/report.css"><link rel="stylesheet" href="/static/app.css">
            </head><body>
            <header class="app-bar"><strong>BikePDCA</strong> \(menu)
            <a class="app-lang" href="/lang?set=\(other.0)">\(other.1)</a></header>
            <main><h1>\(HTMLText.escape(title))</h1>
            \(body)
            </main></body></html>
            """
    }

    /// The hidden anti-forgery field of a form.
    func csrfField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTMLText.escape(token))\">"
    }

    /// A table with a header row; cells are escaped here.
    static func table(_ header: [String], _ rows: [[String]], className: String = "data") -> String {
        "<table class=\"\(className)\"><thead><tr>" + header.map { "<th>\(HTMLText.escape($0))</th>" }.joined()
            + "</tr></thead><tbody>"
            + rows.map { "<tr>" + $0.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>" }.joined()
            + "</tbody></table>"
    }

    /// The app's own few rules on top of the reports' style sheet.
    static let appStyleSheet = """
        .app-bar { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; padding: 8px 0 12px;
          border-bottom: 1px solid var(--rule, #d0d0d0); margin-bottom: 16px; }
        .app-menu { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
        .app-menu a, .app-lang { color: var(--accent, #0072B2); }
        .app-user { color: var(--muted, #555); }
        .app-inline { display: inline; margin: 0; }
        .app-lang { margin-left: auto; }
        form.app-form { display: grid; grid-template-columns: max-content minmax(12em, 28em); gap: 8px 12px;
          align-items: center; margin: 12px 0 20px; }
        form.app-form button { grid-column: 2; justify-self: start; }
        .app-error { color: #b00020; font-weight: bold; }
        .app-ok { color: #006400; font-weight: bold; }
        .app-wait, .app-rejected { font-weight: bold; }
        progress { width: 24em; max-width: 100%; }
        td.num { text-align: right; }
        form.app-query { display: flex; gap: 8px 12px; align-items: center; flex-wrap: wrap; margin: 12px 0 16px; }
        table.data { border-collapse: collapse; margin: 8px 0 20px; }
        table.data th, table.data td { border: 1px solid var(--rule, #d0d0d0); padding: 4px 8px; text-align: left;
          vertical-align: top; word-break: normal; overflow-wrap: normal; }
        nav.report-nav { font-family: sans-serif; padding: 8px 32px; border-bottom: 1px solid #d0d0d0; }
        @media print { .app-bar, nav.report-nav { display: none; } }
        """
}
