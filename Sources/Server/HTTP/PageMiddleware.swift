import HTTPTypes
import Hummingbird

/// Security headers on every response, and every error turned into a plain page that names no path, SQL or
/// stack: Content-Security-Policy without `unsafe-inline`, no framing, no sniffing, no referrer, no caching.
struct PageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Whether the site is reached over HTTPS (adds Strict-Transport-Security).
    let secure: Bool

    /// The app pages' policy: their own style sheets and forms, nothing else.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
        + "base-uri 'none'"

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let redirect as Redirect {
            response = redirect.response
        } catch let error as any HTTPResponseError {
            response = Self.errorPage(error.status)
        } catch {
            context.logger.error("request failed: \(String(describing: error))")
            response = Self.errorPage(.internalServerError)
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.cacheControl] = response.headers[.cacheControl] ?? "no-store"
        if let name = HTTPField.Name("Referrer-Policy") { response.headers[name] = "no-referrer" }
        if let name = HTTPField.Name("X-Frame-Options") { response.headers[name] = "DENY" }
        if secure { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }

    /// A page for an HTTP status, in both languages, with nothing from the request or the server in it.
    static func errorPage(_ status: HTTPResponse.Status) -> Response {
        let (ja, en): (String, String) =
            switch status.code {
            case 400: ("要求が正しくありません。", "The request is not valid.")
            case 403: ("この操作・報告書は許可されていません。", "You are not allowed to do or see this.")
            case 404: ("見つかりません。", "Not found.")
            case 413: ("ファイルが大きすぎます。", "The file is too large.")
            default: ("サーバーで問題が起きました。", "Something went wrong on the server.")
            }
        let html = """
            <!DOCTYPE html>
            <html lang="ja"><head><meta charset="utf-8"><title>\(status.code)</title>
            <link rel="stylesheet" href="/static/report.css"></head>
            <body><h1>\(status.code)</h1><p>\(ja)</p><p lang="en">\(en)</p><p><a href="/">BikePDCA</a></p></body></html>
            """
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// A redirect thrown from deep in a handler (to the login page, after a POST).
struct Redirect: Error {
    let location: String
    var cookies: [String] = []

    var response: Response {
        var headers: HTTPFields = [.location: location]
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }
}
