import EventLog
import Foundation
import Ledger
import Projections

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
    private let projections: ProjectionReader
    private let scratch: ProjectionScratch

    init(log: EventLog, point: LedgerPoint, position: Int64) throws {
        self.log = log
        self.point = point
        self.position = position
        recordedAt = position > 0 ? try log.event(at: position)?.recordedAt : nil
        scratch = try ProjectionScratch()
        projections = try scratch.fold(log, through: position, name: "as-of")
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
        try projections.contracts(companyID: companyID)
    }

    /// One contract's row then, or nil.
    public func contract(_ id: ContractID) throws -> ContractRow? {
        try projections.contract(id)
    }

    /// The assets a contract had then.
    public func assets(of id: ContractID) throws -> [AssetRow] {
        try projections.assets(of: id)
    }

    /// The imports then.
    public func importIndex() throws -> ImportIndex {
        try projections.importIndex()
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
