import EventLog
import Foundation
import Ledger
import Projections

extension LedgerStore {
    /// The contracts, optionally of one company, in number order.
    public func contracts(companyID: Int? = nil) throws -> [ContractRow] {
        try projections.contracts(companyID: companyID)
    }

    /// One contract's row, or nil.
    public func contract(_ id: ContractID) throws -> ContractRow? {
        try projections.contract(id)
    }

    /// Every field of a contract with its value and owner, in catalogue order.
    public func fields(of id: ContractID) throws -> [FieldRow] {
        try projections.fields(of: id)
    }

    /// The assets linked to a contract, by asset id.
    public func assets(of id: ContractID) throws -> [AssetRow] {
        try projections.assets(of: id)
    }

    /// A contract's history, oldest first, read from its stream in the log.
    ///
    /// The summary is the event's own one-line summary; the actor and the sync run come from the
    /// metadata stored with it (the payload's sync run wins when it names one).
    public func history(of id: ContractID) throws -> [HistoryRow] {
        try log.events(in: StreamName.contract(id).rawValue).map { recorded in
            let event = try Projector.decode(recorded)
            let metadata = EventMetadata.decode(recorded.metadata)
            return HistoryRow(
                version: Int(recorded.version), position: Int(recorded.position), type: recorded.type,
                summary: event.summary, recordedAt: recorded.recordedAt, actor: metadata.actor,
                syncRun: event.syncRun ?? metadata.syncRun)
        }
    }

    /// The LCI contract that imported each Autotask contract and service.
    public func importedReferences() throws -> ImportedReferences {
        try projections.importedReferences()
    }

    /// Every import, as an index: which LCI contract holds each Autotask contract or service, and which
    /// covers it (browse marks a service of a contract imported whole as covered, and the reverse).
    public func importIndex() throws -> ImportIndex {
        try projections.importIndex()
    }

    /// The sync runs, oldest first.
    public func syncRuns() throws -> [SyncRunRow] {
        try projections.syncRuns()
    }

    /// One sync run, or nil.
    public func syncRun(_ run: Int) throws -> SyncRunRow? {
        try projections.syncRuns(run: run).first
    }

    /// The position the projections have reached and the log's last position.
    public func positions() throws -> (projections: Int64, log: Int64) {
        (try projections.position(), try log.lastPosition())
    }
}
