import Foundation

/// Runs the Python `eventsourcing` peer (`peer/peer_bench.py` in its virtual environment) on the same
/// append work, and sets its figures beside the ledger's as ratios.
struct PeerBenchmark {
    /// The folder with `peer_bench.py` and `.venv` (made by `setup.sh`).
    let folder: String
    /// Events per append scenario.
    let events: Int
    /// Events at one per transaction.
    let singleCap: Int

    private struct Output: Decodable {
        var append: [String: Double]
        var read_raw: Double
        var read_decoded: Double
        var read_events: Int
        var synchronous: Int
    }

    func run(ours: [BenchRow]) throws -> [BenchRow] {
        let python = URL(fileURLWithPath: folder).appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw BenchError("the peer is not installed: run \(folder)/setup.sh first (or leave out --peers)")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [
            URL(fileURLWithPath: folder).appendingPathComponent("peer_bench.py").path, "--events", String(events),
            "--single-cap", String(singleCap),
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("the peer failed (exit \(process.terminationStatus))")
        }
        let output = try JSONDecoder().decode(Output.self, from: data)
        var rows: [BenchRow] = []
        for batch in [1, 10, 1_000] {
            let count = batch == 1 ? min(events, singleCap) : events
            let scenario = "peer append \(BenchRow.grouped(batch))/tx (\(BenchRow.grouped(count)) events)"
            let peerRate = output.append[String(batch)] ?? 0
            rows.append(BenchRow(scenario, "eventsourcing 9.5.6 events/s", peerRate, .perSecond))
            let ourRate =
                ours.first {
                    $0.scenario.hasPrefix("append \(BenchRow.grouped(batch))/tx") && $0.figure == "ledger events/s"
                }?
                .value ?? 0
            rows.append(BenchRow(scenario, "ledger / peer", ourRate / max(peerRate, 1e-9), .ratio, atLeast: 10))
        }
        let scenario = "peer read back (\(BenchRow.grouped(output.read_events)) events)"
        let ourRead = ours.first { $0.scenario.hasPrefix("read back") }?.value ?? 0
        rows.append(BenchRow(scenario, "eventsourcing notifications/s (raw)", output.read_raw, .perSecond))
        rows.append(BenchRow(scenario, "eventsourcing domain events/s (decoded)", output.read_decoded, .perSecond))
        rows.append(BenchRow(scenario, "ledger / peer (raw)", ourRead / max(output.read_raw, 1e-9), .ratio, atLeast: 3))
        return rows
    }
}
