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
        /// The position of the event that linked or unlinked it; nil for an unlink no event between the
        /// two runs made (a diff from a later run to an earlier one).
        public var position: Int?
    }

    /// A contract that went missing in Autotask, came back, or was renewed there.
    public struct StatusChange: Sendable, Codable, Hashable {
        /// Which of the contract's Autotask facts changed.
        public enum Field: String, Sendable, Codable, Hashable {
            /// Why it is missing in Autotask (nil when present).
            case missingInAutotask
            /// The Autotask id of the contract that renews it.
            case renewedTo
            /// Its import key (`contract:<id>`, `service:<id>`), which a followed renewal changes.
            case autotaskReference
        }

        /// What happened, for people.
        public enum Kind: Sendable, Hashable {
            case missingInAutotask
            case foundInAutotask
            case renewedInAutotask
            case followedRenewal
        }

        public var contract: String
        public var field: Field
        public var from: String?
        public var to: String?
        /// The position and type of the last event between the two runs that set the new value; nil when
        /// none did (a diff from a later run to an earlier one).
        public var position: Int?
        public var event: String?

        /// Missing, found again, or renewed.
        public var kind: Kind {
            switch field {
            case .renewedTo: .renewedInAutotask
            case .autotaskReference: .followedRenewal
            case .missingInAutotask: to == nil ? .foundInAutotask : .missingInAutotask
            }
        }
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
    public var autotaskStatus: [StatusChange]

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
