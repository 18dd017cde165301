import Foundation
import TestSupport

@testable import EventLog

/// A fresh ledger in its own temp folder, with a fixed clock; the folder is removed afterwards.
final class TestLedger {
    let directory: TemporaryDirectory
    let path: String
    let log: EventLog

    init(clock: @escaping @Sendable () -> Date = { Date(timeIntervalSince1970: 1_800_000_000) }) throws {
        directory = try TemporaryDirectory()
        path = directory.path("test.ledger")
        log = try EventLog.open(path: path, options: .init(create: true, clock: clock))
    }
}

func event(_ id: String, type: String = "Tested", payload: String = #"{"n":1}"#) -> NewEvent {
    NewEvent(id: id, type: type, payload: Data(payload.utf8), metadata: Data(#"{"actor":"test"}"#.utf8))
}

func events(_ prefix: String, count: Int) -> [NewEvent] {
    (0..<count).map { event("\(prefix)-\($0)", payload: #"{"n":\#($0)}"#) }
}
