extension AutotaskSandbox {
    /// Advances one simulated night and applies its seeded drifts; returns exactly what changed.
    @discardableResult
    public func advanceNight() -> [SandboxChange] {
        (try? core.mutate { data, now in data.advanceNight(now: now) }) ?? []
    }

    /// The number of nights advanced so far.
    public var nightsAdvanced: Int {
        core.data.withLock { $0.nights }
    }

    /// Edits fields of a record; `entity` is a plural or singular name in any case, field names too.
    @discardableResult
    public func edit(
        _ entity: String, id: Int64, _ fields: [String: SandboxValue]
    ) throws(SandboxAdminError) -> [SandboxChange] {
        guard let kind = EntityKind(name: entity) else { throw SandboxAdminError("Unknown entity \(entity).") }
        let members = fields.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: $0.value.json) }
        return try core.mutate { data, now throws(SandboxAdminError) in
            try data.edit(kind, id: id, fields: members, now: now)
        }
    }

    /// Renews a contract: creates its successor, copies services, units and bundles, moves its configuration items
    /// and sets `renewedContractID` on it. Returns the new contract's id and the changes.
    @discardableResult
    public func renewContract(_ id: Int64) throws(SandboxAdminError) -> (newContractID: Int64, changes: [SandboxChange])
    {
        let result = try core.mutate { data, now throws(SandboxAdminError) in try data.renew(contractID: id, now: now) }
        return (result.newID, result.changes)
    }

    /// Sets a contract's `status` to 0 (inactive).
    @discardableResult
    public func deactivateContract(_ id: Int64) throws(SandboxAdminError) -> [SandboxChange] {
        try core.mutate { data, now throws(SandboxAdminError) in try data.deactivate(contractID: id, now: now) }
    }

    /// Deletes a contract with its services, units and bundles, and unlinks its configuration items.
    @discardableResult
    public func deleteContract(_ id: Int64) throws(SandboxAdminError) -> [SandboxChange] {
        try core.mutate { data, now throws(SandboxAdminError) in try data.deleteContract(contractID: id, now: now) }
    }

    /// Links a configuration item to a contract and, optionally, one of the contract's services.
    @discardableResult
    public func linkConfigurationItem(
        _ id: Int64, toContract contractID: Int64, contractService: Int64? = nil
    ) throws(SandboxAdminError) -> [SandboxChange] {
        try core.mutate { data, now throws(SandboxAdminError) in
            try data.link(configurationItemID: id, contractID: contractID, contractServiceID: contractService, now: now)
        }
    }

    /// Unlinks a configuration item from its contract and contract service.
    @discardableResult
    public func unlinkConfigurationItem(_ id: Int64) throws(SandboxAdminError) -> [SandboxChange] {
        try core.mutate { data, now throws(SandboxAdminError) in try data.unlink(configurationItemID: id, now: now) }
    }

    /// Sets the units of a contract service for the period that contains today (price and cost follow).
    @discardableResult
    public func setUnits(contractService id: Int64, units: Int) throws(SandboxAdminError) -> [SandboxChange] {
        try core.mutate { data, now throws(SandboxAdminError) in
            try data.setUnits(contractServiceID: id, units: units, now: now)
        }
    }

    /// The number of records of an entity (plural or singular name, any case); 0 for an unknown entity.
    public func recordCount(_ entity: String) -> Int {
        guard let kind = EntityKind(name: entity) else { return 0 }
        return core.data.withLock { $0[kind].count }
    }
}
