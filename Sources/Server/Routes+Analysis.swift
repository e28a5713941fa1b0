import BikePDCACore
import Foundation
import Hummingbird
import Reports
import Store
import Workflows

/// The analysis pages: the Act list (`bikepdca act`), the hot spots (`bikepdca hotspots`), the metrics table
/// (`bikepdca metrics`) and the records behind each of its figures (`metrics --explain`). Each calls the same
/// `Workflows` function as the command and shows its rows; each has its CSV download (`&format=csv`).
extension Routes {
    /// The most records the explain page shows; the CSV has them all.
    static let explainRowLimit = 500

    // MARK: Act list

    func actPage(_ request: Request) async throws -> Response {
        let (_, session) = try await requireSession(request)
        try require(session.account.role != .admin)
        let query = self.query(request)
        let (periodText, period) = try await chosenPeriod(query)
        let text = self.text(request)
        let store = server.reader
        let own = session.account.stationID
        let rows: [[String]]
        do {
            rows = try await offload {
                let recommendations = try AnalysisLoader(store: store).actAnalysis(period).recommendations
                // A station sees the items of its own station (its zones, its departments) only.
                return ResultTables.actRows(recommendations.filter { own == nil || $0.stationID == own })
            }
        } catch {
            return unavailable(error, text: text, session: session)
        }
        if query["format"] == "csv" { return csvDownload(ResultTables.csv(rows), name: "act_\(periodText).csv") }
        let header = rows.first ?? []
        let columns = ["kind", "subject", "reason"].compactMap { header.firstIndex(of: $0) }
        var body = periodForm("/act", periodText, text: text)
        body += csvLink("/act", [("period", periodText)], text: text)
        if rows.count <= 1 {
            body +=
                "<p>" + text("この期間・基準では提案はありません。", "No recommendations for this period at these thresholds.")
                + "</p>"
        } else {
            body += PageLayout.table(
                [text("種類", "Kind"), text("対象", "Subject"), text("理由", "Reason")],
                rows.dropFirst().map { row in
                    columns.map { index in index == columns.first ? Self.kindLabel(row[index], text) : row[index] }
                })
        }
        return html(
            PageLayout(text: text, session: session).page(
                title: text("改善の提案（Act）", "Act list") + " " + periodText, body))
    }

    /// The kind of an Act item in the page's language, with its name in the CSV.
    static func kindLabel(_ kind: String, _ text: PageLanguage) -> String {
        let label: String? =
            switch kind {
            case "change-tactics": text("取締り方法の見直し", "change tactics")
            case "consider-maintenance": text("維持・指定解除の検討", "consider maintenance")
            case "candidate-designation": text("新規指定候補", "candidate designation")
            case "under-plan": text("計画未達", "under plan")
            case "missing-concentrated-day": text("集中取締日なし", "missing concentrated day")
            default: nil
            }
        return label.map { "\($0) (\(kind))" } ?? kind
    }

    // MARK: hot spots

