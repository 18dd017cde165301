import AutotaskSandbox
import Foundation
import TestSupport
import Testing

@testable import Autotask

/// A hostile Autotask on loopback: zone answers elsewhere, absurd Retry-After values, endless paging,
/// oversized bodies. The client must stop cleanly, send no credentials astray and never crash.
@Suite("The client stands up to a hostile server")
struct HostileServerTests {
    static func client(
        _ zone: AutotaskConfiguration.Zone, sleeps: SleepRecorder = SleepRecorder(), maxRetries: Int = 2,
        configure: (inout AutotaskConfiguration) -> Void = { _ in }
    ) -> AutotaskClient {
        var configuration = AutotaskConfiguration(
            zone: zone, requestTimeout: .seconds(10), retry: SandboxHarness.fastRetry(sleeps, maxRetries: maxRetries))
        configure(&configuration)
        return AutotaskClient(credentials: SandboxHarness.credentials(), configuration: configuration)
    }

    @Test(
        "a zone answer on another host, in another scheme or on a Unix socket is refused before any credential goes there",
        arguments: [
            "http://evil.example/atservicesrest/", "https://attacker.example/atservicesrest/",
            "http+unix://%2Ftmp%2Fautotask.sock/atservicesrest/", "file:///etc/passwd", "ftp://127.0.0.1/",
            "https://webservices5.autotask.net.evil.example/", "https://webservices5.autotask.net@evil.example/",
            "not a url", "",
        ])
    func untrustedZoneAnswer(url: String) async throws {
        let server = try HostileServer { request, _ in
            .json(200, #"{"zoneName":"Hostile","url":"\#(url)","webUrl":"https://x","ci":1}"#)
        }
        defer { server.stop() }
        let client = Self.client(.discovery(URL(string: server.baseURL + "atservicesrest/")!))
        let error = await SandboxHarness.error { _ = try await client.entityInformation("Contracts") }
        try await client.shutdown()
        let failure = try #require(error)
        #expect([.untrustedHost, .invalidConfiguration, .malformedResponse].contains(failure.code), "\(failure)")
        #expect(server.requests.allSatisfy { $0.path.hasSuffix("zoneInformation") }, "\(server.requests.map(\.path))")
        #expect(server.requests.allSatisfy { $0.header("Secret") == nil })
    }

    @Test("a zone answer on the discovery host (here loopback) is accepted")
    func loopbackZoneAccepted() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let zone = try await client.zoneURL()
                #expect(zone == sandbox.zoneURL)
            }
        }
        let discovery = URL(string: "https://webservices.autotask.net/atservicesrest/")!
        #expect(AutotaskClient.isTrustedZone("https://webservices5.autotask.net/atservicesrest/", discovery: discovery))
        #expect(!AutotaskClient.isTrustedZone("http://webservices5.autotask.net/atservicesrest/", discovery: discovery))
        #expect(!AutotaskClient.isTrustedZone("http://127.0.0.1:9/", discovery: discovery))
    }

    @Test(
        "any Retry-After value ends as a clean throttled error, never a crash",
        arguments: [
            "1e17", "-1", "nan", "inf", "99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT", "0x10",
            "1e-9", "1e400",
        ])
    func hostileRetryAfter(value: String) async throws {
        let server = try HostileServer { _, _ in
            .json(429, #"{"errors":["slow down"]}"#, headers: [("Retry-After", value)])
        }
        defer { server.stop() }
        let sleeps = SleepRecorder()
        let client = Self.client(.direct(URL(string: server.baseURL + "atservicesrest/")!), sleeps: sleeps)
        let error = await SandboxHarness.error { _ = try await client.count(Contract.self) }
        try await client.shutdown()
        let failure = try #require(error)
        #expect(failure.code == .throttled, "\(failure)")
        #expect(server.requests.count <= 3)
        #expect(sleeps.all.allSatisfy { $0 <= .seconds(60) })
    }

    @Test("a server that keeps sending next pages is stopped after a few pages, by the count it gives")
    func endlessPaging() async throws {
        let counter = Counter()
        let server = try HostileServer { request, _ in
            if request.path.hasSuffix("/query/count") { return .json(200, #"{"queryCount":2}"#) }
            let page = counter.next()
            let next =
                "http://127.0.0.1:\(request.header("Host")?.split(separator: ":").last ?? "0")"
                + "/atservicesrest/v1.0/Contracts/query/next?paging=\(page)"
            return .json(
                200,
                #"{"items":[{"id":\#(page),"contractName":"C\#(page)"}],"pageDetails":{"count":1,"requestCount":500,"#
                    + #""prevPageUrl":null,"nextPageUrl":"\#(next)"}}"#)
        }
        defer { server.stop() }
        let client = Self.client(.direct(URL(string: server.baseURL + "atservicesrest/")!))
        let error = await SandboxHarness.error { _ = try await client.query(Contract.self, Query(maxRecords: 5)) }
        try await client.shutdown()
        let failure = try #require(error)
        #expect(failure.code == .malformedResponse, "\(failure)")
        #expect(failure.message.contains("kept sending next pages"))
        #expect(server.requests.count <= AutotaskClient.pagesBeforeCount + 3, "\(server.requests.count) requests")
    }

    @Test("an empty page that points to a next page stops the query at once")
    func emptyPageWithNext() async throws {
        let server = try HostileServer { request, _ in
            .json(
                200,
                #"{"items":[],"pageDetails":{"count":0,"nextPageUrl":"http://\#(request.header("Host") ?? "")/atservicesrest/v1.0/Contracts/query/next?p=\#(UUID().uuidString)"}}"#
            )
        }
        defer { server.stop() }
        let client = Self.client(.direct(URL(string: server.baseURL + "atservicesrest/")!))
        let error = await SandboxHarness.error { _ = try await client.query(Contract.self, Query(maxRecords: 5)) }
        try await client.shutdown()
        #expect(error?.code == .malformedResponse)
        #expect(server.requests.count == 1)
    }

    @Test("a body larger than a page can be is refused, not retried")
    func oversizedBody() async throws {
        let huge = #"{"items":[{"id":1,"contractName":""# + String(repeating: "x", count: 33 * 1024 * 1024) + #""}]}"#
        let server = try HostileServer { _, _ in .json(200, huge) }
        defer { server.stop() }
        let client = Self.client(.direct(URL(string: server.baseURL + "atservicesrest/")!))
        let error = await SandboxHarness.error { _ = try await client.query(Contract.self, Query(maxRecords: 5)) }
        try await client.shutdown()
        #expect(error?.code == .malformedResponse, "\(String(describing: error))")
        #expect(error?.message.contains("larger than") == true)
        #expect(server.requests.count == 1)
    }
}

/// A counter shared with a server thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
