/// The metadata of one field (`/{Entity}/entityInformation/fields`), with its picklist if it has one.
public struct FieldInformation: Sendable, Hashable, Codable {
    /// The field's name, such as `contractType` (compare ignoring case).
    public var name: String
    /// The data type, such as `integer`, `string`, `datetime`, `double`, `boolean`.
    public var dataType: String?
    /// The maximum length of a string field.
    public var length: Int?
    /// Whether the field is required on create.
    public var isRequired: Bool?
    /// Whether the field is read-only.
    public var isReadOnly: Bool?
    /// Whether the field can be used in filters.
    public var isQueryable: Bool?
    /// Whether the field references another entity.
    public var isReference: Bool?
    /// The referenced entity, such as `Company`, when ``isReference``.
    public var referenceEntityType: String?
    /// Whether the field is a picklist.
    public var isPickList: Bool?
    /// The picklist's values, for picklist fields.
    public var picklistValues: [PicklistItem]?
    /// The field whose value filters this picklist, if any.
    public var picklistParentValueField: String?
    /// The label of a user-defined field.
    public var label: String?

    /// Creates a value.
    public init(name: String, dataType: String? = nil, isPickList: Bool? = nil, picklistValues: [PicklistItem]? = nil) {
        self.name = name
        self.dataType = dataType
        self.isPickList = isPickList
        self.picklistValues = picklistValues
    }

    /// Decodes leniently.
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        guard let name = object.string("name") else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "field without name")
            )
        }
        self.name = name
        dataType = object.string("dataType")
        length = object.int("length")
        isRequired = object.bool("isRequired")
        isReadOnly = object.bool("isReadOnly")
        isQueryable = object.bool("isQueryable")
        isReference = object.bool("isReference")
        referenceEntityType = object.string("referenceEntityType")
        isPickList = object.bool("isPickList")
        picklistValues = object.array(of: PicklistItem.self, "picklistValues")
        picklistParentValueField = object.string("picklistParentValueField")
        label = object.string("label")
    }

    /// The label of a picklist value (compared as text, so `7` and `"7"` match).
    public func label(for value: PicklistValue) -> String? {
        picklistValues?.first { $0.value == value.rawValue }?.label
    }
}

/// One value of a picklist: the stored `value` (always text) and the `label` people see.
public struct PicklistItem: Sendable, Hashable, Codable {
    /// The stored value, as text even for integer fields (`"7"`).
    public var value: String
    /// The label shown in Autotask, such as `Recurring Service`.
    public var label: String
    /// Whether this is the default value.
    public var isDefaultValue: Bool?
    /// The position in the list.
    public var sortOrder: Int?
    /// The parent value, for dependent picklists.
    public var parentValue: String?
    /// Whether the value is active.
    public var isActive: Bool?
    /// Whether Autotask defines the value (not the tenant).
    public var isSystem: Bool?

    /// Creates a value.
    public init(value: String, label: String, isActive: Bool? = true) {
        self.value = value
        self.label = label
        self.isActive = isActive
    }

    /// Decodes leniently: `value` as a string or a number.
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        guard let value = object.string("value") else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "picklist item without value")
            )
        }
        self.value = value
        label = object.string("label") ?? value
        isDefaultValue = object.bool("isDefaultValue")
        sortOrder = object.int("sortOrder")
        parentValue = object.string("parentValue")
        isActive = object.bool("isActive")
        isSystem = object.bool("isSystem")
    }
}
