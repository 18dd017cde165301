import AutotaskSandbox
import Foundation
import Testing

@Suite("Data sets and determinism")
struct DatasetTests {
    static let probes = [
        "/atservicesrest/V1.0/Contracts/query?search=%7B%7D",
        "/atservicesrest/V1.0/ConfigurationItems/query?search=%7B%7D",
        "/atservicesrest/V1.0/ContractServiceUnits/query?search=%7B%22MaxRecords%22%3A200%7D",
        "/atservicesrest/V1.0/Companies/query?search=%7B%7D",
    ]

    func bodies(_ configuration: SandboxConfiguration) async throws -> [String] {
        var bodies: [String] = []
        try await SandboxHarness.with(configuration) { harness throws in
            for probe in Self.probes {
                let answer = try await harness.get(probe)
                #expect(answer.status == 200)
                bodies.append(answer.body.replacingOccurrences(of: harness.sandbox.baseURL.absoluteString, with: ""))
            }
        }
        return bodies
    }

    @Test("the same seed and day give byte-identical answers; another seed differs")
    func determinism() async throws {
        let first = try await bodies(.fixedDemo(seed: 42))
        let second = try await bodies(.fixedDemo(seed: 42))
        let other = try await bodies(.fixedDemo(seed: 43))
        #expect(first == second)
        #expect(first != other)
        let counts = SandboxDataset.counts(
            companies: 30, contracts: 200, servicesPerContract: 3, configurationItems: 500)
        let generated = SandboxConfiguration(dataset: counts, seed: 9, today: SandboxConfiguration.fixedToday)
        #expect(try await bodies(generated) == (try await bodies(generated)))
    }

    @Test("the demo set has every contract type, a renewed pair, an inactive contract and a company without contracts")
    func demoShape() async throws {
        try await SandboxHarness.with(.fixedDemo()) { harness throws in
            let contracts = try await harness.query("Contracts", "{}").items
            #expect(Set(contracts.compactMap { int($0["contractType"]) }) == [1, 3, 4, 6, 7, 8])
            #expect(contracts.filter { int($0["status"]) == 0 }.compactMap { int($0["id"]) } == [1011])
            #expect(contracts.first { int($0["id"]) == 1006 }.flatMap { int($0["renewedContractID"]) } == 1007)
            let holders = Set(contracts.compactMap { int($0["companyID"]) })
            #expect(!holders.contains(106))
            #expect(!holders.contains(0))
            let items = try await harness.query("ConfigurationItems", "{}").items
            #expect(items.contains { $0["contractID"] is NSNull })
            #expect(items.contains { int($0["contractServiceID"]) != nil })
            #expect(items.contains { int($0["contractID"]) != nil && $0["contractServiceID"] is NSNull })
            let services = try await harness.query("ContractServices", "{}").items
            let perContract = Dictionary(grouping: services) { int($0["contractID"]) ?? 0 }
            #expect(perContract.values.allSatisfy { (2...5).contains($0.count) })
        }
    }

    @Test("the current unit period follows the injected today")
    func injectedToday() async throws {
        var configuration = SandboxConfiguration.fixedDemo()
        configuration.today = Date(timeIntervalSince1970: 1_750_000_000)  // 2025-06-15
        try await SandboxHarness.with(configuration) { harness throws in
            let filter = #"""
                [{"op":"eq","field":"contractServiceID","value":3005},
                 {"op":"lte","field":"startDate","value":"2025-06-15"},{"op":"gte","field":"endDate","value":"2025-06-15"}]
                """#
            let rows = try await harness.query("ContractServiceUnits", #"{"filter":\#(filter)}"#).items
            #expect(rows.count == 1)
            #expect(rows.first?["startDate"] as? String == "2025-06-01T00:00:00Z")
        }
    }

    @Test("the msp set has the advertised size")
    func mspSize() async throws {
        try await SandboxHarness.with(SandboxConfiguration(dataset: .msp, today: SandboxConfiguration.fixedToday)) {
            harness throws in
            #expect(harness.sandbox.recordCount("Companies") == 501)
            #expect(harness.sandbox.recordCount("Contracts") == 5000)
            #expect(harness.sandbox.recordCount("ContractServices") == 50_000)
            #expect(harness.sandbox.recordCount("ConfigurationItems") == 100_000)
            let count = try await harness.get("/atservicesrest/V1.0/ConfigurationItems/query/count?search=%7B%7D")
            #expect(int(count.object?["queryCount"]) == 100_000)
            let page = try await harness.query(
                "ContractServices", #"{"filter":[{"op":"in","field":"contractID","value":[100001,100002]}]}"#)
            #expect(!page.items.isEmpty)
        }
    }
}
