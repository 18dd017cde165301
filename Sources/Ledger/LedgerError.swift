import Foundation

/// An error of the ledger domain: a stable code and a one-line message for people.
///
/// Decisions, parsing and event decoding throw it. The message is complete on its own (it names the
/// field, the value and the way forward) and never contains a secret; the CLI can print it as is
/// and map the ``Code`` to an exit status.
public struct LedgerError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// `FIELD=VALUE` text without `=` or without a field name.
        case malformedAssignment
        /// A field name that is not in the catalogue.
        case unknownField
        /// A value of the wrong kind, out of range, too long, or with forbidden characters.
        case invalidValue
        /// A required field left empty or cleared.
        case requiredField
        /// The same field assigned twice in one command.
        case duplicateField
        /// An edit of a field owned by Autotask on an imported contract.
        case fieldOwnedByAutotask
        /// The Autotask contract or service is already imported as an LCI contract.
        case alreadyImported
        /// The Autotask contract or service is part of (or contains) one already imported as an LCI contract.
        case overlappingImport
        /// The contract has no Autotask renewal to follow.
        case notRenewed
        /// The command needs a contract that does not exist (its stream is empty).
        case contractNotFound
        /// The command only applies to an imported contract.
        case notImported
        /// The contract's values break a rule (for example an end date before the start date).
        case invalidContract
        /// What Autotask returned does not belong to the contract being reconciled.
        case invalidObservation
        /// Settings that cannot be stored (for example an empty user name).
        case invalidSettings
        /// A stored event whose type this version does not know.
        case unknownEventType
        /// A stored event whose schema version this version cannot read.
        case unsupportedSchemaVersion
        /// A stored payload that does not decode.
        case badPayload
    }

    /// The kind of failure.
    public var code: Code
    /// One line for people, ready to print.
    public var message: String

    /// Makes an error from a code and a one-line message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
