import HTTPTypes
import HummingbirdTesting
import Server
import Testing

/// Where the app listens decides what it warns about and how it marks its cookies.
@Suite struct ServerSettingsTests {
    @Test(arguments: [
        ("127.0.0.1", false, false), ("localhost", false, false), ("::1", false, false),
        ("0.0.0.0", false, true), ("192.0.2.10", false, true), ("0.0.0.0", true, false),
    ])
    func anotherAddressWithoutTLSIsWarnedAbout(host: String, behindProxy: Bool, warns: Bool) {
        var settings = ServerSettings()
        settings.host = host
        settings.behindTLSProxy = behindProxy
        #expect((settings.exposureWarning != nil) == warns)
    }

    @Test func cookiesAreSecureBehindTLS() async throws {
        let fixture = try ServerFixture()
        var settings = fixture.settings
        settings.behindTLSProxy = true
        try await BikePDCAServer(store: fixture.store, settings: settings).makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/login", method: .get)
            let cookie = try #require(response.headers[values: .setCookie].first)
            #expect(cookie.contains("; Secure"))
            #expect(response.headers[.strictTransportSecurity] != nil)
        }
    }
}
