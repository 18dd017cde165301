import Foundation
import Synchronization
import TestSupport

/// Campaign 6: a hostile Autotask. A small server on loopback stands between `contracts` and the sandbox
/// and answers as an attacker or a broken Autotask would: zones elsewhere, absurd `Retry-After` values,
/// endless paging, oversized, mistyped and misshapen bodies; and a secret with control characters. Each
/// trial must end as a completed run or one clear error line, leave no run `running`, keep the contracts as
/// they were when Autotask's values cannot be read, and leave a ledger that replays.
struct HostileServerCampaign {
    let tools: CampaignTools
    let seed: UInt64
    let scale: CampaignScale

    /// What the hostile server does to the next requests.
    enum Mode: Sendable {
        case passThrough
        case zone(String)
        case retryAfter(String)
        case endlessPaging
        case emptyPagesWithNext
        case oversized
        case mistyped(field: String, json: String)
        case misshapen(String)
    }

    static let zones = [
        "http://evil.example/atservicesrest/", "https://attacker.example/atservicesrest/",
        "http+unix://%2Ftmp%2Fautotask.sock/atservicesrest/", "file:///etc/passwd", "ftp://127.0.0.1/",
        "https://webservices5.autotask.net.evil.example/", "https://webservices5.autotask.net@evil.example/",
        "not a url", "",
    ]

    static let retryAfters = [
        "1e17", "-1", "nan", "inf", "99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT", "0x10", "1e-9",
        "1e400", "0", "3600",
    ]

