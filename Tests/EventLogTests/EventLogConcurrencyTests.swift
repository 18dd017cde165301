import Foundation
import SQLite
import TestSupport
import Testing

@testable import EventLog

@Suite("Several processes on one ledger")
struct EventLogConcurrencyTests {
    @Test("two processes appending at once: every event lands, positions stay gapless, no busy error")
    func twoProcesses() throws {
        let ledger = try TestLedger()
        let worker = try BuiltProducts.executable("LogAppendWorker")
        let batches = 100
        let batchSize = 10
        var processes: [(Process, Pipe, Pipe)] = []
        for name in ["left", "right"] {
            let process = Process()
            process.executableURL = worker
            process.arguments = [ledger.path, name, String(batches), String(batchSize), "--streams", "4"]
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            processes.append((process, output, errors))
        }
        var committed = 0
        for (process, output, errors) in processes {
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "worker failed: \(problems)")
            committed += text.split(separator: "\n").filter { $0.hasPrefix("committed") }.count
        }
        #expect(committed == 2 * batches)
        let total = Int64(2 * batches * batchSize)
        #expect(try ledger.log.lastPosition() == total)
        #expect(try ledger.log.database.scalarInt("SELECT count(*) FROM events") == total)
        let report = try ledger.log.verify()
        #expect(report.isIntact, "\(report.faults)")
        #expect(report.eventsChecked == total)
    }
}
