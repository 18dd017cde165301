extension SandboxData {
    /// Sets one value, bumping the record's last-modified time; returns the change (nil if nothing changed).
    mutating func change(
        _ kind: EntityKind, id: Int64, field: Int, to value: FieldValue, as changeKind: SandboxChange.Kind,
        now: Int64
    ) -> SandboxChange? {
        let schema = EntitySchema.of(kind)
        guard let position = self[kind].position(of: id) else { return nil }
        let old = self[kind].rows[position][field]
        guard old != value else { return nil }
        self[kind].set(value, at: position, field: field)
        if let stamp = schema.lastModifiedIndex, stamp != field {
            let zulu: Bool
            if case .date(_, let flag) = self[kind].rows[position][stamp] { zulu = flag } else { zulu = true }
            self[kind].set(.date(now, zulu: zulu), at: position, field: stamp)
        }
        let name =
            field < schema.fields.count ? schema.fields[field].name : schema.udfs[field - schema.fields.count].name
        return SandboxChange(kind, id, name, from: old, to: value, kind: changeKind)
    }

    /// Edits fields of a record from JSON values (field and UDF names in any case).
    mutating func edit(
        _ kind: EntityKind, id: Int64, fields: [JSONMember], now: Int64
    ) throws(SandboxAdminError) -> [SandboxChange] {
        let schema = EntitySchema.of(kind)
        guard let row = self[kind].row(id: id) else {
            throw SandboxAdminError("No \(kind.singularName) with id \(id).")
        }
        var planned: [(Int, FieldValue)] = []
        for member in fields {
            if let index = schema.fieldIndex(member.key) {
                guard index != 0 else { throw SandboxAdminError("The id of a record cannot be edited.") }
                planned.append((index, try Self.convert(member.value, to: schema.fields[index], current: row[index])))
            } else if let index = schema.udfIndex(member.key) {
                planned.append((index, member.value.text.map { .string($0) } ?? .null))
            } else {
                throw SandboxAdminError("Unable to find \(member.key) in the \(kind.singularName) Entity")
            }
        }
        return planned.compactMap { change(kind, id: id, field: $0.0, to: $0.1, as: .edit, now: now) }
    }

    private static func convert(
        _ value: JSONValue, to field: FieldDefinition, current: FieldValue
    ) throws(SandboxAdminError) -> FieldValue {
        if value == .null { return .null }
        let converted: FieldValue?
        switch field.type {
        case .integer, .long: converted = Lenient.int(value).map(FieldValue.int)
        case .double: converted = Lenient.double(value).map(FieldValue.double)
        case .boolean: converted = Lenient.bool(value).map(FieldValue.bool)
        case .string: converted = value.text.map(FieldValue.string)
        case .datetime:
            var zulu = true
            if case .date(_, let flag) = current { zulu = flag }
            converted = value.text.flatMap(Timestamp.parse).map { FieldValue.date($0, zulu: zulu) }
        }
        guard let converted else {
            throw SandboxAdminError("The value \(value.serialized) is not valid for \(field.name).")
        }
        return converted
    }

    /// Sets a contract's status to 0.
    mutating func deactivate(contractID: Int64, now: Int64) throws(SandboxAdminError) -> [SandboxChange] {
        let schema = EntitySchema.of(.contracts)
        guard self[.contracts].row(id: contractID) != nil else {
            throw SandboxAdminError("No contract with id \(contractID).")
        }
        return [
            change(.contracts, id: contractID, field: schema.index("status"), to: .int(0), as: .deactivate, now: now)
        ]
        .compactMap { $0 }
    }

    /// Links a configuration item to a contract and, optionally, one of its services.
    mutating func link(
        configurationItemID: Int64, contractID: Int64, contractServiceID: Int64?, now: Int64
    ) throws(SandboxAdminError) -> [SandboxChange] {
        let items = EntitySchema.of(.configurationItems)
        let services = EntitySchema.of(.contractServices)
        guard self[.configurationItems].row(id: configurationItemID) != nil else {
            throw SandboxAdminError("No configuration item with id \(configurationItemID).")
        }
        guard self[.contracts].row(id: contractID) != nil else {
            throw SandboxAdminError("No contract with id \(contractID).")
        }
        var serviceID: FieldValue = .null
        if let contractServiceID {
            guard let service = self[.contractServices].row(id: contractServiceID),
                service[services.index("contractID")] == .int(contractID)
            else { throw SandboxAdminError("Contract \(contractID) has no contract service \(contractServiceID).") }
            serviceID = service[services.index("serviceID")]
        }
        let values: [(String, FieldValue)] = [
            ("contractID", .int(contractID)), ("contractServiceID", contractServiceID.map { .int($0) } ?? .null),
            ("serviceID", serviceID),
        ]
        return values.compactMap {
            change(
                .configurationItems, id: configurationItemID, field: items.index($0.0), to: $0.1, as: .link, now: now)
        }
    }

    /// Removes a configuration item's contract, contract service and service links.
    mutating func unlink(configurationItemID: Int64, now: Int64) throws(SandboxAdminError) -> [SandboxChange] {
        let items = EntitySchema.of(.configurationItems)
        guard self[.configurationItems].row(id: configurationItemID) != nil else {
            throw SandboxAdminError("No configuration item with id \(configurationItemID).")
        }
        return ["contractID", "contractServiceID", "serviceID"].compactMap {
            change(
                .configurationItems, id: configurationItemID, field: items.index($0), to: .null, as: .unlink, now: now)
        }
    }

    /// Sets the units (and so price and cost) of a contract service's current period.
    mutating func setUnits(contractServiceID: Int64, units: Int, now: Int64) throws(SandboxAdminError)
        -> [SandboxChange]
    {
        let schema = EntitySchema.of(.contractServiceUnits)
        let services = EntitySchema.of(.contractServices)
        guard units >= 0 else { throw SandboxAdminError("Units cannot be negative.") }
        guard let service = self[.contractServices].row(id: contractServiceID) else {
            throw SandboxAdminError("No contract service with id \(contractServiceID).")
        }
        guard let position = currentUnitPosition(contractServiceID: contractServiceID) else {
            throw SandboxAdminError("Contract service \(contractServiceID) has no unit period that contains today.")
        }
        var row = self[.contractServiceUnits].rows[position]
        guard case .int(let unitID) = row[0] else { return [] }
        Self.setUnits(
            units, unitPrice: service[services.index("unitPrice")].doubleValue ?? 0,
            unitCost: service[services.index("unitCost")].doubleValue ?? 0, in: &row)
        return ["units", "price", "internalCurrencyPrice", "cost"].compactMap { name in
            let field = schema.index(name)
            return change(
                .contractServiceUnits, id: unitID, field: field, to: row[field], as: name == "units" ? .units : .edit,
                now: now)
        }
    }
}