    static let mistyped: [(field: String, json: String)] = [
        ("estimatedRevenue", #""1e400""#), ("estimatedRevenue", "1e400"), ("status", #"{"value":1}"#),
        ("endDate", #""99999-01-01T00:00:00""#), ("startDate", #""0001-01-01T00:00:00""#),
        ("contractName", "[1,2]"), ("contractName", "\"" + String(repeating: "n", count: 40_000) + "\""),
        ("description", "\"" + String(repeating: "d", count: 12_000) + "\""), ("companyID", "1.5"),
    ]

    static let misshapen = [
        #"{"items":{}}"#, #"{"items":[1,2]}"#, "null", "[]", #"{"items":[{"id":"x"}]}"#, "<html>busy</html>", "",
        #"{"items":[{"id":1001,"#,
    ]

    func run() async throws -> CampaignTally {
        var tally = CampaignTally()
        let world = try await CampaignWorld.start("hostile", tools: tools, seed: seed)
        let mode = Shared<Mode>(.passThrough)
        let sandboxPort = world.sandbox.port
        let pages = Shared(0)
        do {
            let server = try HostileServer(upstreamPort: sandboxPort) { request, upstream in
                Self.answer(request, upstream, mode: mode.value, sandboxPort: sandboxPort, pages: pages)
            }
            defer { server.stop() }
            let base = try await makeBase(world, discovery: server.baseURL + "atservicesrest/")
            var trials: [(String, Mode)] = Self.zones.map { ("zone answer \($0.debugDescription)", .zone($0)) }
            trials += Self.retryAfters.map { ("Retry-After \($0.debugDescription)", .retryAfter($0)) }
            trials += [("endless paging", .endlessPaging), ("empty pages with a next page", .emptyPagesWithNext)]
            trials += [("a 33 MiB body", .oversized)]
            trials += Self.mistyped.map {
                (
                    "\($0.field) sent as \($0.json.prefix(24))\($0.json.count > 24 ? "…" : "")",
                    .mistyped(field: $0.field, json: $0.json)
                )
            }
            trials += Self.misshapen.map { ("body \($0.debugDescription)", .misshapen($0)) }
            var random = SeededGenerator(seed: seed)
            if scale.hostileTrials < trials.count {
                trials.shuffle(using: &random)
                trials = Array(trials.prefix(scale.hostileTrials))
            }
            for (index, (label, trialMode)) in trials.enumerated() {
                mode.value = .passThrough
                let ledger = try world.copyLedger(base, to: "trial-\(index).sqlite")
                let before = try await world.finalState(ledger)
                let requestsBefore = server.requests.count
                mode.value = trialMode
                pages.value = 0
                let outcome = try await trial(world, ledger: ledger, mode: trialMode)
                mode.value = .passThrough
                tally.faultsTried += 1
                let failures = try await check(
                    world, ledger: ledger, label: label, mode: trialMode, outcome: outcome, before: before,
                    requests: Array(server.requests.dropFirst(requestsBefore)))
                tally.failures += failures.map { "hostile server: \(label): \($0)" }
            }
            tally.failures += try await controlCharacterSecret(world, base: base, server: server).map {
                "hostile server: \($0)"
            }
            tally.faultsTried += 1
        } catch {
            tally.failures.append("hostile server: \(error)")
        }
        await world.finish(&tally, campaign: "hostile server")
        return tally
    }

    /// A ledger connected through the hostile server, with two imported contracts.
    private func makeBase(_ world: CampaignWorld, discovery: String) async throws -> String {
        let ledger = world.path("base.sqlite")
        try await world.mustSucceed(["init", "--primary", "autotask"], ledger: ledger)
        try await world.mustSucceed(
            [
                "connect", "--discovery-url", discovery, "--user", world.sandbox.credentials.userName,
                "--integration-code", world.sandbox.credentials.integrationCode,
            ], ledger: ledger)
        try await world.mustSucceed(
            ["import", "--company", "101", "--contract", "1001", "--contract", "1002"], ledger: ledger)
        return ledger
    }

    private func trial(_ world: CampaignWorld, ledger: String, mode: Mode) async throws -> ProcessOutcome {
        if case .zone = mode {
            return try await world.contracts(["check-access", "--retries", "1"], ledger: ledger, timeout: .seconds(60))
        }
        return try await world.contracts(
            ["sync", "--retries", "2", "--time-limit", "60"], ledger: ledger, timeout: .seconds(120))
    }

    private func check(
        _ world: CampaignWorld, ledger: String, label: String, mode: Mode, outcome: ProcessOutcome, before: String,
        requests: [HostileServer.Request]
    ) async throws -> [String] {
        var failures: [String] = []
        if outcome.signaled || outcome.timedOut {
            return ["crashed or hung: \(outcome)"]
        }
        switch mode {
        case .mistyped:
            if !outcome.succeeded { failures.append("the sync did not complete: \(outcome)") }
            let after = try await world.finalState(ledger)
            if after != before { failures.append("an unreadable value changed the contracts") }
            let runs = try await world.runs(ledger)
            if (runs.last?["failed"] as? Int ?? 0) == 0 {
                failures.append("no contract failure was recorded: \(runs.last ?? [:])")
            }
        case .zone:
            if outcome.succeeded || !outcome.isCleanFailure { failures.append("not refused cleanly: \(outcome)") }
            let astray = requests.filter { !$0.path.contains("zoneInformation") }
            if !astray.isEmpty { failures.append("\(astray.count) requests went on after the zone answer") }
        case .passThrough:
            break
        default:
            if outcome.status != 4 || !outcome.isCleanFailure {
                failures.append("not one clean Autotask error line (exit 4): \(outcome)")
            }
            let contractRequests = requests.filter { $0.path.contains("/Contracts/") }.count
            if contractRequests > 40 {
                failures.append("\(contractRequests) Contracts requests: the client did not stop")
            }
        }
        let runs = try await world.runs(ledger)
        if runs.contains(where: { $0["status"] as? String == "running" }) {
            failures.append("a run was left running")
        }
        let replay = try await world.replay(ledger)
        if !replay.succeeded { failures.append("ledger-replay fails afterwards: \(replay)") }
        return failures
    }

    /// A secret with a line break and a control character is refused before any request, and in no form
    /// reaches a file (the world's final scan looks for every form of it).
    private func controlCharacterSecret(_ world: CampaignWorld, base: String, server: HostileServer) async throws
        -> [String]
    {
        let secret = "campaign-\(seed)\nLEAK\u{1}ME-hostile"
        world.remember(secret: secret)
        let ledger = try world.copyLedger(base, to: "secret.sqlite")
        let file = world.path("control-secret")
        try Data((secret + "\n").utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let requestsBefore = server.requests.count
        let outcome = try await world.contracts(["sync", "--secret-file", file], ledger: ledger)
        var failures: [String] = []
        if outcome.status != 2 || !outcome.isCleanFailure {
            failures.append("a secret with control characters was not refused as bad input: \(outcome)")
        }
        if server.requests.count != requestsBefore {
            failures.append("a request was sent with a control-character secret")
        }
        try FileManager.default.removeItem(atPath: file)
        return failures
    }

    // MARK: The hostile answers

    static func answer(
        _ request: HostileServer.Request, _ upstream: HostileServer.Upstream, mode: Mode, sandboxPort: Int,
        pages: Shared<Int>
    ) -> HostileServer.Response {
        let host = request.header("Host") ?? "127.0.0.1"
        func relayed(_ response: HostileServer.Response) -> HostileServer.Response {
            var response = response
            let text = response.text.replacingOccurrences(of: "127.0.0.1:\(sandboxPort)", with: host)
            response.body = Array(text.utf8)
            return response
        }
        let isContractsQuery = request.path.contains("/Contracts/query") && !request.path.hasSuffix("/count")
        switch mode {
        case .zone(let url) where request.path.contains("zoneInformation"):
            let escaped = url.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return .json(200, #"{"zoneName":"Hostile","url":"\#(escaped)","webUrl":"https://x","ci":1}"#)
        case .retryAfter(let value) where request.path.contains("/Contracts"):
            return .json(429, #"{"errors":["slow down"]}"#, headers: [("Retry-After", value)])
        case .endlessPaging where isContractsQuery:
            let first = relayed(upstream.answer(target: "/atservicesrest/v1.0/Contracts/query"))
            let page = pages.update {
                $0 += 1
                return $0
            }
            let next = "http://\(host)/atservicesrest/v1.0/Contracts/query/next?paging=\(page)"
            return withNextPage(first, next: next)
        case .emptyPagesWithNext where isContractsQuery:
            let next = "http://\(host)/atservicesrest/v1.0/Contracts/query/next?p=\(UUID().uuidString)"
            return .json(200, #"{"items":[],"pageDetails":{"count":0,"nextPageUrl":"\#(next)"}}"#)
        case .oversized where isContractsQuery:
            return .json(
                200, #"{"items":[{"id":1001,"contractName":""# + String(repeating: "x", count: 33 << 20) + #""}]}"#)
        case .mistyped(let field, let json) where isContractsQuery:
            let answer = relayed(upstream.answer())
            let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
            let representable = value.map { !(($0 as? Double).map { !$0.isFinite } ?? false) } ?? false
            guard representable, let value,
                var object = try? JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any],
                var items = object["items"] as? [[String: Any]]
            else {
                // A number JSONSerialization cannot hold (1e400): written into the text itself.
                let text = answer.text.replacingOccurrences(
                    of: #""\#(field)"\s*:\s*("[^"]*"|[^,}\]]+)"#, with: #""\#(field)":\#(json)"#,
                    options: .regularExpression)
                return HostileServer.Response(status: answer.status, headers: answer.headers, body: Array(text.utf8))
            }
            for index in items.indices { items[index][field] = value }
            object["items"] = items
            let body = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
            return HostileServer.Response(
                status: 200, headers: [("Content-Type", "application/json")], body: Array(body))
        case .misshapen(let body) where isContractsQuery:
            return .json(200, body)
        default:
            return relayed(upstream.answer())
        }
    }

    static func withNextPage(_ response: HostileServer.Response, next: String) -> HostileServer.Response {
        guard var object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else {
            return response
        }
        var details = object["pageDetails"] as? [String: Any] ?? [:]
        details["nextPageUrl"] = next
        object["pageDetails"] = details
        let body = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return HostileServer.Response(status: 200, headers: [("Content-Type", "application/json")], body: Array(body))
    }
}

/// A value shared with the hostile server's threads.
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        mutex = Mutex(value)
    }

    var value: Value {
        get { mutex.withLock { $0 } }
        set { mutex.withLock { $0 = newValue } }
    }

    func update<T: Sendable>(_ body: (inout Value) -> T) -> T {
        mutex.withLock { body(&$0) }
    }
}
