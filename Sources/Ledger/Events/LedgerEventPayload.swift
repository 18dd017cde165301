import Foundation

/// The payload of one kind of event: a versioned, `Codable` struct with a stable type name.
///
/// Each payload knows its event type name (stored in the log's `type` column), its current
/// payload schema version, the kind of stream it belongs to, and a one-line summary. A payload
/// whose schema changed implements ``upcast(from:payload:)`` to read older versions.
public protocol LedgerEventPayload: Codable, Hashable, Sendable {
    /// The stable type name, such as `ContractImported`.
    static var eventType: String { get }
    /// The current schema version of the payload; older versions are upcast when read.
    static var schemaVersion: Int { get }
    /// The kind of stream events of this type are appended to.
    static var streamCategory: StreamCategory { get }
    /// The payload wrapped as a ``LedgerEvent``.
    var event: LedgerEvent { get }
    /// One line for people, for `contracts history` and the audit tool.
    var summary: String { get }
    /// Reads a payload written with an older schema version (1 up to ``schemaVersion`` - 1).
    static func upcast(from version: Int, payload: Data) throws -> Self
}

extension LedgerEventPayload {
    /// Version 1, the default.
    public static var schemaVersion: Int { 1 }

    /// Refuses: a payload without older versions cannot upcast.
    public static func upcast(from version: Int, payload: Data) throws -> Self {
        throw LedgerError(
            .unsupportedSchemaVersion, "\(eventType) has no schema version \(version) (current: \(schemaVersion))")
    }

    /// The sync-run suffix of a summary, such as ` (sync #3)`.
    static func syncSuffix(_ run: Int?) -> String {
        run.map { " (sync #\($0))" } ?? ""
    }
}
