import ArgumentParser
import ContractsCore
import EventLog
import Foundation
import Projections

/// The scenarios over a large generated ledger. Each runs in a child process of its own, so the peak
/// memory `getrusage` reports is that scenario's alone.
enum LedgerScenario: String, CaseIterable, ExpressibleByArgument {
    /// Every projection rebuilt from scratch into the ledger file (which also installs them for the others).
    case rebuild
    /// `contracts diff` between the last two sync runs.
    case diff
    /// `ledger-replay`: verify the chain, decode every event, rebuild and compare the projections.
    case replay

    /// Runs the scenario on the ledger at `path`, in this process.
    func run(path: String, events: Int) async throws -> [BenchRow] {
        let started = DispatchTime.now()
        let name = "\(rawValue) (\(BenchRow.grouped(events)) events)"
        switch self {
        case .rebuild:
            let log = try EventLog.open(path: path)
            let folded = try Projector.rebuild(log)
            let seconds = AppendBenchmark.seconds(since: started)
            return [
                BenchRow(name, "events/s", Double(folded) / seconds, .perSecond, atLeast: 300_000),
                BenchRow(name, "time", seconds, .seconds),
                BenchRow(name, "peak memory (maxrss)", peakMemoryMegabytes(), .megabytes, atMost: 200),
            ]
        case .diff:
            let store = try LedgerStore(path: path, options: LedgerStore.Options(readOnly: true))
            let runs = try store.syncRuns().map(\.run).sorted()
            guard runs.count >= 2 else { throw BenchError("the generated ledger has fewer than two sync runs") }
            let diff = try store.diff(runs[runs.count - 2], runs[runs.count - 1])
            let seconds = AppendBenchmark.seconds(since: started)
            return [
                BenchRow(name, "time", seconds, .seconds, atMost: 5),
                BenchRow(name, "fields changed", Double(diff.fields.count), .count),
                BenchRow(name, "peak memory (maxrss)", peakMemoryMegabytes(), .megabytes),
            ]
        case .replay:
            let report = try await AuditLedger.audit(path: path)
            let seconds = AppendBenchmark.seconds(since: started)
            guard report.isIntact else {
                throw BenchError("the replay found faults: \(report.firstFault.map { "\($0)" } ?? "")")
            }
            return [
                BenchRow(name, "time", seconds, .seconds, atMost: 5),
                BenchRow(name, "events checked", Double(report.eventsChecked), .count),
                BenchRow(name, "peak memory (maxrss)", peakMemoryMegabytes(), .megabytes),
            ]
        }
    }

    /// Runs the scenario in a child `ledger-bench --child <scenario>` and reads its rows.
    func runInChild(path: String, events: Int) throws -> [BenchRow] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["--child", rawValue, "--ledger", path, "--events", String(events)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("the \(rawValue) scenario failed (exit \(process.terminationStatus))")
        }
        return try JSONDecoder().decode([BenchRow].self, from: data)
    }
}
