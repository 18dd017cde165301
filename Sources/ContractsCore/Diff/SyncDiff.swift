import Foundation
import Projections

/// The state at the end of one sync run against the state at the end of another.
public struct SyncDiff: Sendable, Codable, Hashable {
    /// One field whose value differs.
    public struct FieldChange: Sendable, Codable, Hashable {
        public var contract: String
        public var field: String
        public var from: String?
        public var to: String?
        /// The position of the event that set the new value, and its type.
        public var position: Int
        public var event: String
    }

    /// One asset linked or unlinked between the two runs.
    public struct AssetChange: Sendable, Codable, Hashable {
        public var contract: String
        public var assetID: Int
        public var name: String
        /// The position of the event that linked or unlinked it (0 when unknown).
        public var position: Int
    }

    public var runA: Int
    public var runB: Int
    /// The log position each state was folded up to.
    public var positionA: Int
    public var positionB: Int
    /// Contracts that exist at the end of B but not of A, and the reverse.
    public var contractsAdded: [String]
    public var contractsRemoved: [String]
    public var fields: [FieldChange]
    public var assetsAdded: [AssetChange]
    public var assetsRemoved: [AssetChange]
    /// Contracts that went missing in Autotask or came back (`missingInAutotask`: the reason, or nil
    /// when present), renewals (`renewedTo`: the Autotask id of the renewal contract) and followed
    /// renewals (`autotaskReference`: `contract:<id>` or `service:<id>` before and after).
    public var autotaskStatus: [FieldChange]

    /// The runs of the two that had not finished (`running`, or `interrupted` by a later run): their state is
    /// what they committed before they stopped, so the diff is partial.
    public var unfinished: [UnfinishedRun] = []

    /// A run that did not finish, and how far it got.
    public struct UnfinishedRun: Sendable, Codable, Hashable {
        public var run: Int
        /// `running` or `interrupted`.
        public var status: SyncRunRow.Status
        /// The contract events it committed.
        public var committedChanges: Int
    }

    /// Whether nothing differs.
    public var isEmpty: Bool {
        contractsAdded.isEmpty && contractsRemoved.isEmpty && fields.isEmpty && assetsAdded.isEmpty
            && assetsRemoved.isEmpty && autotaskStatus.isEmpty
    }
}
