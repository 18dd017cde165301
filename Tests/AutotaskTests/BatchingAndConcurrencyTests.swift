import Autotask
import AutotaskSandbox
import Foundation
import Testing

@Suite("In-list batching and the per-endpoint limit against the sandbox")
struct BatchingAndConcurrencyTests {
    static let assets = SandboxDataset.counts(
        companies: 10, contracts: 40, servicesPerContract: 2, configurationItems: 1_500)

    @Test("1,200 ids run as 3 batches, merged in id order without duplicates")
    func inBatches() async throws {
        try await SandboxHarness.withSandbox(SandboxHarness.configuration(Self.assets)) { sandbox in
            let ids = Array(Int64(2_000_001)...2_001_200).shuffled() + [2_000_001, 2_000_500]
            let result = try await SandboxHarness.withClient(sandbox) { client in
                try await client.query(ConfigurationItem.self, Query(.in("id", ids)))
            }
            #expect(result.items.map(\.id) == Array(Int64(2_000_001)...2_001_200))
            #expect(result.statistics.batches == 3)
            #expect(result.statistics.pages == 3)
            let log = sandbox.requestLog()
            #expect(log.count("ConfigurationItems", .query) == 3)
            #expect(log.count("ConfigurationItems", .next) == 0)
            #expect((log.maxInFlightByEntity["ConfigurationItems"] ?? 0) <= 3)
        }
    }

    @Test("the in-list limit is configurable and capped at 500")
    func configurableLimit() async throws {
        try await SandboxHarness.withSandbox(SandboxHarness.configuration(Self.assets)) { sandbox in
            let ids = Array(Int64(2_000_001)...2_001_200)
            let small = try await SandboxHarness.withClient(sandbox, configure: { $0.inListLimit = 300 }) { client in
                try await client.query(ConfigurationItem.self, Query(.in("id", ids)))
            }
            #expect(small.statistics.batches == 4)
            #expect(small.items.count == 1_200)
            var configuration = AutotaskConfiguration()
            configuration.inListLimit = 5_000
            #expect(configuration.inListLimit == 500)
        }
    }

    @Test("batches under or overlap, and the merge removes the duplicates")
    func overlappingBatches() async throws {
        try await SandboxHarness.withSandbox(SandboxHarness.configuration(Self.assets)) { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let ids = Array(Int64(2_000_001)...2_000_900)
                let query = Query(.or(.in("id", ids), .lte("id", 2_000_010)))
                let result = try await client.query(ConfigurationItem.self, query)
                #expect(result.statistics.batches == 3)
                #expect(result.items.map(\.id) == ids)
                let error = await SandboxHarness.error { _ = try await client.count(ConfigurationItem.self, query) }
                #expect(error?.code == .invalidQuery)
                let count = try await client.count(ConfigurationItem.self, Query(.in("id", ids), .eq("isActive", true)))
                let active = try await client.query(
                    ConfigurationItem.self, Query(.in("id", ids), .eq("isActive", true)))
                #expect(count == active.items.count)
            }
        }
    }

    @Test("a burst of concurrent queries never has more than 3 requests in flight per endpoint")
    func burst() async throws {
        var faults = SandboxFaults(limitThreads: true, threadLimit: 3, slowRate: 1, slowDelay: .milliseconds(30))
        faults.onlyEntities = ["Contracts", "ConfigurationItems"]
        try await SandboxHarness.withSandbox(SandboxHarness.configuration(Self.assets, faults: faults)) { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in 0..<12 {
                        group.addTask {
                            let first = Int64(100_001 + index)
                            return try await client.query(Contract.self, Query(.gte("id", first), maxRecords: 10)).items
                                .count
                        }
                        group.addTask {
                            let ids = (0..<900).map { Int64(2_000_001 + index * 40 + $0) }
                            return try await client.query(ConfigurationItem.self, Query(.in("id", ids))).items.count
                        }
                    }
                    var total = 0
                    for try await count in group { total += count }
                    #expect(total > 0)
                }
                #expect(client.statistics.retries == 0)
                #expect((client.statistics.endpoints["Contracts"]?.maxInFlight ?? 0) <= 3)
            }
            let log = sandbox.requestLog()
            #expect(log.faults(of: .threadLimit).isEmpty)
            #expect((log.maxInFlightByEntity["Contracts"] ?? 0) <= 3)
            #expect((log.maxInFlightByEntity["ConfigurationItems"] ?? 0) <= 3)
            #expect((log.maxInFlightByEntity["Contracts"] ?? 0) >= 1)
        }
    }

    @Test("the per-endpoint limit is configurable")
    func configurableConcurrency() async throws {
        let faults = SandboxFaults(slowRate: 1, slowDelay: .milliseconds(20))
        try await SandboxHarness.withSandbox(SandboxHarness.configuration(Self.assets, faults: faults)) { sandbox in
            try await SandboxHarness.withClient(sandbox, configure: { $0.maxConcurrentRequestsPerEndpoint = 1 }) {
                client in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<6 {
                        group.addTask { _ = try await client.get(Contract.self, id: Int64(100_001 + index)) }
                    }
                    try await group.waitForAll()
                }
            }
            #expect(sandbox.requestLog().maxInFlightByEntity["Contracts"] == 1)
        }
    }
}
