// A small process that appends events to a ledger, for the multi-process and crash tests.
//
// usage: LogAppendWorker PATH PREFIX BATCHES BATCH_SIZE [--create] [--streams K] [--migrate-up-to N]
//        [--fixed-clock]
// It prints one line per committed batch: `committed FIRST LAST`, so a test (or a crash campaign)
// knows exactly which events a process reported as durable.
import EventLog
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 5, let batches = Int(arguments[3]), let batchSize = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: LogAppendWorker PATH PREFIX BATCHES BATCH_SIZE [options]\n".utf8))
    exit(2)
}
let path = arguments[1]
let prefix = arguments[2]
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let streams = option("--streams").flatMap(Int.init) ?? 1
let fixedClock = arguments.contains("--fixed-clock")
@Sendable func fixedDate() -> Date { Date(timeIntervalSince1970: 1_767_225_600) }
@Sendable func systemDate() -> Date { Date() }
let clock: @Sendable () -> Date = fixedClock ? fixedDate : systemDate
let options = EventLog.Options(
    create: arguments.contains("--create"), busyTimeoutMilliseconds: 10_000, clock: clock,
    migrateUpTo: option("--migrate-up-to").flatMap(Int.init))

do {
    let log = try EventLog.open(path: path, options: options)
    for batch in 0..<batches {
        let stream = "\(prefix)-\(batch % streams)"
        let events = (0..<batchSize).map { index in
            NewEvent(
                id: "\(prefix)-\(batch)-\(index)", type: "WorkerWrote",
                payload: Data(#"{"batch":\#(batch),"index":\#(index),"worker":"\#(prefix)"}"#.utf8),
                metadata: Data(#"{"actor":"worker"}"#.utf8))
        }
        let result = try log.append(events, to: stream, expected: ExpectedVersion.any)
        FileHandle.standardOutput.write(Data("committed \(result.firstPosition) \(result.lastPosition)\n".utf8))
    }
} catch {
    FileHandle.standardError.write(Data("LogAppendWorker: \(error)\n".utf8))
    exit(1)
}
