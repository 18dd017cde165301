import Autotask
import Foundation
import TestSupport
import Testing

@testable import ContractsCore

@Suite("A wrongly typed or oversized Autotask value fails its contract instead of becoming a false change")
struct UnreadableValueTests {
    static func contract(_ fields: String) throws -> Contract {
        var base: [String: String] = [
            "id": "7", "companyID": "3", "contractName": #""Managed services""#, "contractType": "7", "status": "1",
            "startDate": #""2025-01-01T00:00:00""#, "endDate": #""2025-12-31T00:00:00""#, "estimatedRevenue": "1200",
        ]
        // `fields` is `, "key": value` pairs; each replaces the base value of its key.
        let extra =
            try JSONSerialization.jsonObject(with: Data(("{" + fields.dropFirst(2) + "}").utf8)) as? [String: Any]
        for key in (extra ?? [:]).keys {
            let start = try #require(fields.range(of: "\"\(key)\": "))
            let rest = fields[start.upperBound...]
            let end = rest.range(of: #", ""#)?.lowerBound ?? rest.endIndex
            base[key] = String(rest[..<end])
        }
        let json = "{" + base.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        return try JSONDecoder().decode(Contract.self, from: Data(json.utf8))
    }

    @Test(
        "a value of the wrong type or out of range is reported, not taken as empty",
        arguments: [
            (#", "estimatedRevenue": "1e400""#, "estimatedRevenue"),
            (#", "status": {"value": 1}"#, "status"),
            (#", "endDate": "99999-01-01T00:00:00""#, "endDate"),
            (#", "startDate": "0001-01-01T00:00:00""#, "startDate"),
            (#", "contractName": ["a"]"#, "contractName"),
            (#", "companyID": 1.5"#, "companyID"),
        ])
    func unreadableValues(fields: String, field: String) throws {
        let contract = try Self.contract(fields)
        #expect(contract.unreadableFields.contains(field), "\(contract.unreadableFields)")
        let mapping = AutotaskMapping(picklists: .empty)
        let problem = try #require(mapping.problem(with: contract, companyName: "Acme"))
        #expect(problem.contains(field))
        #expect(mapping.contract(contract, companyName: "Acme") == nil)
    }

    @Test("a readable contract has no problem, and null values are not unreadable")
    func readableContract() throws {
        let contract = try Self.contract(#", "description": null, "contractCategory": """#)
        #expect(contract.unreadableFields.isEmpty)
        #expect(AutotaskMapping(picklists: .empty).problem(with: contract, companyName: "Acme") == nil)
    }

    @Test("a name or description longer than the ledger accepts is refused and the length said")
    func oversizedText() throws {
        var contract = try Self.contract("")
        contract.contractName = String(repeating: "n", count: 40_000)
        let problem = try #require(AutotaskMapping(picklists: .empty).problem(with: contract, companyName: "Acme"))
        #expect(problem.contains("contractName") && problem.contains("40000") && problem.contains("500"))
        contract.contractName = "ok"
        contract.description = String(repeating: "d", count: 10_001)
        #expect(AutotaskMapping(picklists: .empty).problem(with: contract, companyName: "Acme") != nil)
    }

    @Test("a sync that reads an unreadable price records a failure for that contract and leaves it as it was")
    func syncLeavesUnreadableContract() async throws {
        try await SyncHarness.with { harness in
            let ids = try await harness.importContracts([1001, 1002])
            let before = try ids.flatMap { try harness.store.fields(of: $0).map { "\($0.field)=\($0.value ?? "")" } }
            let proxy = try HostileServer(upstreamPort: harness.sandbox.port) { request, upstream in
                var answer = upstream.answer()
                if request.path.hasSuffix("/Contracts/query") {
                    let text = answer.text.replacingOccurrences(
                        of: #""estimatedRevenue"\s*:\s*[^,}]+"#, with: #""estimatedRevenue":"1e400""#,
                        options: .regularExpression)
                    answer.body = Array(text.utf8)
                }
                return answer
            }
            defer { proxy.stop() }
            var zone = try #require(URLComponents(url: harness.sandbox.zoneURL, resolvingAgainstBaseURL: false))
            zone.port = proxy.port
            let client = AutotaskClient(
                credentials: AutotaskCredentials(
                    userName: harness.sandbox.credentials.userName,
                    integrationCode: harness.sandbox.credentials.integrationCode,
                    secret: harness.sandbox.credentials.secret),
                configuration: AutotaskConfiguration(
                    zone: .direct(try #require(zone.url)), retry: RetryPolicy(jitter: false, sleep: { _ in })))
            defer { Task { try await client.shutdown() } }
            let report = try await harness.store.sync(
                gateway: AutotaskGateway(client: client, today: { SyncHarness.today }), options: SyncOptions())
            #expect(report.completed?.failed == 2, "\(report.summary)")
            #expect(report.changes.isEmpty)
            #expect(
                try ids.flatMap { try harness.store.fields(of: $0).map { "\($0.field)=\($0.value ?? "")" } } == before)
        }
    }
}