    func hotSpotsPage(_ request: Request) async throws -> Response {
        let (_, session) = try await requireSession(request)
        // The whole prefecture's accidents: headquarters only.
        try require(session.account.role == .hq)
        let query = self.query(request)
        let (periodText, period) = try await chosenPeriod(query)
        let meshText = query["mesh"] ?? "half"
        guard meshText.count <= 8, let level = ResultTables.meshLevel(meshText),
            let minimum = Self.number(query["min"], default: 3, in: 1...10_000),
            let limit = Self.number(query["limit"], default: 20, in: 1...1000)
        else { throw HTTPError(.badRequest) }
        let text = self.text(request)
        let store = server.reader
        let rows: [[String]]
        do {
            rows = try await offload {
                let ranked = try AnalysisLoader(store: store).hotSpots(period, level: level, minimumCount: minimum)
                return ResultTables.hotSpotRows(Array(ranked.prefix(limit)))
            }
        } catch {
            return unavailable(error, text: text, session: session)
        }
        let parameters = [
            ("period", periodText), ("mesh", meshText), ("min", String(minimum)), ("limit", String(limit)),
        ]
        if query["format"] == "csv" {
            return csvDownload(ResultTables.csv(rows), name: "hotspots_\(periodText).csv")
        }
        var body = """
            <form method="get" action="/hotspots" class="app-query">
            <label for="period">\(text("期間", "Period"))</label><input id="period" name="period" value="\(HTMLText.escape(periodText))" maxlength="40">
            <label for="mesh">\(text("メッシュ", "Grid"))</label><select id="mesh" name="mesh">\(Self.meshOptions(meshText, text))</select>
            <label for="min">\(text("候補とする最少件数", "Fewest accidents of a candidate"))</label><input id="min" name="min" value="\(minimum)" maxlength="5">
            <label for="limit">\(text("表示件数", "Cells listed"))</label><input id="limit" name="limit" value="\(limit)" maxlength="4">
            <button type="submit">\(text("表示", "Show"))</button></form>
            """
        body += csvLink("/hotspots", parameters, text: text)
        body += PageLayout.table(rows.first ?? [], Array(rows.dropFirst()))
        body +=
            "<p>"
            + text(
                "重点地区・路線に属さない事故、\(HTMLText.escape(period.label))。候補: Gi* ≥ 1.96 かつ \(minimum) 件以上、セルの中心がどの地区・路線の形状の外。",
                "Accidents not attributed to a zone, \(HTMLText.escape(period.label)); candidates: Gi* ≥ 1.96 and ≥ \(minimum) accidents, centre outside every zone shape."
            ) + "</p>"
        return html(
            PageLayout(text: text, session: session).page(title: text("事故多発地点", "Hot spots") + " " + periodText, body))
    }

    static func meshOptions(_ chosen: String, _ text: PageLanguage) -> String {
        let choices = [
            ("3", text("3次（約1km）", "third (about 1 km)")), ("half", text("2分の1（約500m）", "half (about 500 m)")),
            ("quarter", text("4分の1（約250m）", "quarter (about 250 m)")),
        ]
        return choices.map { value, label in
            "<option value=\"\(value)\"\(value == chosen ? " selected" : "")>\(HTMLText.escape(label))</option>"
        }.joined()
    }

    // MARK: metrics and the records behind them

    func metricsPage(_ request: Request) async throws -> Response {
        let (_, session) = try await requireSession(request)
        try require(session.account.role != .admin)
        let query = self.query(request)
        let (periodText, period) = try await chosenPeriod(query)
        let text = self.text(request)
        let store = server.reader
        // A station account reads its own station's records only, as a report on one of its zones does.
        let scope = session.account.stationID.map { StationScope(station: $0) }
        let table: (rows: [[String]], label: String, notes: [String], missing: [String])
        do {
            table = try await offload {
                let report = try AnalysisLoader.metrics(store: store, period: period, scope: scope, grouping: .all)
                return (
                    MetricsTable.rows(report), "\(report.period) (\(report.start)…\(report.end))", report.notes,
                    report.missing.map(\.description)
                )
            }
        } catch {
            return unavailable(error, text: text, session: session)
        }
        if query["format"] == "csv" {
            return csvDownload(ResultTables.csv(table.rows), name: "metrics_\(periodText).csv")
        }
        var body = periodForm("/metrics", periodText, text: text)
        body += csvLink("/metrics", [("period", periodText)], text: text)
        body +=
            "<p>"
            + text(
                "\(HTMLText.escape(table.label))。警告・青切符・赤切符・事故の件数を押すと、その元の記録が開きます。",
                "\(HTMLText.escape(table.label)). Click a count of warnings, blue or red tickets or accidents for the records behind it."
            ) + "</p>"
        body += metricsTable(table.rows, periodText: periodText)
        for note in table.notes { body += "<p>" + text("注記: ", "Note: ") + HTMLText.escape(note) + "</p>" }
        if !table.missing.isEmpty {
            body += "<h2>" + text("欠けている月（ゼロではない）", "Missing station-months (not zero)") + "</h2>"
            body += "<ul>" + table.missing.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
        }
        return html(
            PageLayout(text: text, session: session).page(title: text("指標", "Metrics") + " " + periodText, body))
    }

