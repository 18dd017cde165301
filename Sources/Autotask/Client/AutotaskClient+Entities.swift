import Foundation

extension AutotaskClient {
    /// One record by id (`/{Entity}/{id}`); `nil` when Autotask answers `{"item":null}` or 404.
    public func get<Entity: AutotaskEntity>(_ type: Entity.Type, id: Int64) async throws -> Entity? {
        let request = Request(
            target: .path("\(Entity.entityPath)/\(id)"), endpoint: Entity.entityPath, allowNotFound: true)
        let recorder = CallRecorder()
        return try await send(request, recorder: recorder) { response in
            if response.status == 404 { return nil }
            return try JSONDecoder().decode(ItemEnvelope<Entity>.self, from: Data(response.body)).item
        }
    }

    /// A child collection of a record, such as `/Contracts/{id}/Services`, every page followed.
    ///
    /// - Parameters:
    ///   - parent: The parent's entity path, such as `"Contracts"`.
    ///   - id: The parent's id.
    ///   - collection: The child path, such as `"Services"`.
    public func children<Child: AutotaskEntity>(
        _ type: Child.Type,
        of parent: String,
        id: Int64,
        collection: String
    ) async throws -> QueryResult<Child> {
        let recorder = CallRecorder()
        recorder.record { $0.batches = 1 }
        let request = Request(target: .path("\(parent)/\(id)/\(collection)"), endpoint: Child.entityPath)
        let items = try await followPages(type, request: request, recorder: recorder)
        return QueryResult(items: Self.mergedByID(items), statistics: recorder.statistics)
    }

    /// The services of a contract (`/Contracts/{id}/Services`).
    public func contractServices(ofContract id: Int64) async throws -> QueryResult<ContractService> {
        try await children(ContractService.self, of: "Contracts", id: id, collection: "Services")
    }

    /// The service units of a contract (`/Contracts/{id}/ServiceUnits`).
    public func contractServiceUnits(ofContract id: Int64) async throws -> QueryResult<ContractServiceUnit> {
        try await children(ContractServiceUnit.self, of: "Contracts", id: id, collection: "ServiceUnits")
    }

    /// The service bundles of a contract (`/Contracts/{id}/ServiceBundles`).
    public func contractServiceBundles(ofContract id: Int64) async throws -> QueryResult<ContractServiceBundle> {
        try await children(ContractServiceBundle.self, of: "Contracts", id: id, collection: "ServiceBundles")
    }

    /// What an entity supports and what the API user may do with it (`/{Entity}/entityInformation`).
    public func entityInformation(_ entity: String) async throws -> EntityInformation {
        let request = Request(target: .path("\(entity)/entityInformation"), endpoint: entity)
        return try await send(request, recorder: nil) { response in
            try JSONDecoder().decode(InfoEnvelope.self, from: Data(response.body)).info
        }
    }

    /// The fields of an entity with their picklists (`/{Entity}/entityInformation/fields`).
    public func fields(_ entity: String) async throws -> [FieldInformation] {
        let request = Request(target: .path("\(entity)/entityInformation/fields"), endpoint: entity)
        return try await send(request, recorder: nil) { response in
            try JSONDecoder().decode(FieldsEnvelope.self, from: Data(response.body)).fields
        }
    }

    /// The user-defined fields of an entity (`/{Entity}/entityInformation/userDefinedFields`); empty when the
    /// entity has none (Autotask may answer 404).
    public func userDefinedFieldDefinitions(_ entity: String) async throws -> [FieldInformation] {
        let request = Request(
            target: .path("\(entity)/entityInformation/userDefinedFields"),
            endpoint: entity,
            allowNotFound: true
        )
        return try await send(request, recorder: nil) { response in
            if response.status == 404 { return [] }
            return try JSONDecoder().decode(FieldsEnvelope.self, from: Data(response.body)).fields
        }
    }

    /// The tenant's hourly request threshold and how much of it is used (`/ThresholdInformation`).
    ///
    /// The call counts as a request itself.
    public func thresholdInformation() async throws -> ThresholdInformation {
        let request = Request(target: .path("ThresholdInformation"), endpoint: "ThresholdInformation")
        return try await send(request, recorder: nil) { response in
            try JSONDecoder().decode(ThresholdInformation.self, from: Data(response.body))
        }
    }
}
