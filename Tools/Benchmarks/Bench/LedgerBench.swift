import ArgumentParser
import AutotaskSandbox
import Foundation

/// `ledger-bench`: the ledger's benchmarks, measured in one run and printed as a table (or JSON).
@main
struct LedgerBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger-bench",
        abstract: "Measures appends, rebuild, diff, replay and sync of the ledger, against raw SQLite and a peer.",
        discussion: """
            Run it as a release build: `swift run -c release ledger-bench`. Figures from one run are \
            comparable with each other; machines here are shared and noisy, so compare ratios, not absolutes. \
            `--peers` needs the Python peer installed once with `Tools/Benchmarks/peer/setup.sh`.
            """)

    /// The parts of a run.
    enum Section: String, CaseIterable, ExpressibleByArgument {
        case append, ledger, sync
    }

    @Option(help: "How many events to append in each append scenario.")
    var events = 100_000

    @Option(help: "How many events the generated ledger for rebuild, diff and replay holds.")
    var rebuildEvents = 1_000_000

    @Option(help: "How many contracts the generated ledger imports before its sync runs.")
    var contracts = 10_000

    @Option(help: "Run only these sections (append, ledger, sync); repeat the option for several.")
    var only: [Section] = []

    @Flag(help: "A small, fast run that checks the benchmarks still work (sizes are capped, smaller ones kept).")
    var quick = false

    @Flag(help: "Print the results as JSON instead of a table.")
    var json = false

    @Flag(help: "Also run the Python eventsourcing peer and print its figures beside ours as ratios.")
    var peers = false

    @Option(help: "The folder holding the peer's script and its virtual environment.")
    var peerFolder = "Tools/Benchmarks/peer"

    @Option(
        help: "Write the benchmark files into this folder and keep them (for profiling), instead of a temporary one.")
    var keep: String?

    @Option(help: .hidden)
    var child: LedgerScenario?

    @Option(help: .hidden)
    var ledger: String?

    func validate() throws {
        guard events > 0, events <= 10_000_000, rebuildEvents >= 100, rebuildEvents <= 20_000_000 else {
            throw ValidationError("--events must be 1 to 10,000,000 and --rebuild-events 100 to 20,000,000.")
        }
        guard contracts > 0, contracts < rebuildEvents else {
            throw ValidationError("--contracts must be positive and below --rebuild-events.")
        }
    }

    func run() async throws {
        if let child, let ledger {
            print(try BenchRow.json(try await child.run(path: ledger, events: events)))
            return
        }
        let folder =
            keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("ledger-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        let sections = only.isEmpty ? Section.allCases : only
        var rows: [BenchRow] = []
        if sections.contains(.append) {
            let appendRows = try appendSection(folder: folder)
            rows += appendRows
            if peers { rows += try peerSection(ours: appendRows) }
        }
        if sections.contains(.ledger) { rows += try ledgerSection(folder: folder) }
        if sections.contains(.sync) { rows += try await syncSection(folder: folder) }
        print(json ? try BenchRow.json(rows) : BenchRow.table(rows))
    }

    private func appendSection(folder: URL) throws -> [BenchRow] {
        let total = quick ? min(events, 2_000) : events
        var rows: [BenchRow] = []
        for batch in [1, 10, 1_000] {
            // One event per transaction pays an fsync each; cap it so the run stays a few minutes long.
            let count = batch == 1 ? min(total, quick ? 200 : 5_000) : total
            let benchmark = AppendBenchmark(events: count, streams: min(10_000, count), batch: batch)
            let ledgerPath = folder.appendingPathComponent("ledger-\(batch).sqlite").path
            let ledgerRate = Double(count) / (try benchmark.runLedger(path: ledgerPath))
            let rawRate =
                Double(count) / (try benchmark.runRaw(path: folder.appendingPathComponent("raw-\(batch).sqlite").path))
            let scenario = "append \(BenchRow.grouped(batch))/tx (\(BenchRow.grouped(count)) events)"
            rows.append(
                BenchRow(scenario, "ledger events/s", ledgerRate, .perSecond, atLeast: batch == 1_000 ? 200_000 : nil))
            rows.append(BenchRow(scenario, "raw SQLite rows/s", rawRate, .perSecond))
            rows.append(
                BenchRow(
                    scenario, "ledger / raw SQLite", ledgerRate / rawRate, .ratio, atLeast: batch == 1_000 ? 0.5 : nil))
            if batch == 1_000 {
                let (read, seconds) = try AppendBenchmark.readBack(path: ledgerPath)
                rows.append(
                    BenchRow(
                        "read back (\(BenchRow.grouped(read)) events)", "ledger events/s", Double(read) / seconds,
                        .perSecond))
            }
        }
        return rows
    }

    private func ledgerSection(folder: URL) throws -> [BenchRow] {
        let total = quick ? min(rebuildEvents, 20_000) : rebuildEvents
        let generator = LedgerGenerator(events: total, contracts: quick ? min(contracts, 500) : contracts)
        let path = folder.appendingPathComponent("large.ledger").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let summary = try generator.write(path: path)
        let scenario = "generate a ledger (\(BenchRow.grouped(summary.events)) events)"
        var rows = [
            BenchRow(scenario, "sync runs", Double(summary.runs), .count),
            BenchRow(
                scenario, "events/s (domain decisions + append)", Double(summary.events) / summary.seconds, .perSecond),
        ]
        for scenario in LedgerScenario.allCases {
            rows += try scenario.runInChild(path: path, events: summary.events)
        }
        return rows
    }

    private func syncSection(folder: URL) async throws -> [BenchRow] {
        let benchmark =
            quick
            ? SyncBenchmark(
                dataset: .counts(companies: 20, contracts: 200, servicesPerContract: 2, configurationItems: 1_000),
                contractIDs: 100_001...100_200, label: "sync (200 contracts)")
            : SyncBenchmark(dataset: .msp, contractIDs: 100_001...105_000, label: "msp")
        return try await benchmark.run(folder: folder)
    }

    private func peerSection(ours: [BenchRow]) throws -> [BenchRow] {
        let peer = PeerBenchmark(
            folder: peerFolder, events: quick ? min(events, 2_000) : events, singleCap: quick ? 200 : 5_000)
        return try peer.run(ours: ours)
    }
}
