import Foundation
import HummingbirdTesting
import Server
import Store
import Testing

/// The app's routes in-process: logins, sessions, the anti-forgery token, each role's boundary, uploads.
@Suite struct RouteTests {
    @Test func pagesNeedALogin() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            for path in ["/", "/reports", "/upload", "/audit", "/reports/zone?id=58101-D01&period=FY2025"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.headers[.location] == "/login", "\(path)")
            }
        }
    }

    @Test func loginSetsAStrictHttpOnlyCookieAndIsAudited() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            let response = try await browser.logIn(client, "hq1")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("bikepdca_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Max-Age=28800"))
            #expect(!cookie.contains("Secure"), "plain HTTP on loopback: a Secure cookie would never come back")
            let (page, body) = try await browser.get(client, "/")
            #expect(page.status == .ok)
            #expect(body.contains("hq1"))
        }
        let log = try fixture.store.auditLog()
        #expect(log.first?.action == "login")
        #expect(log.first?.accountName == "hq1")
    }

    @Test func wrongPasswordsLockTheAccount() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            for attempt in 1...4 {
                let response = try await browser.logIn(client, "st101", "wrong password \(attempt)")
                #expect(response.status == .unauthorized)
            }
            // The fifth failure in a row locks the account (ServerSettings.maxFailedLogins = 5) ...
            let response1 = try await browser.logIn(client, "st101", "wrong password 5")
            #expect(response1.status == .tooManyRequests)
            // ... so that even the right password is refused until the lock-out ends (15 minutes).
            let response2 = try await browser.logIn(client, "st101")
            #expect(response2.status == .tooManyRequests)
            fixture.clock.advance(15 * 60 + 1)
            let response3 = try await browser.logIn(client, "st101")
            #expect(response3.status == .seeOther)
        }
        let actions = try fixture.store.auditLog().map(\.action)
        #expect(actions.filter { $0 == "login-failed" }.count == 4)
        #expect(actions.contains("locked"))
        #expect(actions.contains("login-locked"))
    }

    @Test func unknownAndDisabledAccountsAreRefusedAlike() async throws {
        let fixture = try ServerFixture()
        var administration = AccountAdministration(store: fixture.store)
        administration.bcryptCost = 4
        try administration.disable(name: "st102")
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            let response4 = try await browser.logIn(client, "nobody")
            #expect(response4.status == .unauthorized)
            let response5 = try await browser.logIn(client, "st102")
            #expect(response5.status == .unauthorized)
        }
    }

    @Test func sessionsExpire() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "hq1")
            fixture.clock.advance(8 * 3600 - 1)
            let response6 = try await browser.get(client, "/").0
            #expect(response6.status == .ok)
            fixture.clock.advance(1)
            let (expired, _) = try await browser.get(client, "/")
            #expect(expired.status == .seeOther)
            #expect(expired.headers[.location] == "/login")
        }
    }

    @Test func everyPostNeedsTheToken() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            // The login form's token must match its cookie.
            _ = try await browser.get(client, "/login")
            let (forged, _) = try await browser.post(
                client, "/login",
                [("csrf", String(repeating: "a", count: 64)), ("name", "hq1"), ("password", ServerFixture.password)])
            #expect(forged.status == .forbidden)
            _ = try await browser.logIn(client, "st101")
            let token = try await browser.uploadFormToken(client)
            // Logout and upload without the token, or with another one, are refused.
            let response7 = try await browser.post(client, "/logout", []).0
            #expect(response7.status == .forbidden)
            let response8 = try await browser.post(client, "/logout", [("csrf", String(repeating: "0", count: 64))]).0
            #expect(response8.status == .forbidden)
            let file = Array("record_id\n".utf8)
            let (upload, _) = try await browser.upload(
                client, fields: [("dataset", "enforcement"), ("mode", "check")], fileName: "a.csv", file: file)
            #expect(upload.status == .forbidden)
            // With it, logout works and the session is gone.
            let response9 = try await browser.post(client, "/logout", [("csrf", token)]).0
            #expect(response9.status == .seeOther)
            let response10 = try await browser.get(client, "/").0
            #expect(response10.status == .seeOther)
        }
        #expect(try fixture.store.importLog().count == fixture.fixtureImports)
    }

    @Test func adminManagesAccountsButSeesNoData() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "admin1")
            let (audit, body) = try await browser.get(client, "/audit")
            #expect(audit.status == .ok)
            #expect(body.contains("st101"))
            for path in ["/reports", "/upload", "/reports/prefecture?period=2025-04"] {
                let response11 = try await browser.get(client, path)
                #expect(response11.0.status == .forbidden, "\(path)")
            }
        }
    }

    @Test func headquartersSeesEveryReportButNotTheAuditLog() async throws {
        let fixture = try ServerFixture(enforcementMonths: ["2025-04"])
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "hq1")
            let response12 = try await browser.get(client, "/audit").0
            #expect(response12.status == .forbidden)
            let (prefecture, _) = try await browser.get(client, "/reports/prefecture?period=2025-04")
            #expect(prefecture.status == .ok)
            let (other, body) = try await browser.get(client, "/reports/zone?id=58102-D01&period=2025-04")
            #expect(other.status == .ok)
            #expect(body.contains("58102-D01"))
            let (forms, formsBody) = try await browser.get(client, "/upload")
            #expect(forms.status == .ok)
            #expect(formsBody.contains("value=\"stations\""))
        }
    }

    @Test func aStationSeesItsOwnReportsOnly() async throws {
        let fixture = try ServerFixture(enforcementMonths: ["2025-04"])
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "st101")
            let (own, body) = try await browser.get(client, "/reports/zone?id=58101-D01&period=2025-04")
            #expect(own.status == .ok)
            #expect(body.contains("58101-D01"))
            let policy = try #require(own.headers[.contentSecurityPolicy])
            #expect(policy.contains("'sha256-"))
            #expect(!policy.contains("unsafe-inline"))
            let response13 = try await browser.get(client, "/reports/station?id=58101&period=2025-04").0
            #expect(response13.status == .ok)
            for path in [
                "/reports/zone?id=58102-D01&period=2025-04", "/reports/station?id=58102&period=2025-04",
                "/reports/prefecture?period=2025-04", "/reports/compare?id=58102-D01&window=12", "/audit",
            ] {
                let response14 = try await browser.get(client, path)
                #expect(response14.0.status == .forbidden, "\(path)")
            }
            // The forms list its own zones only.
            let (_, forms) = try await browser.get(client, "/reports")
            #expect(forms.contains("58101-D01"))
            #expect(!forms.contains("58102-D01"))
            // Only enforcement and activities may be uploaded.
            let (_, upload) = try await browser.get(client, "/upload")
            #expect(upload.contains("value=\"enforcement\""))
            #expect(!upload.contains("value=\"stations\""))
        }
    }

    @Test func requestValuesAreValidated() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.logIn(client, "hq1")
            for path in [
                "/reports/zone?id=../../etc/passwd&period=FY2025", "/reports/zone?id=58101-D01&period=%3Cscript%3E",
                "/reports/compare?id=58101-D01&window=0",
            ] {
                let response15 = try await browser.get(client, path)
                #expect(response15.0.status == .badRequest, "\(path)")
            }
            let response16 = try await browser.get(client, "/reports/other?id=1").0
            #expect(response16.status == .notFound)
            let (missing, body) = try await browser.get(client, "/no/such/page")
            #expect(missing.status == .notFound)
            #expect(!body.contains("/work"), "error pages name no server path")
        }
    }

    @Test func appPagesForbidInlineScriptsAndStyles() async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(uri: "/login", method: .get)
            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'none'"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(!response.text.contains("<script"))
            #expect(!response.text.contains("style="))
        }
    }
}
