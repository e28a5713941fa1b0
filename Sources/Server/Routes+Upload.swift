import BikePDCACore
import Foundation
import HTTPTypes
import Hummingbird
import Importers
import Store
import Workflows

/// Uploads (取込み): the form, the upload itself (queued as a job, one import at a time), the job's page with its
/// progress and then its result, and the rejects CSV of "import the valid rows".
extension Routes {
    /// What an upload does with the file.
    enum UploadMode: String, CaseIterable {
        /// Check every row, write nothing (`--dry-run`).
        case check
        /// All or nothing: any error and nothing is written.
        case importAll = "import"
        /// Import the valid rows, set the others aside in a rejects CSV (`--skip-invalid`).
        case importValid = "import-valid"
    }

    /// The datasets a role may upload.
    static func uploadable(by role: AccountRole) -> [DatasetKind] {
        switch role {
        case .admin: []
        case .station: [.enforcement, .activities]
        case .hq: [.stations, .zones, .enforcement, .accidents, .activities, .plans]
        }
    }

    var mappingProfiles: MappingProfiles { MappingProfiles(folder: settings.mappingFolder) }

    func uploadPage(_ request: Request) async throws -> Response {
        let (_, session) = try await requireSession(request)
        let datasets = Self.uploadable(by: session.account.role)
        try require(!datasets.isEmpty)
        let text = self.text(request)
        let layout = PageLayout(text: text, session: session)
        let options = datasets.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined()
        let profiles = mappingProfiles.names()
        var mappingField = ""
        if !profiles.isEmpty {
            let choices = profiles.map { "<option value=\"\(HTMLText.escape($0))\">\(HTMLText.escape($0))</option>" }
            mappingField = """
                <label for="mapping">\(text("列の対応（マッピング）", "Mapping profile"))</label><select id="mapping" name="mapping"><option value="">\(text("なし（標準の列）", "none (the standard columns)"))</option>\(choices.joined())</select>
                """
        }
        let body = """
            <p>\(text("まず「確認のみ」でエラーを確かめてください（何も書き込みません）。「取り込む」はファイル単位で全部か無しかです。「有効な行だけ取り込む」はエラーの行を除外行CSVに分けて残りを取り込みます。取込みは一件ずつ順番に行います。",
                "Check first: every error is listed and nothing is written. \"Import\" is all or nothing per file; \"Import the valid rows\" sets the rows with errors aside in a rejects CSV and imports the others. Imports run one at a time."))</p>
            <form method="post" action="/upload" enctype="multipart/form-data" class="app-form">
            \(layout.csrfField(session.csrfToken))
            <label for="dataset">\(text("データ", "Dataset"))</label><select id="dataset" name="dataset">\(options)</select>
            <label for="file">\(text("CSVファイル（UTF-8 または Shift_JIS）", "CSV file (UTF-8 or Shift_JIS)"))</label><input id="file" name="file" type="file" required>
            \(mappingField)
            <label for="mode">\(text("処理", "Action"))</label><select id="mode" name="mode"><option value="check">\(text("確認のみ（書き込まない）", "Check only (write nothing)"))</option><option value="import">\(text("取り込む（全部か無しか）", "Import (all or nothing)"))</option><option value="import-valid">\(text("有効な行だけ取り込む", "Import the valid rows"))</option></select>
            <button type="submit">\(text("送信", "Send"))</button>
            </form>
            <p>\(text("上限", "Limit")) \(settings.maxUploadBytes >> 20) MiB</p>
            """
        return html(layout.page(title: text("取込み", "Upload"), body))
    }

