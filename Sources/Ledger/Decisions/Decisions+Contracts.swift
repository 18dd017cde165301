import Foundation

extension Decisions {
    /// Imports a whole Autotask contract as the LCI contract `id`.
    ///
    /// Refuses (`alreadyImported`) when the contract is already imported, and (`overlappingImport`)
    /// when one of its services is imported alone, naming the LCI contract.
    /// Produces ``ContractImported`` and, only when Autotask is the primary integration, one
    /// ``AssetLinked`` per configuration item whose `contractID` is this contract (by ascending id;
    /// other items in `assets` are ignored). Autotask's values are kept as they are, even an end date
    /// before the start date.
    public static func importContract(
        _ contract: AutotaskContractSnapshot, assets: [AutotaskAssetSnapshot], as id: ContractID,
        settings: LedgerSettings, index: ImportIndex
    ) throws(LedgerError) -> [LedgerEvent] {
        let reference = AutotaskReference.contract(contract.contractID)
        try refuseRepeatedImport(of: reference, index: index)
        var events = [
            ContractImported(
                id: id, reference: reference, fields: contract.fieldValues(), companyID: contract.companyID,
                renewedContractID: contract.renewedContractID
            ).event
        ]
        if settings.pullsAutotaskAssets {
            events += linkedAssets(assets, contractID: contract.contractID).map { AssetLinked(asset: $0).event }
        }
        return events
    }

    /// Imports one service of an Autotask contract as the LCI contract `id`; no assets are pulled.
    ///
    /// Refuses a service already imported, a service whose contract is imported whole, and a service
    /// that does not belong to `contract`.
    public static func importService(
        _ service: AutotaskServiceSnapshot, of contract: AutotaskContractSnapshot, as id: ContractID,
        index: ImportIndex
    ) throws(LedgerError) -> [LedgerEvent] {
        guard service.contractID == contract.contractID else {
            throw LedgerError(
                .invalidObservation,
                "Autotask service \(service.contractServiceID) belongs to contract \(service.contractID), "
                    + "not \(contract.contractID)")
        }
        try refuseRepeatedImport(of: service.reference, index: index)
        return [
            ContractImported(
                id: id, reference: service.reference, fields: service.fieldValues(contract: contract),
                companyID: contract.companyID, renewedContractID: contract.renewedContractID
            ).event
        ]
    }

    /// Creates a native contract by hand.
    ///
    /// `name` and `companyID` are required; `status` defaults to Active; `endDate` may not precede
    /// `startDate`; each field may be set once.
    public static func create(_ id: ContractID, assignments: [FieldAssignment]) throws(LedgerError) -> [LedgerEvent] {
        var fields = FieldValues()
        fields[.status] = .choice("Active")
        try refuseDuplicates(assignments)
        for assignment in assignments { fields[assignment.field] = assignment.value }
        for field in FieldName.allCases where field.isRequired && fields[field].isEmpty {
            throw LedgerError(.requiredField, "\(field) is required to create a contract; add --set \(field)=...")
        }
        try checkDates(fields)
        return [ContractCreated(id: id, fields: fields).event]
    }

    /// Copies any contract into the native contract `id`: every field editable, the same assets.
    ///
    /// Produces ``ContractCopied`` (with the source's id and Autotask reference) and one
    /// ``AssetLinked`` per asset of the source, all for the copy's stream; the source is untouched.
    public static func copy(_ source: ContractState, as id: ContractID) throws(LedgerError) -> [LedgerEvent] {
        try requireExisting(source)
        guard id != source.id else {
            throw LedgerError(.invalidContract, "a copy needs a new id; \(id) is the contract being copied")
        }
        let copied = ContractCopied(
            id: id, sourceID: source.id, sourceReference: source.reference, fields: source.fields)
        return [copied.event] + source.assetList.map { AssetLinked(asset: $0).event }
    }

    /// Turns the nightly sync on or off for an imported contract; nothing when already so.
    ///
    /// Refused (`notImported`) on native contracts, which have nothing to sync.
    public static func setAutoSync(_ state: ContractState, enabled: Bool) throws(LedgerError) -> [LedgerEvent] {
        try requireExisting(state)
        guard state.isImported else {
            throw LedgerError(
                .notImported,
                "\(state.id) is a native contract; auto-sync applies only to contracts imported from Autotask")
        }
        return state.autoSync == enabled ? [] : [AutoSyncSet(enabled: enabled).event]
    }

    static func requireExisting(_ state: ContractState) throws(LedgerError) {
        guard state.exists else {
            throw LedgerError(.contractNotFound, "contract \(state.id) does not exist")
        }
    }

    static func refuseDuplicates(_ assignments: [FieldAssignment]) throws(LedgerError) {
        var seen = Set<FieldName>()
        for assignment in assignments where !seen.insert(assignment.field).inserted {
            throw LedgerError(.duplicateField, "\(assignment.field) is set twice; set each field once")
        }
    }

    /// Refuses an end date before the start date.
    static func checkDates(_ fields: FieldValues) throws(LedgerError) {
        if let start = fields[.startDate].date, let end = fields[.endDate].date, end < start {
            throw LedgerError(
                .invalidContract, "endDate \(end) is before startDate \(start); a contract cannot end before it starts")
        }
    }

    /// Refuses a reference already imported, and one that overlaps an import (a service of a contract
    /// imported whole, or a contract one of whose services is imported alone), naming the LCI contract.
    ///
    /// The import decisions check it; a command importing several references checks them all first.
    public static func checkImportable(_ reference: AutotaskReference, index: ImportIndex) throws(LedgerError) {
        try refuseRepeatedImport(of: reference, index: index)
    }

    private static func refuseRepeatedImport(of reference: AutotaskReference, index: ImportIndex)
        throws(LedgerError)
    {
        if let existing = index.contract(for: reference) {
            throw LedgerError(
                .alreadyImported, "\(reference) is already imported as \(existing); see `contracts show \(existing)`")
        }
        if let overlap = index.overlap(with: reference) { throw overlapError(reference, overlap) }
    }

    /// The assets Autotask links to a contract, each once, by ascending id.
    static func linkedAssets(_ assets: [AutotaskAssetSnapshot], contractID: Int) -> [AutotaskAssetSnapshot] {
        var byID: [Int: AutotaskAssetSnapshot] = [:]
        for asset in assets where asset.contractID == contractID && byID[asset.id] == nil {
            byID[asset.id] = asset
        }
        return byID.keys.sorted().map { byID[$0]! }
    }
}