    /// The metrics rows (header first) as a table whose enforcement and accident counts link to their records.
    func metricsTable(_ rows: [[String]], periodText: String) -> String {
        guard let header = rows.first else { return "" }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        let station = column("station")
        let department = column("department")
        let zone = column("zone")
        var linked: [Int: (dataset: String, outcome: String?)] = [:]
        for outcome in ["warnings", "blue", "red"] {
            if let index = column(outcome) {
                linked[index] = ("enforcement", outcome == "warnings" ? "warning" : outcome)
            }
        }
        if let index = column("accidents") { linked[index] = ("accidents", nil) }
        var html =
            "<table class=\"data metrics\"><thead><tr>"
            + header.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows.dropFirst() {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                func value(_ column: Int?) -> String? {
                    guard let column, column < row.count, row[column] != "*" else { return nil }
                    return row[column]
                }
                guard let link = linked[index], !cell.isEmpty, cell != "0",
                    // Accidents have no department: only the rows of every department link to them.
                    link.dataset == "enforcement" || value(department) == nil
                else {
                    html += "<td>\(HTMLText.escape(cell))</td>"
                    continue
                }
                var parameters = [("dataset", link.dataset), ("period", periodText)]
                if let station = value(station) { parameters.append(("station", station)) }
                if let zone = value(zone) { parameters.append(("zone", zone)) }
                if link.dataset == "enforcement", let department = value(department) {
                    parameters.append(("department", department))
                }
                if let outcome = link.outcome { parameters.append(("outcome", outcome)) }
                html +=
                    "<td class=\"num\"><a href=\"\(HTMLText.escape(Self.link("/explain", parameters)))\">"
                    + "\(HTMLText.escape(cell))</a></td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// The records behind a figure (`metrics --explain`): the first ``explainRowLimit`` as a table, all as CSV.
    func explainPage(_ request: Request) async throws -> Response {
        let (_, session) = try await requireSession(request)
        try require(session.account.role != .admin)
        let query = self.query(request)
        let dataset = query["dataset"] ?? ""
        guard ["enforcement", "accidents", "activities"].contains(dataset) else { throw HTTPError(.badRequest) }
        let (periodText, period) = try await chosenPeriod(query)
        var filter = RecordFilter(start: period.start, end: period.end)
        for name in ["station", "zone"] {
            guard let value = query[name], !value.isEmpty else { continue }
            guard Self.isValidID(value) else { throw HTTPError(.badRequest) }
            if name == "station" { filter.stationID = value } else { filter.zoneID = value }
        }
        if let value = query["department"], !value.isEmpty {
            guard dataset == "enforcement", let department = Department(rawValue: value) else {
                throw HTTPError(.badRequest)
            }
            filter.department = department
        }
        if let value = query["outcome"], !value.isEmpty {
            guard dataset == "enforcement", let outcome = Outcome(rawValue: value) else { throw HTTPError(.badRequest) }
            filter.outcome = outcome
        }
        // A station sees its own station's records only.
        if let own = session.account.stationID {
            guard filter.stationID == nil || filter.stationID == own else { throw HTTPError(.forbidden) }
            filter.stationID = own
        }
        let text = self.text(request)
        let store = server.reader
        let chosen = filter
        if query["format"] == "csv" {
            let bytes: [UInt8]
            do {
                bytes = try await offload {
                    // With a byte order mark, as every CSV the app hands out (Excel on Japanese Windows).
                    var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
                    _ = try RecordListing.write(dataset, store: store, filter: chosen) { bytes += $0 }
                    return bytes
                }
            } catch {
                return unavailable(error, text: text, session: session)
            }
            return csvDownload(bytes, name: "\(dataset)_\(periodText).csv")
        }
        let listed: (header: [String], rows: [[String]], count: Int)
        do {
            listed = try await offload {
                let table = try RecordListing.table(dataset, store: store, filter: chosen, limit: Self.explainRowLimit)
                return (table.header, table.rows, table.count)
            }
        } catch {
            return unavailable(error, text: text, session: session)
        }
        var parameters = [("dataset", dataset), ("period", periodText)]
        for (name, value) in [
            ("station", chosen.stationID), ("zone", chosen.zoneID), ("department", chosen.department?.rawValue),
            ("outcome", chosen.outcome?.rawValue),
        ] {
            if let value { parameters.append((name, value)) }
        }
        let what = parameters.dropFirst().map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        var body =
            "<p>" + HTMLText.escape("\(dataset): \(what)") + "</p><p>"
            + text(
                "\(listed.count) 件" + (listed.count > listed.rows.count ? "（最初の \(listed.rows.count) 件を表示）" : ""),
                "\(listed.count) records"
                    + (listed.count > listed.rows.count ? " (the first \(listed.rows.count) shown)" : ""))
            + "</p>"
        body += csvLink("/explain", parameters, text: text, label: text("全件をCSVで保存", "Save all as CSV"))
        body += PageLayout.table(listed.header, listed.rows)
        body += "<p><a href=\"\(HTMLText.escape(Self.link("/metrics", [("period", periodText)])))\">"
        body += text("← 指標へ", "← Metrics") + "</a></p>"
        return html(
            PageLayout(text: text, session: session).page(title: text("指標の元の記録", "Records behind a figure"), body))
    }

    // MARK: shared

    /// The query's `period` (at most 40 characters, one the CLI accepts), or the fiscal year of the latest
    /// enforcement month when none is given.
    func chosenPeriod(_ query: FormFields) async throws -> (text: String, period: ReportingPeriod) {
        var periodText = query["period"] ?? ""
        if periodText.isEmpty { periodText = try await latestFiscalYear() }
        guard periodText.count <= 40, let period = try? ReportingPeriod.parse(periodText) else {
            throw HTTPError(.badRequest)
        }
        return (periodText, period)
    }

    /// `FY` and the fiscal year of the latest month with enforcement records (`FY2025` when there is none).
    func latestFiscalYear() async throws -> String {
        let store = server.reader
        let latest = try await offload {
            try store.status(today: Self.today()).coverage.first { $0.dataset == .enforcement }?.months?.upperBound
        }
        return latest.map { "FY\($0.month >= 4 ? $0.year : $0.year - 1)" } ?? "FY2025"
    }

    func periodForm(_ action: String, _ periodText: String, text: PageLanguage) -> String {
        """
        <form method="get" action="\(action)" class="app-query">
        <label for="period">\(text("期間", "Period"))</label><input id="period" name="period" value="\(HTMLText.escape(periodText))" maxlength="40">
        <button type="submit">\(text("表示", "Show"))</button>
        <span>\(text("例: FY2025、令和7年度、2025-04..2025-09", "e.g. FY2025, 令和7年度, 2025-04..2025-09"))</span></form>
        """
    }

    func csvLink(_ path: String, _ parameters: [(String, String)], text: PageLanguage, label: String? = nil) -> String {
        let href = Self.link(path, parameters + [("format", "csv")])
        return
            "<p><a href=\"\(HTMLText.escape(href))\">\(HTMLText.escape(label ?? text("CSVで保存", "Save as CSV")))</a></p>"
    }

    /// `path?name=value&…` with every value percent-encoded (escape it again for an attribute).
    static func link(_ path: String, _ parameters: [(String, String)]) -> String {
        path + "?" + parameters.map { "\($0.0)=\(HTMLText.urlComponent($0.1))" }.joined(separator: "&")
    }

    /// A whole number from a query value in `range`, `fallback` when absent, `nil` when not valid.
    static func number(_ value: String?, default fallback: Int, in range: ClosedRange<Int>) -> Int? {
        guard let value, !value.isEmpty else { return fallback }
        guard value.count <= 6, let number = Int(value), range.contains(number) else { return nil }
        return number
    }

    /// The page saying why there is nothing to show (a workflow's one line, without paths).
    func unavailable(_ error: any Error, text: PageLanguage, session: AccountSession) -> Response {
        html(
            PageLayout(text: text, session: session).page(
                title: text("表示できません", "Nothing to show"),
                "<p class=\"app-error\">\(HTMLText.escape(ReportService.message(error)))</p>"),
            status: .unprocessableContent)
    }
}
