extension SandboxData {
    /// Advances one simulated night and applies a seeded set of drifts, as a busy Autotask tenant would see:
    /// a service price, a contract end date, name and description, the units of a current period, one contract
    /// deactivated, one renewed, one configuration item linked and one unlinked.
    ///
    /// The same seed and night number give the same drifts. A drift with no candidate is skipped.
    mutating func advanceNight(now: Int64) -> [SandboxChange] {
        nights += 1
        var random = SandboxRandom(seed: seed, salt: 1000 + UInt64(nights))
        var changes: [SandboxChange] = []
        let contracts = EntitySchema.of(.contracts)
        let services = EntitySchema.of(.contractServices)
        let items = EntitySchema.of(.configurationItems)
        let statusField = contracts.index("status")
        let typeField = contracts.index("contractType")
        let renewedField = contracts.index("renewedContractID")
        func activeContracts(_ extra: (Row) -> Bool = { _ in true }) -> [Int64] {
            self[.contracts].rows.compactMap { row in
                row[statusField] == .int(1) && extra(row) ? row[0].intValue : nil
            }
        }

        // A renewal, then a deactivation of another contract.
        var untouchable: Set<Int64> = []
        let renewable = activeContracts { $0[typeField] == .int(7) && $0[renewedField].isNull }
        if !renewable.isEmpty, let result = try? renew(contractID: random.pick(renewable), now: now) {
            changes += result.changes
            untouchable.insert(result.newID)
            if let oldID = result.changes.first?.fromValue.intValue { untouchable.insert(oldID) }
        }
        let deactivatable = activeContracts().filter { !untouchable.contains($0) }
        if !deactivatable.isEmpty, let done = try? deactivate(contractID: random.pick(deactivatable), now: now) {
            changes += done
            if let id = done.first?.id { untouchable.insert(id) }
        }

        // Field edits on active contracts.
        let editable = activeContracts().filter { !untouchable.contains($0) }
        if !editable.isEmpty {
            let id = random.pick(editable)
            if let end = self[.contracts].row(id: id)?[contracts.index("endDate")],
                case .date(let millis, let zulu) = end
            {
                let day = Timestamp.adding(months: 12, to: Timestamp.day(ofMillis: millis))
                let moved = FieldValue.date(Int64(day) * Timestamp.millisPerDay, zulu: zulu)
                changes += [
                    change(.contracts, id: id, field: contracts.index("endDate"), to: moved, as: .edit, now: now)
                ]
                .compactMap { $0 }
            }
            let renamed = random.pick(editable)
            if case .string(let name) = self[.contracts].row(id: renamed)?[contracts.index("contractName")] {
                let base = name.range(of: " (rev ").map { String(name[..<$0.lowerBound]) } ?? name
                changes += [
                    change(
                        .contracts, id: renamed, field: contracts.index("contractName"),
                        to: .string("\(base) (rev \(nights))"), as: .edit, now: now)
                ].compactMap { $0 }
            }
            let described = random.pick(editable)
            changes += [
                change(
                    .contracts, id: described, field: contracts.index("description"),
                    to: .string("Terms reviewed on night \(nights)."), as: .edit, now: now)
            ].compactMap { $0 }
        }

        // A service price and the units of a current period.
        let activeSet = Set(activeContracts())
        let pricedServices = self[.contractServices].rows.compactMap { row -> Int64? in
            guard let contractID = row[services.index("contractID")].intValue, activeSet.contains(contractID) else {
                return nil
            }
            return row[0].intValue
        }
        if !pricedServices.isEmpty {
            let id = random.pick(pricedServices)
            if let price = self[.contractServices].row(id: id)?[services.index("unitPrice")].doubleValue {
                let raised = (price * (1 + Double(random.int(3...10)) / 100) * 100).rounded() / 100
                changes += ["unitPrice", "internalCurrencyUnitPrice"].compactMap {
                    change(
                        .contractServices, id: id, field: services.index($0), to: .double(raised), as: .edit, now: now)
                }
            }
            let withUnits = pricedServices.filter { currentUnitPosition(contractServiceID: $0) != nil }
            if !withUnits.isEmpty {
                let id = random.pick(withUnits)
                let unitsField = EntitySchema.of(.contractServiceUnits).index("units")
                let current =
                    currentUnitPosition(contractServiceID: id)
                    .flatMap { self[.contractServiceUnits].rows[$0][unitsField].intValue } ?? 1
                let delta = random.pick([-2, -1, 1, 2, 3])
                if let done = try? setUnits(contractServiceID: id, units: max(1, Int(current) + delta), now: now) {
                    changes += done
                }
            }
        }

        // A configuration item linked, another unlinked.
        let contractField = items.index("contractID")
        let companyField = items.index("companyID")
        var activeByCompany: [Int64: [Int64]] = [:]
        for row in self[.contracts].rows where row[statusField] == .int(1) {
            if let company = row[contracts.index("companyID")].intValue, let id = row[0].intValue {
                activeByCompany[company, default: []].append(id)
            }
        }
        let linkable = self[.configurationItems].rows.compactMap { row -> Int64? in
            guard row[contractField].isNull, let company = row[companyField].intValue, activeByCompany[company] != nil
            else { return nil }
            return row[0].intValue
        }
        var linkedNow: Int64?
        if !linkable.isEmpty {
            let id = random.pick(linkable)
            if let company = self[.configurationItems].row(id: id)?[companyField].intValue,
                let choices = activeByCompany[company],
                let done = try? link(
                    configurationItemID: id, contractID: random.pick(choices), contractServiceID: nil, now: now)
            {
                changes += done
                linkedNow = id
            }
        }
        let unlinkable = self[.configurationItems].rows.compactMap { row -> Int64? in
            row[contractField].isNull || row[0].intValue == linkedNow ? nil : row[0].intValue
        }
        if !unlinkable.isEmpty, let done = try? unlink(configurationItemID: random.pick(unlinkable), now: now) {
            changes += done
        }
        return changes
    }
}
