import AutotaskSandbox
import Foundation
import Testing

@Suite("Zone discovery and authentication")
struct ZoneAndAuthTests {
    @Test("version information answers without credentials")
    func versionInformation() async throws {
        try await SandboxHarness.with { harness throws in
            let answer = try await harness.get("/atservicesrest/versioninformation", auth: false)
            #expect(answer.status == 200)
            #expect(answer.object?["apiVersions"] as? [String] == ["1.0"])
        }
    }

    @Test("zone information points back at the sandbox for the known user, in any path case")
    func zoneInformation() async throws {
        try await SandboxHarness.with { harness throws in
            let answer = try await harness.get(
                "/ATServicesRest/V1.0/ZoneInformation?user=API%40Sandbox.Example", auth: false)
            #expect(answer.status == 200)
            let zone = try #require(answer.object)
            #expect(zone["zoneName"] as? String == "Sandbox")
            #expect(zone["url"] as? String == harness.sandbox.zoneURL.absoluteString)
            #expect((zone["url"] as? String)?.hasSuffix("/atservicesrest/") == true)
            #expect(zone["webUrl"] as? String == harness.sandbox.baseURL.absoluteString + "/")
            #expect(int(zone["ci"]) == 0)
        }
    }

    @Test("zone information answers 500 with errors for an unknown or blank user")
    func zoneInformationUnknownUser() async throws {
        try await SandboxHarness.with { harness throws in
            for user in ["someone%40else.example", "", "%20"] {
                let answer = try await harness.get("/atservicesrest/v1.0/zoneInformation?user=\(user)", auth: false)
                #expect(answer.status == 500)
                #expect(answer.error != nil)
            }
        }
    }

    @Test("a bad secret answers 401 and never echoes a secret")
    func badSecret() async throws {
        try await SandboxHarness.with { harness throws in
            let answer = try await harness.get(
                "/atservicesrest/V1.0/Companies/0", auth: false,
                headers: harness.authHeaders(["Secret": "wrong-secret"]))
            #expect(answer.status == 401)
            #expect(answer.error != nil)
            #expect(!answer.body.contains("wrong-secret"))
            #expect(!answer.body.contains(harness.sandbox.credentials.secret))
            let missing = try await harness.get(
                "/atservicesrest/V1.0/Companies/0", auth: false, headers: harness.authHeaders(["Secret": nil]))
            #expect(missing.status == 401)
        }
    }

    @Test("an unknown user and a bad integration code answer 500 with errors")
    func unknownUserAndBadCode() async throws {
        try await SandboxHarness.with { harness throws in
            let user = try await harness.get(
                "/atservicesrest/V1.0/Companies/0", auth: false,
                headers: harness.authHeaders(["UserName": "x@y.example"]))
            #expect(user.status == 500)
            #expect(user.error != nil)
            let code = try await harness.get(
                "/atservicesrest/V1.0/Companies/0", auth: false,
                headers: harness.authHeaders(["ApiIntegrationCode": "BAD"]))
            #expect(code.status == 500)
            #expect(code.error != nil)
            #expect(!code.body.contains(harness.sandbox.credentials.secret))
        }
    }

    @Test("header names are matched case-insensitively")
    func headerCase() async throws {
        try await SandboxHarness.with { harness throws in
            let credentials = harness.sandbox.credentials
            let answer = try await harness.get(
                "/atservicesrest/v1.0/companies/0", auth: false,
                headers: [
                    ("apiintegrationcode", credentials.integrationCode), ("USERNAME", credentials.userName),
                    ("secret", credentials.secret),
                ])
            #expect(answer.status == 200)
            let item = try #require(answer.object?["item"] as? [String: Any])
            #expect(int(item["id"]) == 0)
        }
    }

    @Test("an unsupported verb answers 405 with a Message and an unknown route 404")
    func verbsAndRoutes() async throws {
        try await SandboxHarness.with { harness throws in
            let root = try await harness.get("/atservicesrest/V1.0/Contracts")
            #expect(root.status == 405)
            #expect(root.object?["Message"] as? String == "The requested resource does not support http method 'GET'.")
            let delete = try await harness.send(.DELETE, "/atservicesrest/V1.0/Contracts/1001")
            #expect(delete.status == 405)
            let unknown = try await harness.get("/atservicesrest/V1.0/Tickets/query?search=%7B%7D")
            #expect(unknown.status == 404)
            let outside = try await harness.get("/elsewhere")
            #expect(outside.status == 404)
        }
    }
}
