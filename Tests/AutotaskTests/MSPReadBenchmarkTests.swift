import Autotask
import AutotaskSandbox
import Foundation
import Testing

/// Reads the whole `msp` data set; run on demand (`AUTOTASK_MSP_BENCH=1`), ideally in a release build.
@Suite("Reading the msp data set", .enabled(if: ProcessInfo.processInfo.environment["AUTOTASK_MSP_BENCH"] != nil))
struct MSPReadBenchmarkTests {
    struct Measure: Sendable {
        var entity: String
        var items: Int
        var statistics: QueryStatistics
        var seconds: Double
    }

    static func read<Entity: AutotaskEntity>(_ type: Entity.Type, _ client: AutotaskClient) async throws -> Measure {
        let clock = ContinuousClock()
        let started = clock.now
        let result = try await client.query(type)
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        #expect(result.items.count == Set(result.items.map(\.id)).count)
        #expect(result.statistics.pages == AutotaskClient.pagesNeeded(records: result.items.count))
        return Measure(
            entity: Entity.entityPath, items: result.items.count, statistics: result.statistics, seconds: seconds)
    }

    static func report(_ title: String, _ measures: [Measure], total: Double) {
        print("== \(title)")
        for measure in measures {
            let minimum = AutotaskClient.pagesNeeded(records: measure.items)
            print(
                "\(measure.entity): \(measure.items) items, \(measure.statistics.requests) requests "
                    + "(minimum \(minimum) pages), \(measure.statistics.retries) retries, "
                    + String(format: "%.2f s", measure.seconds)
            )
        }
        let requests = measures.reduce(0) { $0 + $1.statistics.requests }
        let minimum = measures.reduce(0) { $0 + AutotaskClient.pagesNeeded(records: $1.items) }
        print("total: \(requests) requests (minimum \(minimum)), " + String(format: "%.2f s", total))
    }

    @Test("every contract, contract service and configuration item, at the minimum number of pages")
    func readEverything() async throws {
        let clock = ContinuousClock()
        let building = clock.now
        try await SandboxHarness.withSandbox(SandboxHarness.configuration(.msp)) { sandbox in
            print("== msp sandbox built and started in \(clock.now - building)")
            try await SandboxHarness.withClient(sandbox, direct: true) { client in
                var started = clock.now
                let sequential = [
                    try await Self.read(Contract.self, client),
                    try await Self.read(ContractService.self, client),
                    try await Self.read(ConfigurationItem.self, client),
                ]
                var elapsed = clock.now - started
                Self.report(
                    "one entity after another", sequential,
                    total: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)

                started = clock.now
                async let contracts = Self.read(Contract.self, client)
                async let services = Self.read(ContractService.self, client)
                async let items = Self.read(ConfigurationItem.self, client)
                let concurrent = try await [contracts, services, items]
                elapsed = clock.now - started
                Self.report(
                    "the three entities at once", concurrent,
                    total: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                #expect(concurrent.map(\.items) == sequential.map(\.items))
            }
        }
    }
}
