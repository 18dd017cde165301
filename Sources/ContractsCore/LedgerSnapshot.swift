import EventLog
import Foundation
import Ledger
import Projections

/// A point in the ledger's history: the end of a sync run, or a time.
public enum LedgerPoint: Sendable, Hashable {
    /// The end of a sync run (its last event).
    case run(Int)
    /// The last event recorded at or before a time (UTC).
    case time(Date)

    /// Reads `--as-of`: a run number (`3`), a date (`2026-11-29`, the end of that day in UTC), or a time
    /// (`2026-11-29T14:30:00Z`, with or without seconds, fractions and the `Z`, always UTC).
    public init?(argument text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let run = Int(trimmed), run > 0 {
            self = .run(run)
            return
        }
        let formats = [
            "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mmXXXXX",
            "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss",
            "yyyy-MM-dd HH:mm",
        ]
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                self = .time(date)
                return
            }
        }
        formatter.dateFormat = "yyyy-MM-dd"
        if trimmed.count == 10, let day = formatter.date(from: trimmed) {
            self = .time(day.addingTimeInterval(86_400 - 0.001))
            return
        }
        return nil
    }
}

/// The ledger as it was at a point in its history: the projections folded from the log up to that
/// point into a scratch database, queried with the same code as the current ones.
public final class LedgerSnapshot {
    /// The log position the snapshot was folded through (0: before the first event).
    public let position: Int64
    /// When that event was recorded, if there is one.
    public let recordedAt: String?
    /// The point asked for.
    public let point: LedgerPoint
    private let log: EventLog
    private let database: Database
    private let scratch: DiffScratch

    init(log: EventLog, point: LedgerPoint, position: Int64) throws {
        self.log = log
        self.point = point
        self.position = position
        recordedAt = position > 0 ? try log.event(at: position)?.recordedAt : nil
        scratch = try DiffScratch()
        (database, _) = try scratch.fold(log, through: position, name: "as-of")
    }

    /// One line saying which point this is, such as `As of the end of sync run #3 (position 54, 2026-11-29T02:15:01.123Z).`
    public var description: String {
        let when = recordedAt.map { ", recorded \($0)" } ?? ""
        switch point {
        case .run(let run): return "As of the end of sync run #\(run) (log position \(position)\(when))."
        case .time(let date):
            let asked = ISO8601DateFormatter().string(from: date)
            return position == 0
                ? "As of \(asked): the ledger was empty."
                : "As of \(asked): log position \(position)\(when)."
        }
    }

    /// The contracts then, optionally of one company, in id order.
    public func contracts(companyID: Int? = nil) throws -> [ContractRow] {
        try LedgerStore.contracts(in: database, companyID: companyID)
    }

    /// One contract's row then, or nil.
    public func contract(_ id: ContractID) throws -> ContractRow? {
        try LedgerStore.contract(id, in: database)
    }

    /// The assets a contract had then.
    public func assets(of id: ContractID) throws -> [AssetRow] {
        try LedgerStore.assets(of: id, in: database)
    }

    /// The imports then.
    public func importIndex() throws -> ImportIndex {
        ImportIndex(imports: try LedgerStore.importedReferences(ofAutotaskContract: nil, in: database))
    }

    /// A contract's state then, folded from its stream's events up to the snapshot's position.
    public func contractState(_ id: ContractID) throws -> ContractState {
        let events = try log.events(in: StreamName.contract(id).rawValue).filter { $0.position <= position }
        let state = ContractState.fold(id: id, try events.map(Projector.decode))
        guard state.exists else {
            throw LedgerError(
                .contractNotFound, "there was no contract \(id) then; `contracts list --as-of` shows them")
        }
        return state
    }
}

extension LedgerStore {
    /// The ledger as it was at `point`: the end of a sync run, or a time.
    public func snapshot(at point: LedgerPoint) throws -> LedgerSnapshot {
        let position: Int64
        switch point {
        case .run(let run): position = try endPosition(of: run)
        case .time(let date):
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            formatter.timeZone = TimeZone(identifier: "UTC")
            position = try log.lastPosition(recordedAtOrBefore: formatter.string(from: date))
        }
        return try LedgerSnapshot(log: log, point: point, position: position)
    }
}
