import Foundation
import TestSupport
import Testing

/// `ledger-bench --quick`, run as a built executable so the benchmarks cannot rot; no timing is checked.
@Suite("ledger-bench smoke run")
struct BenchSmokeTests {
    private struct Row: Decodable {
        var scenario: String
        var figure: String
        var value: Double
    }

    @Test("a quick run measures appends, rebuild, diff, replay and sync, and prints them as JSON")
    func quickRunPrintsEveryScenario() async throws {
        let folder = try TemporaryDirectory()
        let bench = try ContractsExecutable(
            folder: folder.url, environment: ProcessInfo.processInfo.environment, product: "ledger-bench")
        let run = try await bench.run([
            "--quick", "--json", "--events", "300", "--rebuild-events", "3000", "--contracts", "100",
        ])
        #expect(run.status == 0, "\(run)")
        let rows = try JSONDecoder().decode([Row].self, from: Data(run.stdout.utf8))
        for prefix in ["append 1/tx", "append 10/tx", "append 1,000/tx", "read back", "rebuild", "diff", "replay"] {
            #expect(rows.contains { $0.scenario.hasPrefix(prefix) }, "no \(prefix) rows in \(run.stdout)")
        }
        #expect(rows.contains { $0.scenario.contains("no-change nightly sync") && $0.figure == "requests" })
        let rebuilt = try #require(rows.first { $0.scenario.hasPrefix("rebuild") && $0.figure == "events/s" })
        #expect(rebuilt.value > 0)
        let replayed = try #require(rows.first { $0.scenario.hasPrefix("replay") && $0.figure == "events checked" })
        #expect(replayed.value == 3_000)
    }
}
