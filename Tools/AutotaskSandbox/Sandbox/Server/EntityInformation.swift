/// The bodies of `entityInformation`, `entityInformation/fields` and `entityInformation/userDefinedFields`.
enum EntityInformation {
    static func info(_ schema: EntitySchema, permissions: SandboxPermissions) -> JSONValue {
        let access = schema.kind.isContractScoped ? permissions.accessLevel : "All"
        func level(_ allowed: Bool) -> JSONValue { .string(allowed ? access : "None") }
        return .object([
            .init(
                key: "info",
                value: .object([
                    .init(key: "name", value: .string(schema.kind.singularName)),
                    .init(key: "canCreate", value: .bool(schema.canCreate)),
                    .init(key: "canDelete", value: .bool(schema.canDelete)),
                    .init(key: "canQuery", value: .bool(true)), .init(key: "canUpdate", value: .bool(schema.canUpdate)),
                    .init(key: "userAccessForCreate", value: level(schema.canCreate)),
                    .init(key: "userAccessForDelete", value: level(schema.canDelete)),
                    .init(key: "userAccessForQuery", value: level(true)),
                    .init(key: "userAccessForUpdate", value: level(schema.canUpdate)),
                    .init(key: "hasUserDefinedFields", value: .bool(!schema.udfs.isEmpty)),
                    .init(key: "supportsWebhookCallouts", value: .bool(schema.supportsWebhookCallouts)),
                ])
            )
        ])
    }

    static func fields(_ schema: EntitySchema) -> JSONValue {
        .object([
            .init(
                key: "fields",
                value: .array(
                    schema.fields.map { field in
                        .object([
                            .init(key: "name", value: .string(field.name)),
                            .init(key: "dataType", value: .string(field.type.rawValue)),
                            .init(key: "length", value: .int(Int64(field.length))),
                            .init(key: "isRequired", value: .bool(field.isRequired)),
                            .init(key: "isReadOnly", value: .bool(field.isReadOnly)),
                            .init(key: "isQueryable", value: .bool(field.isQueryable)),
                            .init(key: "isReference", value: .bool(!field.referenceEntityType.isEmpty)),
                            .init(key: "referenceEntityType", value: .string(field.referenceEntityType)),
                            .init(key: "isPickList", value: .bool(field.picklist != nil)),
                            .init(key: "picklistValues", value: field.picklist.map(picklistJSON) ?? .null),
                            .init(key: "picklistParentValueField", value: .string("")),
                            .init(key: "isSupportedWebhookField", value: .bool(schema.supportsWebhookCallouts)),
                        ])
                    }))
        ])
    }

    static func userDefinedFields(_ schema: EntitySchema) -> JSONValue {
        .object([
            .init(
                key: "fields",
                value: .array(
                    schema.udfs.map { udf in
                        .object([
                            .init(key: "name", value: .string(udf.name)), .init(key: "label", value: .string(udf.name)),
                            .init(key: "type", value: .string(udf.type.rawValue)),
                            .init(key: "length", value: .int(udf.type == .string ? 100 : 0)),
                            .init(key: "description", value: .string(udf.description)),
                            .init(key: "isRequired", value: .bool(false)),
                            .init(key: "isReadOnly", value: .bool(false)),
                            .init(key: "isQueryable", value: .bool(true)),
                            .init(key: "isReference", value: .bool(false)),
                            .init(key: "referenceEntityType", value: .string("")),
                            .init(key: "isPickList", value: .bool(false)), .init(key: "picklistValues", value: .null),
                            .init(key: "picklistParentValueField", value: .string("")),
                            .init(key: "defaultValue", value: .null),
                            .init(key: "isSupportedWebhookField", value: .bool(false)),
                        ])
                    }))
        ])
    }

    private static func picklistJSON(_ values: [PicklistValue]) -> JSONValue {
        .array(
            values.enumerated().map { offset, entry in
                .object([
                    .init(key: "value", value: .string(String(entry.value))),
                    .init(key: "label", value: .string(entry.label)),
                    .init(key: "isDefaultValue", value: .bool(entry.isDefault)),
                    .init(key: "sortOrder", value: .int(Int64(offset))), .init(key: "parentValue", value: .string("")),
                    .init(key: "isActive", value: .bool(true)), .init(key: "isSystem", value: .bool(entry.isSystem)),
                ])
            })
    }
}
