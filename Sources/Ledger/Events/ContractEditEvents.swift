import Foundation

/// `FieldEdited` (stream `contract/<id>`): a user changed a field (schema version 2).
///
/// Version 1 stored `{"field","old","new"}`; version 2 renamed them `from` and `to` and added an
/// optional `reason`. Version 1 payloads are upcast when read.
public struct FieldEdited: LedgerEventPayload {
    public static let eventType = "FieldEdited"
    public static let schemaVersion = 2
    public static let streamCategory = StreamCategory.contract

    /// The field changed.
    public var field: FieldName
    /// The value before.
    public var from: FieldValue
    /// The value after (``FieldValue/empty`` when cleared).
    public var to: FieldValue
    /// Why, as the user gave it (since version 2).
    public var reason: String?

    /// Makes the payload.
    public init(field: FieldName, from: FieldValue, to: FieldValue, reason: String? = nil) {
        precondition(from.fits(field.kind) && to.fits(field.kind), "values must fit \(field)'s kind")
        self.field = field
        self.from = from
        self.to = to
        self.reason = reason
    }

    public var event: LedgerEvent { .fieldEdited(self) }
    public var summary: String {
        let why = reason.map { " because \(LedgerFormat.quoted($0, limit: 60))" } ?? ""
        return "Edited \(field) from \(from.summaryText) to \(to.summaryText)\(why)"
    }

    private enum CodingKeys: String, CodingKey {
        case field, from, to, reason
        case old, new  // version 1
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        field = try container.decode(FieldName.self, forKey: .field)
        from = try container.decodeFieldValue(for: field, forKey: .from)
        to = try container.decodeFieldValue(for: field, forKey: .to)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encodeFieldValue(from, forKey: .from)
        try container.encodeFieldValue(to, forKey: .to)
        try container.encodeIfPresent(reason, forKey: .reason)
    }

    /// Reads version 1: `{"field":"notes","old":...,"new":...}`, without a reason.
    public static func upcast(from version: Int, payload: Data) throws -> FieldEdited {
        guard version == 1 else {
            throw LedgerError(.unsupportedSchemaVersion, "FieldEdited has no schema version \(version) (current: 2)")
        }
        return try JSONDecoder().decode(Version1.self, from: payload).upcast
    }

    /// The version 1 payload.
    private struct Version1: Decodable {
        var upcast: FieldEdited

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let field = try container.decode(FieldName.self, forKey: .field)
            upcast = FieldEdited(
                field: field,
                from: try container.decodeFieldValue(for: field, forKey: .old),
                to: try container.decodeFieldValue(for: field, forKey: .new))
        }
    }
}

/// `AutoSyncSet` (stream `contract/<id>`): the nightly sync was turned on or off for an imported contract.
public struct AutoSyncSet: LedgerEventPayload {
    public static let eventType = "AutoSyncSet"
    public static let streamCategory = StreamCategory.contract

    /// Whether the nightly sync refreshes the contract.
    public var enabled: Bool

    /// Makes the payload.
    public init(enabled: Bool) {
        self.enabled = enabled
    }

    public var event: LedgerEvent { .autoSyncSet(self) }
    public var summary: String { "Auto-sync turned \(enabled ? "on" : "off")" }
}
