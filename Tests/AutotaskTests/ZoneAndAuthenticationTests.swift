import Autotask
import AutotaskSandbox
import Foundation
import Testing

@Suite("Zone discovery and authentication against the sandbox")
struct ZoneAndAuthenticationTests {
    @Test("zone discovery finds the zone once, caches it, and the client queries there")
    func discovery() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let zone = try await client.zoneURL()
                #expect(zone == sandbox.zoneURL)
                let first = try await client.query(Contract.self, Query(.eq("companyID", 101)))
                let second = try await client.count(Contract.self)
                #expect(first.items.map(\.id) == [1001, 1002])
                #expect(second == 11)
            }
            let log = sandbox.requestLog()
            #expect(log.count("ZoneInformation", .zone) == 1)
        }
    }

    @Test("a discovery URL without its trailing slash is normalised")
    func discoveryWithoutSlash() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let trimmed = URL(string: String(sandbox.discoveryURL.absoluteString.dropLast()))!
            try await SandboxHarness.withClient(sandbox, configure: { $0.zone = .discovery(trimmed) }) { client in
                let contract = try await client.get(Contract.self, id: 1001)
                #expect(contract?.contractName == "Acme Managed IT Services")
            }
        }
    }

    @Test("a zone URL given directly skips discovery, with or without a version segment")
    func directZone() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await SandboxHarness.withClient(sandbox, direct: true) { client in
                let count = try await client.count(Contract.self)
                #expect(count == 11)
            }
            let versioned = sandbox.zoneURL.appendingPathComponent("V1.0")
            try await SandboxHarness.withClient(sandbox, configure: { $0.zone = .direct(versioned) }) { client in
                let count = try await client.count(Company.self)
                #expect(count == 7)
            }
            #expect(sandbox.requestLog().count("ZoneInformation", .zone) == 0)
        }
    }

    @Test("a wrong secret fails with authenticationFailed after one fresh zone lookup")
    func wrongSecret() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let wrong = "Wrong-Secret-Value-77"
            let error = try await SandboxHarness.withClient(
                sandbox,
                credentials: SandboxHarness.credentials(secret: wrong)
            ) { client in
                await SandboxHarness.error { _ = try await client.query(Contract.self) }
            }
            let failure = try #require(error)
            #expect(failure.code == .authenticationFailed)
            #expect(failure.httpStatus == 401)
            #expect(failure.message.contains(SandboxHarness.userName))
            for text in SandboxHarness.texts(of: failure) {
                #expect(!text.contains(wrong))
                #expect(!text.contains(SandboxHarness.secret))
            }
            let log = sandbox.requestLog()
            #expect(log.count("ZoneInformation", .zone) == 2)
            #expect(log.count("Contracts", .query) == 2)
        }
    }

    @Test("a wrong secret with a direct zone fails at once")
    func wrongSecretDirect() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let error = try await SandboxHarness.withClient(
                sandbox,
                credentials: SandboxHarness.credentials(secret: "nope"),
                direct: true
            ) { client in
                await SandboxHarness.error { _ = try await client.count(Contract.self) }
            }
            #expect(error?.code == .authenticationFailed)
            #expect(sandbox.requestLog().count("Contracts", .count) == 1)
        }
    }

    @Test("an unknown user fails with unknownUserOrIntegrationCode, at discovery and at a direct zone")
    func unknownUser() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let stranger = SandboxHarness.credentials(userName: "nobody@example.com")
            for direct in [false, true] {
                let error = try await SandboxHarness.withClient(sandbox, credentials: stranger, direct: direct) {
                    client in
                    await SandboxHarness.error { _ = try await client.query(Contract.self) }
                }
                let failure = try #require(error)
                #expect(failure.code == .unknownUserOrIntegrationCode)
                #expect(failure.httpStatus == 500)
                #expect(failure.message.contains("nobody@example.com"))
                #expect(SandboxHarness.texts(of: failure).allSatisfy { !$0.contains(SandboxHarness.secret) })
            }
        }
    }

    @Test("a wrong integration code fails with unknownUserOrIntegrationCode, without retries")
    func wrongIntegrationCode() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let error = try await SandboxHarness.withClient(
                sandbox,
                credentials: SandboxHarness.credentials(integrationCode: "WRONGCODE")
            ) { client in
                await SandboxHarness.error { _ = try await client.query(Contract.self) }
            }
            let failure = try #require(error)
            #expect(failure.code == .unknownUserOrIntegrationCode)
            #expect(failure.attempts == 1)
            #expect(SandboxHarness.texts(of: failure).allSatisfy { !$0.contains(SandboxHarness.secret) })
        }
    }

    @Test("a host nobody listens on fails with unreachable, naming host and port")
    func unreachable() async throws {
        let port = try await SandboxHarness.withSandbox { sandbox in sandbox.port }
        let url = URL(string: "http://127.0.0.1:\(port)/atservicesrest/")!
        let sleeps = SleepRecorder()
        let configuration = AutotaskConfiguration(
            zone: .direct(url),
            requestTimeout: .seconds(10),
            retry: SandboxHarness.fastRetry(sleeps, maxRetries: 2)
        )
        let error = try await AutotaskClient.withClient(
            credentials: SandboxHarness.credentials(),
            configuration: configuration
        ) { client in
            await SandboxHarness.error { _ = try await client.count(Contract.self) }
        }
        let failure = try #require(error)
        #expect(failure.code == .unreachable)
        #expect(failure.message.contains("127.0.0.1:\(port)"))
        #expect(failure.attempts == 3)
        #expect(sleeps.all.count == 2)
    }

    @Test("a next page on another host is refused, and no credentials go there")
    func foreignNextPage() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let localhost = URL(string: "http://localhost:\(sandbox.port)/atservicesrest/")!
            let error = try await SandboxHarness.withClient(sandbox, configure: { $0.zone = .direct(localhost) }) {
                client in
                await SandboxHarness.error { _ = try await client.query(Contract.self, Query(maxRecords: 5)) }
            }
            let failure = try #require(error)
            #expect(failure.code == .untrustedHost)
            let log = sandbox.requestLog()
            #expect(log.count("Contracts", .query) == 1)
            #expect(log.count("Contracts", .next) == 0)
        }
    }
}
