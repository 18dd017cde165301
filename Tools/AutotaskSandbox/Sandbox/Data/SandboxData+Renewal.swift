extension SandboxData {
    /// Renews a contract: a new contract follows it (same terms, starting the day after it ends), its services,
    /// units and bundles are copied, its configuration items move over, and `renewedContractID` is set on it.
    mutating func renew(contractID: Int64, now: Int64) throws(SandboxAdminError) -> (
        newID: Int64, changes: [SandboxChange]
    ) {
        let contracts = EntitySchema.of(.contracts)
        guard let old = self[.contracts].row(id: contractID) else {
            throw SandboxAdminError("No contract with id \(contractID).")
        }
        guard old[contracts.index("renewedContractID")].isNull else {
            throw SandboxAdminError("Contract \(contractID) has already been renewed.")
        }
        guard let start = old[contracts.index("startDate")].dateMillis.map(Timestamp.day(ofMillis:)),
            let end = old[contracts.index("endDate")].dateMillis.map(Timestamp.day(ofMillis:))
        else { throw SandboxAdminError("Contract \(contractID) has no dates.") }
        let civilStart = Timestamp.civil(days: start)
        let civilEnd = Timestamp.civil(days: end + 1)
        let months = max(1, (civilEnd.year - civilStart.year) * 12 + civilEnd.month - civilStart.month)
        let newStart = end + 1
        let newEnd = Timestamp.adding(months: months, to: newStart) - 1
        var zulu = true
        if case .date(_, let flag) = old[contracts.index("startDate")] { zulu = flag }

        var changes: [SandboxChange] = []
        let newID = self[.contracts].allocateID()
        var row = old
        row[0] = .int(newID)
        row[contracts.index("startDate")] = .date(Int64(newStart) * Timestamp.millisPerDay, zulu: zulu)
        row[contracts.index("endDate")] = .date(Int64(newEnd) * Timestamp.millisPerDay, zulu: zulu)
        row[contracts.index("contractNumber")] = .string("CN-\(Timestamp.civil(days: newStart).year)-\(newID)")
        row[contracts.index("status")] = .int(1)
        row[contracts.index("renewedContractID")] = .null
        row[contracts.index("lastModifiedDateTime")] = .date(now, zulu: zulu)
        self[.contracts].append(row)
        changes.append(SandboxChange(.contracts, newID, nil, from: .int(contractID), to: .int(newID), kind: .renew))
        if let marked = change(
            .contracts, id: contractID, field: contracts.index("renewedContractID"), to: .int(newID), as: .renew,
            now: now)
        {
            changes.append(marked)
        }

        // Services (with their current units), then bundles.
        let services = EntitySchema.of(.contractServices)
        let units = EntitySchema.of(.contractServiceUnits)
        var serviceMap: [Int64: Int64] = [:]
        for position in self[.contractServices].positions(where: services.index("contractID"), equals: contractID) {
            let service = self[.contractServices].rows[position]
            guard case .int(let oldServiceID) = service[0] else { continue }
            let currentUnits = currentUnitPosition(contractServiceID: oldServiceID).flatMap {
                self[.contractServiceUnits].rows[$0][units.index("units")].intValue
            }
            let lastUnits = self[.contractServiceUnits].positions(
                where: units.index("contractServiceID"), equals: oldServiceID
            )
            .last.flatMap { self[.contractServiceUnits].rows[$0][units.index("units")].intValue }
            var copy = service
            let newServiceID = self[.contractServices].allocateID()
            copy[0] = .int(newServiceID)
            copy[services.index("contractID")] = .int(newID)
            self[.contractServices].append(copy)
            serviceMap[oldServiceID] = newServiceID
            changes.append(
                SandboxChange(.contractServices, newServiceID, nil, from: .null, to: .int(newServiceID), kind: .create))
            for unitID in createUnitRows(contractService: copy, units: Int(currentUnits ?? lastUnits ?? 1)) {
                changes.append(
                    SandboxChange(.contractServiceUnits, unitID, nil, from: .null, to: .int(unitID), kind: .create))
            }
        }
        let bundles = EntitySchema.of(.contractServiceBundles)
        for position in self[.contractServiceBundles].positions(where: bundles.index("contractID"), equals: contractID)
        {
            var copy = self[.contractServiceBundles].rows[position]
            let bundleID = self[.contractServiceBundles].allocateID()
            copy[0] = .int(bundleID)
            copy[bundles.index("contractID")] = .int(newID)
            self[.contractServiceBundles].append(copy)
            changes.append(
                SandboxChange(.contractServiceBundles, bundleID, nil, from: .null, to: .int(bundleID), kind: .create))
        }

        // Configuration items move to the new contract and the matching new services.
        let items = EntitySchema.of(.configurationItems)
        for position in self[.configurationItems].positions(where: items.index("contractID"), equals: contractID) {
            let item = self[.configurationItems].rows[position]
            guard case .int(let itemID) = item[0] else { continue }
            let mapped = item[items.index("contractServiceID")].intValue.flatMap { serviceMap[$0] }
            if let moved = change(
                .configurationItems, id: itemID, field: items.index("contractID"), to: .int(newID), as: .link, now: now)
            {
                changes.append(moved)
            }
            if let mapped,
                let moved = change(
                    .configurationItems, id: itemID, field: items.index("contractServiceID"), to: .int(mapped),
                    as: .link,
                    now: now)
            {
                changes.append(moved)
            }
        }
        return (newID, changes)
    }

    /// Deletes a contract with its services, units and bundles; its configuration items are unlinked.
    mutating func deleteContract(contractID: Int64, now: Int64) throws(SandboxAdminError) -> [SandboxChange] {
        guard self[.contracts].row(id: contractID) != nil else {
            throw SandboxAdminError("No contract with id \(contractID).")
        }
        var changes: [SandboxChange] = []
        let items = EntitySchema.of(.configurationItems)
        for position in self[.configurationItems].positions(where: items.index("contractID"), equals: contractID) {
            guard case .int(let itemID) = self[.configurationItems].rows[position][0] else { continue }
            changes += try unlink(configurationItemID: itemID, now: now)
        }
        for kind in [EntityKind.contractServiceUnits, .contractServices, .contractServiceBundles] {
            let field = EntitySchema.of(kind).index("contractID")
            let ids = self[kind].positions(where: field, equals: contractID).compactMap {
                self[kind].rows[$0][0].intValue
            }
            for id in ids {
                self[kind].remove(id: id)
                changes.append(SandboxChange(kind, id, nil, from: .int(id), to: .null, kind: .delete))
            }
        }
        self[.contracts].remove(id: contractID)
        changes.append(SandboxChange(.contracts, contractID, nil, from: .int(contractID), to: .null, kind: .delete))
        return changes
    }
}
