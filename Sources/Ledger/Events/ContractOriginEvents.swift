import Foundation

/// `ContractImported` (stream `contract/<id>`): an Autotask contract or service became an LCI contract.
///
/// `fields` holds the Autotask-owned values at import time; LCI-owned fields start empty.
public struct ContractImported: LedgerEventPayload {
    public static let eventType = "ContractImported"
    public static let streamCategory = StreamCategory.contract

    /// The new LCI contract.
    public var id: ContractID
    /// What was imported.
    public var reference: AutotaskReference
    /// The field values taken from Autotask.
    public var fields: FieldValues
    /// The Autotask company (also in `fields`, kept apart for projections and filters).
    public var companyID: Int
    /// The renewal contract, when Autotask had already renewed the contract at import time.
    public var renewedContractID: Int?

    /// Makes the payload.
    public init(
        id: ContractID, reference: AutotaskReference, fields: FieldValues, companyID: Int,
        renewedContractID: Int? = nil
    ) {
        self.id = id
        self.reference = reference
        self.fields = fields
        self.companyID = companyID
        self.renewedContractID = renewedContractID
    }

    public var event: LedgerEvent { .contractImported(self) }
    public var summary: String {
        "Imported \(reference) as \(id): \(fields[.name].summaryText) (company \(companyID))"
    }
}

/// `ContractCreated` (stream `contract/<id>`): a native contract was created by hand.
public struct ContractCreated: LedgerEventPayload {
    public static let eventType = "ContractCreated"
    public static let streamCategory = StreamCategory.contract

    /// The new LCI contract.
    public var id: ContractID
    /// Its initial values.
    public var fields: FieldValues

    /// Makes the payload.
    public init(id: ContractID, fields: FieldValues) {
        self.id = id
        self.fields = fields
    }

    public var event: LedgerEvent { .contractCreated(self) }
    public var summary: String { "Created \(id) in LCI: \(fields[.name].summaryText)" }
}

/// `ContractCopied` (stream `contract/<id>` of the copy): a native copy of another contract.
///
/// The copy's assets follow as ``AssetLinked`` events in the same stream.
public struct ContractCopied: LedgerEventPayload {
    public static let eventType = "ContractCopied"
    public static let streamCategory = StreamCategory.contract

    /// The new, native LCI contract.
    public var id: ContractID
    /// The contract copied.
    public var sourceID: ContractID
    /// The source's Autotask reference, when the source was imported.
    public var sourceReference: AutotaskReference?
    /// The values copied (every field of the source).
    public var fields: FieldValues

    /// Makes the payload.
    public init(id: ContractID, sourceID: ContractID, sourceReference: AutotaskReference? = nil, fields: FieldValues) {
        self.id = id
        self.sourceID = sourceID
        self.sourceReference = sourceReference
        self.fields = fields
    }

    public var event: LedgerEvent { .contractCopied(self) }
    public var summary: String {
        let imported = sourceReference.map { " (imported from \($0))" } ?? ""
        return "Copied \(sourceID)\(imported) as native contract \(id): \(fields[.name].summaryText)"
    }
}
