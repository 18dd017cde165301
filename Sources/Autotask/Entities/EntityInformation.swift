/// What an entity supports and what the API user may do with it (`/{Entity}/entityInformation`).
public struct EntityInformation: Sendable, Hashable, Codable {
    /// The entity's name, such as `Contract`.
    public var name: String?
    /// Whether records can be created.
    public var canCreate: Bool?
    /// Whether records can be deleted.
    public var canDelete: Bool?
    /// Whether records can be queried.
    public var canQuery: Bool?
    /// Whether records can be updated.
    public var canUpdate: Bool?
    /// The user's access for creating.
    public var userAccessForCreate: AccessLevel?
    /// The user's access for deleting.
    public var userAccessForDelete: AccessLevel?
    /// The user's access for querying: ``AccessLevel/none`` means no record is visible.
    public var userAccessForQuery: AccessLevel?
    /// The user's access for updating.
    public var userAccessForUpdate: AccessLevel?
    /// Whether the entity has user-defined fields.
    public var hasUserDefinedFields: Bool?
    /// Whether the entity supports webhooks.
    public var supportsWebhookCallouts: Bool?

    /// Creates a value.
    public init(name: String? = nil, canQuery: Bool? = nil, userAccessForQuery: AccessLevel? = nil) {
        self.name = name
        self.canQuery = canQuery
        self.userAccessForQuery = userAccessForQuery
    }

    /// Decodes leniently: access levels as names or numbers.
    public init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        name = object.string("name")
        canCreate = object.bool("canCreate")
        canDelete = object.bool("canDelete")
        canQuery = object.bool("canQuery")
        canUpdate = object.bool("canUpdate")
        userAccessForCreate = object.accessLevel("userAccessForCreate")
        userAccessForDelete = object.accessLevel("userAccessForDelete")
        userAccessForQuery = object.accessLevel("userAccessForQuery")
        userAccessForUpdate = object.accessLevel("userAccessForUpdate")
        hasUserDefinedFields = object.bool("hasUserDefinedFields")
        supportsWebhookCallouts = object.bool("supportsWebhookCallouts")
    }
}