    /// Checks the form, queues the import as a job and sends the browser to the job's page (303). A file that is
    /// done within a second lands on its result at once; a longer one shows its progress there.
    func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (token, session) = try await requireSession(request)
        let datasets = Self.uploadable(by: session.account.role)
        try require(!datasets.isEmpty)
        // A full queue is refused before the file is read into memory.
        if server.jobs.unfinished >= settings.maxQueuedUploads { return busy(request) }
        var request = request
        let buffer = try await request.collectBody(upTo: settings.maxUploadBytes + (64 << 10))
        let bytes = buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? []
        let form: MultipartForm
        do { form = try MultipartForm(contentType: request.headers[.contentType] ?? "", body: bytes) } catch {
            throw HTTPError(.badRequest)
        }
        try checkToken(form.fields["csrf"], session)
        guard let dataset = DatasetKind(rawValue: form.fields["dataset"] ?? "") else { throw HTTPError(.badRequest) }
        try require(datasets.contains(dataset))
        guard let mode = UploadMode(rawValue: form.fields["mode"] ?? "") else { throw HTTPError(.badRequest) }
        var mappingPath: String?
        if let name = form.fields["mapping"], !name.isEmpty {
            guard let path = mappingProfiles.path(of: name) else { throw HTTPError(.badRequest) }
            mappingPath = path
        }
        guard let file = form.file, file.bytes.count <= settings.maxUploadBytes else { throw HTTPError(.badRequest) }
        let fileName = Self.safeFileName(file.fileName)
        guard
            let id = server.jobs.add(
                accountID: session.account.id, sessionDigest: SessionAuthority.digest(token), fileName: fileName,
                dryRun: mode == .check, limit: settings.maxQueuedUploads)
        else { return busy(request) }
        var options = ImportOptions(dataset: dataset)
        options.dryRun = mode == .check
        options.skipInvalid = mode == .importValid
        options.mappingPath = mappingPath
        options.onlyStation = session.account.stationID
        options.diagnosticLimit = 500
        let job = ImportJob(
            id: id, fileName: fileName, bytes: file.bytes, options: options, account: session.account,
            address: context.clientAddress)
        let routes = self
        Task { await routes.run(job) }
        // A small file is done before the browser would first look again: wait for it a little.
        var waited = 0
        while waited < 50, !Self.hasEnded(server.jobs.job(id, accountID: session.account.id)?.state) {
            try await Task.sleep(for: .milliseconds(20))
            waited += 1
        }
        throw Redirect(location: "/imports/\(id)")
    }

    /// 503 with `Retry-After`: the queue holds ``ServerSettings/maxQueuedUploads`` uploads; nothing was read or
    /// written.
    private func busy(_ request: Request) -> Response {
        let text = self.text(request)
        var response = html(
            PageLayout(text: text, session: nil).page(
                title: text("取込みが混んでいます", "Imports are busy"),
                "<p class=\"app-error\">"
                    + text(
                        "順番待ちの取込みが上限に達しています。このファイルは受け付けていません。しばらくしてからもう一度送ってください。",
                        "Too many uploads are waiting. This file was not accepted: send it again in a little while.")
                    + "</p><p><a href=\"/upload\">" + text("取込みへ戻る", "Back to upload") + "</a></p>"),
            status: .serviceUnavailable)
        response.headers[.retryAfter] = "30"
        return response
    }

    /// One queued upload: what `run(_:)` needs.
    struct ImportJob: Sendable {
        let id: String
        let fileName: String
        let bytes: [UInt8]
        let options: ImportOptions
        let account: Account
        let address: String
    }

    /// Runs `job` after the imports before it, as `bikepdca import` would, and records its end in the job list.
    func run(_ job: ImportJob) async {
        let jobs = server.jobs
        let store = self.store
        let authority = self.authority
        let gate = settings.importGate
        let folder = (settings.workFolder as NSString).appendingPathComponent("bikepdca-upload-\(UUID().uuidString)")
        let summary = "\(job.options.dataset.rawValue) \(job.fileName)"
        do {
            let (result, rejects) = try await server.imports.run {
                () throws -> (FileImportResult, [UInt8]?) in
                jobs.update(job.id, .running(done: 0, total: job.bytes.count))
                gate?()
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                defer { try? FileManager.default.removeItem(atPath: folder) }
                let path = (folder as NSString).appendingPathComponent(job.fileName)
                guard
                    FileManager.default.createFile(
                        atPath: path, contents: Data(job.bytes), attributes: [.posixPermissions: 0o600])
                else { throw HTTPError(.internalServerError) }
                var options = job.options
                options.rejectsDirectory = folder
                let result = try ImportPipeline(store: store).importFile(path: path, options: options) { done, total in
                    jobs.update(job.id, .running(done: done, total: total))
                }
                // The rejects CSV is read before the folder goes: it is kept with the job, in memory.
                let rejects = result.rejectsFile.flatMap { FileManager.default.contents(atPath: $0) }.map { Array($0) }
                let counts = "\(summary): \(result.accepted) accepted, \(result.rejected) rejected"
                switch result.status {
                case .imported(let entry):
                    // The same step as after `bikepdca import`: place the new records in their zones by position
                    // when an import (this one or an interrupted earlier one) left the assignment due.
                    if try store.pendingZoneAssignment() != nil { _ = try store.assignZones() }
                    try authority.audit(job.account.name, job.address, "import", counts, importID: entry.id)
                case .alreadyImported: try authority.audit(job.account.name, job.address, "import-unchanged", counts)
                case .checked: try authority.audit(job.account.name, job.address, "dry-run", counts)
                case .failed: try authority.audit(job.account.name, job.address, "import-failed", counts)
                }
                return (result, rejects)
            }
            jobs.update(job.id, .finished(result, rejects: rejects))
        } catch {
            try? authority.audit(job.account.name, job.address, "import-failed", "\(summary): not completed")
            jobs.update(job.id, .failed)
        }
    }

    static func hasEnded(_ state: ImportJobs.State?) -> Bool {
        switch state {
        case .finished, .failed, nil: true
        case .waiting, .running: false
        }
    }

    /// A job id as ``ImportJobs`` makes them: 32 hex digits.
    static func isJobID(_ id: String) -> Bool {
        id.utf8.count == 32 && id.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// The job's page: waiting or running (it reloads itself every second: a meta refresh, no script), then the
    /// result. Another account's job, or one that has expired, is not found.
    func importJobPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (token, session) = try await requireSession(request)
        let id = context.parameters.get("id") ?? ""
        guard Self.isJobID(id), let job = server.jobs.job(id, accountID: session.account.id) else {
            throw HTTPError(.notFound)
        }
        let text = self.text(request)
        let layout = PageLayout(text: text, session: session)
        let name = HTMLText.escape(job.fileName)
        let title = job.dryRun ? text("確認中", "Checking") : text("取込み中", "Importing")
        let again =
            "<p>" + text("このページは1秒ごとに更新されます。", "This page reloads itself every second.")
            + " <a href=\"/imports/\(id)\">\(text("今すぐ更新", "Reload now"))</a></p>"
        switch job.state {
        case .waiting:
            let ahead = server.jobs.waitingAhead(of: id)
            let body =
                "<p class=\"app-wait\">"
                + text("\(name): 順番待ちです（先に \(ahead) 件）。", "\(name): waiting (\(ahead) ahead).")
                + "</p><progress max=\"100\"></progress>" + again
            return html(layout.page(title: title, body, refreshSeconds: 1))
        case .running(let done, let total):
            let percent = total > 0 ? min(100, done * 100 / total) : 0
            let body =
                "<p class=\"app-wait\">"
                + text("\(name): 処理中 \(percent)%", "\(name): \(percent)% read")
                + "</p><progress max=\"100\" value=\"\(percent)\">\(percent)%</progress>" + again
            return html(layout.page(title: title, body, refreshSeconds: 1))
        case .failed:
            let body =
                "<p class=\"app-error\">"
                + text(
                    "\(name): サーバーで問題が起きたため、処理を終えられませんでした。",
                    "\(name): the server could not finish this file.")
                + "</p><p><a href=\"/upload\">\(text("別のファイル", "Another file"))</a></p>"
            return html(layout.page(title: text("取込み結果", "Import result"), body))
        case .finished(let result, let rejects):
            let link =
                rejects != nil && SessionAuthority.matches(SessionAuthority.digest(token), job.sessionDigest)
                ? "/imports/\(id)/rejects.csv" : nil
            return html(uploadResult(result, dryRun: job.dryRun, rejectsLink: link, text: text, session: session))
        }
    }

    /// The rejects CSV of a finished "import the valid rows", for the session that sent the file only.
    func importRejects(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (token, _) = try await requireSession(request)
        let id = context.parameters.get("id") ?? ""
        guard Self.isJobID(id), let rejects = server.jobs.rejects(id, sessionDigest: SessionAuthority.digest(token))
        else { throw HTTPError(.notFound) }
        return csvDownload(rejects.bytes, name: rejects.fileName)
    }

    func uploadResult(
        _ result: FileImportResult, dryRun: Bool, rejectsLink: String?, text: PageLanguage, session: AccountSession
    ) -> String {
        var body = ""
        let name = HTMLText.escape(result.file)
        switch result.status {
        case .imported(let entry):
            body +=
                "<p class=\"app-ok\">"
                + text(
                    "\(name): \(entry.rowsAccepted) 行を取り込みました。", "\(name): imported \(entry.rowsAccepted) rows.")
                + "</p>"
            if entry.rowsRejected > 0 {
                body +=
                    "<p class=\"app-rejected\">"
                    + text(
                        "エラーのある \(entry.rowsRejected) 行は取り込まず、除外行CSVに分けました。",
                        "\(entry.rowsRejected) rows with errors were not imported: they are in the rejects CSV.")
                    + (rejectsLink.map {
                        " <a href=\"\($0)\">" + text("除外行CSVをダウンロード", "Download the rejects CSV") + "</a>"
                    } ?? "") + "</p>"
            }
        case .alreadyImported(let entry):
            body +=
                "<p class=\"app-ok\">"
                + text(
                    "\(name): 同じ内容のファイルを \(HTMLText.escape(entry.importedAt)) に取込み済みです。変更はありません。",
                    "\(name): the same file was imported on \(HTMLText.escape(entry.importedAt)); nothing changed.")
                + "</p>"
        case .checked:
            let cls = result.rejected > 0 ? "app-error" : "app-ok"
            body +=
                "<p class=\"\(cls)\">"
                + text(
                    "\(name): 確認のみ。有効 \(result.accepted) 行、エラー \(result.rejected) 行。何も書き込んでいません。",
                    "\(name): checked only: \(result.accepted) rows valid, \(result.rejected) with errors. Nothing was written."
                )
                + "</p>"
        case .failed where dryRun:
            // A check that stopped at an error of the whole file (its header, its encoding).
            body +=
                "<p class=\"app-error\">"
                + text(
                    "\(name): 確認のみ。このファイルは取り込めません（エラー \(result.errorCount) 件）。何も書き込んでいません。",
                    "\(name): checked only: this file cannot be imported (\(result.errorCount) errors). Nothing was written."
                )
                + "</p>"
        case .failed:
            body +=
                "<p class=\"app-error\">"
                + text(
                    "\(name): 取り込みませんでした（エラー \(result.errorCount) 件）。このファイルからは何も書き込んでいません。",
                    "\(name): not imported (\(result.errorCount) errors). Nothing from this file was written.") + "</p>"
        }
        if !result.diagnostics.isEmpty {
            body += PageLayout.table(
                [text("位置（行:列）", "Where (line:column)"), text("種類", "Kind"), text("内容", "Reason")],
                result.diagnostics.map { diagnostic in
                    let place = [diagnostic.line.map(String.init), diagnostic.column.map(String.init)]
                        .compactMap { $0 }.joined(separator: ":")
                    let kind =
                        diagnostic.severity == .error ? text("エラー", "error") : text("警告", "warning")
                    return [place, kind, diagnostic.message]
                }, className: "data diagnostics")
            if result.errorCount > result.diagnostics.count {
                body +=
                    "<p>"
                    + text(
                        "ほか \(result.errorCount - result.diagnostics.count) 件",
                        "and \(result.errorCount - result.diagnostics.count) more") + "</p>"
            }
        }
        body +=
            "<p><a href=\"/upload\">\(text("別のファイル", "Another file"))</a> · <a href=\"/\">\(text("ダッシュボード", "Dashboard"))</a></p>"
        return PageLayout(text: text, session: session).page(
            title: dryRun ? text("確認結果", "Check result") : text("取込み結果", "Import result"), body)
    }

    /// The browser's file name, kept for the import log, made harmless as a file name in a private folder.
    static func safeFileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        let trimmed = String(cleaned.prefix(100)).trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix(".") { return "upload.csv" }
        return trimmed
    }
}
