import ArgumentParser
import Foundation

/// `ledger-bench`: the ledger's benchmarks, measured in one run and printed as a table (or JSON).
@main
struct LedgerBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger-bench",
        abstract: "Measures the ledger's append and read rates against raw SQLite on the same work.",
        discussion: """
            Run it as a release build: `swift run -c release ledger-bench`. Figures from one run are \
            comparable with each other; machines here are shared and noisy, so compare ratios, not absolutes.
            """)

    @Option(help: "How many events to append in each scenario.")
    var events = 100_000

    @Flag(help: "A small, fast run (2,000 events) that checks the benchmarks still work.")
    var quick = false

    @Flag(help: "Print the results as JSON instead of a table.")
    var json = false

    func validate() throws {
        guard events > 0, events <= 10_000_000 else {
            throw ValidationError("--events must be between 1 and 10,000,000.")
        }
    }

    func run() throws {
        let total = quick ? 2_000 : events
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var results: [[String: String]] = []
        for batch in [1, 10, 1_000] {
            // One event per transaction pays an fsync each; cap it so the run stays a few minutes long.
            let count = batch == 1 ? min(total, quick ? 200 : 5_000) : total
            let benchmark = AppendBenchmark(events: count, streams: min(10_000, count), batch: batch)
            let ledgerPath = folder.appendingPathComponent("ledger-\(batch).sqlite").path
            let rawPath = folder.appendingPathComponent("raw-\(batch).sqlite").path
            let ledgerSeconds = try benchmark.runLedger(path: ledgerPath)
            let rawSeconds = try benchmark.runRaw(path: rawPath)
            let ledgerRate = Double(count) / ledgerSeconds
            let rawRate = Double(count) / rawSeconds
            var row = [
                "scenario": "append \(batch)/tx", "events": String(count),
                "ledger_events_per_s": String(Int(ledgerRate)), "raw_sqlite_rows_per_s": String(Int(rawRate)),
                "ledger_vs_raw": String(format: "%.2f", ledgerRate / rawRate),
            ]
            if batch == 1_000 {
                let (read, seconds) = try AppendBenchmark.readBack(path: ledgerPath)
                row["read_back_events_per_s"] = String(Int(Double(read) / seconds))
            }
            results.append(row)
        }
        if json {
            let data = try JSONSerialization.data(withJSONObject: results, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print("scenario          events   ledger ev/s   raw SQLite rows/s   ledger/raw   read-back ev/s")
            for row in results {
                print(
                    [
                        pad(row["scenario"]!, 16), pad(row["events"]!, 8), pad(row["ledger_events_per_s"]!, 13),
                        pad(row["raw_sqlite_rows_per_s"]!, 19), pad(row["ledger_vs_raw"]!, 12),
                        row["read_back_events_per_s"] ?? "-",
                    ].joined(separator: " "))
            }
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
