/// One change the admin API or a simulated night made to a record.
public struct SandboxChange: Sendable, Equatable, CustomStringConvertible {
    /// What happened.
    public enum Kind: String, Sendable, CaseIterable {
        /// A field was edited.
        case edit
        /// A record was created (`field` is nil).
        case create
        /// A record was deleted (`field` is nil).
        case delete
        /// A contract's `status` went to 0.
        case deactivate
        /// A contract was renewed: the new contract is `id`, created from the contract in `from`.
        case renew
        /// A configuration item was linked to a contract or contract service.
        case link
        /// A configuration item was unlinked.
        case unlink
        /// The units of a contract service's period changed.
        case units
    }

    /// The entity's plural name, e.g. `Contracts`.
    public var entity: String
    /// The record's id.
    public var id: Int64
    /// The field that changed; nil when a whole record was created or deleted.
    public var field: String?
    /// The old value as wire text (nil for null).
    public var from: String?
    /// The new value as wire text (nil for null).
    public var to: String?
    /// What happened.
    public var kind: Kind

    var fromValue: FieldValue
    var toValue: FieldValue

    init(_ entity: EntityKind, _ id: Int64, _ field: String?, from: FieldValue, to: FieldValue, kind: Kind) {
        self.entity = entity.pluralName
        self.id = id
        self.field = field
        self.from = from.wireText
        self.to = to.wireText
        self.kind = kind
        self.fromValue = from
        self.toValue = to
    }

    /// One line: kind, entity, id, field, from and to.
    public var description: String {
        "\(kind.rawValue) \(entity) \(id) \(field ?? "-"): \(from ?? "null") -> \(to ?? "null")"
    }

    /// The change as JSON, with typed values.
    var json: JSONValue {
        .object([
            JSONMember(key: "entity", value: .string(entity)), JSONMember(key: "id", value: .int(id)),
            JSONMember(key: "field", value: field.map { .string($0) } ?? .null),
            JSONMember(key: "from", value: fromValue.json), JSONMember(key: "to", value: toValue.json),
            JSONMember(key: "kind", value: .string(kind.rawValue)),
        ])
    }
}

/// Why an admin action could not be done.
public struct SandboxAdminError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A readable reason.
    public var message: String

    init(_ message: String) {
        self.message = message
    }

    /// The reason.
    public var description: String { message }
}
