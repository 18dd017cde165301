/// The wire data type of a field, as `entityInformation/fields` names it.
enum FieldType: String, Sendable {
    case integer
    case long
    case string
    case datetime
    case double
    case boolean
}

/// One picklist entry; `value` goes on the wire as a string.
struct PicklistValue: Sendable {
    var value: Int
    var label: String
    var isDefault = false
    var isSystem = true
}

/// One field of an entity: its name, type and metadata.
struct FieldDefinition: Sendable {
    var name: String
    var type: FieldType
    var length = 0
    var isRequired = false
    var isReadOnly = false
    var isQueryable = true
    var referenceEntityType = ""
    var picklist: [PicklistValue]?
    /// A date without time of day (the UI shows a date): stored and sent as midnight UTC.
    var isDateOnly = false

    static func integer(
        _ name: String, required: Bool = false, readOnly: Bool = false, reference: String = "",
        picklist: [PicklistValue]? = nil
    ) -> FieldDefinition {
        FieldDefinition(
            name: name, type: .integer, isRequired: required, isReadOnly: readOnly, referenceEntityType: reference,
            picklist: picklist)
    }

    static func long(_ name: String, readOnly: Bool = false, reference: String = "") -> FieldDefinition {
        FieldDefinition(name: name, type: .long, isReadOnly: readOnly, referenceEntityType: reference)
    }

    static func string(_ name: String, _ length: Int, required: Bool = false) -> FieldDefinition {
        FieldDefinition(name: name, type: .string, length: length, isRequired: required)
    }

    static func datetime(_ name: String, required: Bool = false, readOnly: Bool = false) -> FieldDefinition {
        FieldDefinition(name: name, type: .datetime, isRequired: required, isReadOnly: readOnly)
    }

    static func date(_ name: String, required: Bool = false) -> FieldDefinition {
        FieldDefinition(name: name, type: .datetime, isRequired: required, isDateOnly: true)
    }

    static func double(_ name: String, required: Bool = false) -> FieldDefinition {
        FieldDefinition(name: name, type: .double, isRequired: required)
    }

    static func boolean(_ name: String, required: Bool = false) -> FieldDefinition {
        FieldDefinition(name: name, type: .boolean, isRequired: required)
    }
}

/// A user-defined field: a display name (which may hold spaces) and a type.
struct UDFDefinition: Sendable {
    var name: String
    var type: FieldType
    var description: String
}

/// What the sandbox knows about one entity: its fields in wire order, its UDFs and what it allows.
struct EntitySchema: Sendable {
    let kind: EntityKind
    /// `id` first, then the other fields in alphabetical order, as Autotask answers.
    let fields: [FieldDefinition]
    let udfs: [UDFDefinition]
    let canCreate: Bool
    let canUpdate: Bool
    let canDelete: Bool
    let supportsWebhookCallouts: Bool
    private let fieldIndexes: [String: Int]
    private let udfIndexes: [String: Int]

    init(
        kind: EntityKind, fields: [FieldDefinition], udfs: [UDFDefinition] = [], canCreate: Bool = true,
        canUpdate: Bool = true, canDelete: Bool = false, supportsWebhookCallouts: Bool = false
    ) {
        self.kind = kind
        let id = FieldDefinition.long("id", readOnly: true)
        self.fields = [id] + fields.sorted { $0.name.lowercased() < $1.name.lowercased() }
        self.udfs = udfs
        self.canCreate = canCreate
        self.canUpdate = canUpdate
        self.canDelete = canDelete
        self.supportsWebhookCallouts = supportsWebhookCallouts
        var indexes: [String: Int] = [:]
        for (index, field) in self.fields.enumerated() { indexes[field.name.lowercased()] = index }
        self.fieldIndexes = indexes
        var udfIndexes: [String: Int] = [:]
        for (index, udf) in udfs.enumerated() { udfIndexes[udf.name.lowercased()] = self.fields.count + index }
        self.udfIndexes = udfIndexes
    }

    /// The number of values in a record: the fields, then the UDFs.
    var width: Int { fields.count + udfs.count }

    /// The row position of a field, matched case-insensitively.
    func fieldIndex(_ name: String) -> Int? {
        fieldIndexes[name.lowercased()]
    }

    /// The row position of a UDF, matched case-insensitively.
    func udfIndex(_ name: String) -> Int? {
        udfIndexes[name.lowercased()]
    }

    /// The row position of a field the sandbox itself uses; it must exist.
    func index(_ name: String) -> Int {
        guard let index = fieldIndexes[name.lowercased()] else { preconditionFailure("no field \(name)") }
        return index
    }

    /// The field, if any, that records when a record last changed.
    var lastModifiedIndex: Int? {
        switch kind {
        case .contracts: return index("lastModifiedDateTime")
        case .configurationItems: return index("lastModifiedTime")
        case .services: return index("lastModifiedDate")
        case .companies: return index("lastTrackedModifiedDateTime")
        default: return nil
        }
    }

    /// A record with every value null.
    func emptyRow() -> Row {
        Row(repeating: .null, count: width)
    }
}
