import Foundation

/// `AutotaskFieldChanged` (stream `contract/<id>`): a sync found a new value of an Autotask-owned field.
public struct AutotaskFieldChanged: LedgerEventPayload {
    public static let eventType = "AutotaskFieldChanged"
    public static let streamCategory = StreamCategory.contract

    /// The Autotask-owned field.
    public var field: FieldName
    /// The value LCI had.
    public var from: FieldValue
    /// The value Autotask has now.
    public var to: FieldValue
    /// The sync run.
    public var syncRun: Int

    /// Makes the payload.
    public init(field: FieldName, from: FieldValue, to: FieldValue, syncRun: Int) {
        precondition(from.fits(field.kind) && to.fits(field.kind), "values must fit \(field)'s kind")
        self.field = field
        self.from = from
        self.to = to
        self.syncRun = syncRun
    }

    public var event: LedgerEvent { .autotaskFieldChanged(self) }
    public var summary: String {
        "Autotask changed \(field) from \(from.summaryText) to \(to.summaryText)\(Self.syncSuffix(syncRun))"
    }

    private enum CodingKeys: String, CodingKey {
        case field, from, to, syncRun
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        field = try container.decode(FieldName.self, forKey: .field)
        from = try container.decodeFieldValue(for: field, forKey: .from)
        to = try container.decodeFieldValue(for: field, forKey: .to)
        syncRun = try container.decode(Int.self, forKey: .syncRun)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encodeFieldValue(from, forKey: .from)
        try container.encodeFieldValue(to, forKey: .to)
        try container.encode(syncRun, forKey: .syncRun)
    }
}

/// `MissingInAutotask` (stream `contract/<id>`): a sync did not find the contract as active.
///
/// Recorded once when it goes missing (and again only if the reason changes), not on every run.
public struct MissingInAutotask: LedgerEventPayload {
    public static let eventType = "MissingInAutotask"
    public static let streamCategory = StreamCategory.contract

    /// Why it is missing.
    public var reason: MissingReason
    /// The sync run.
    public var syncRun: Int

    /// Makes the payload.
    public init(reason: MissingReason, syncRun: Int) {
        self.reason = reason
        self.syncRun = syncRun
    }

    public var event: LedgerEvent { .missingInAutotask(self) }
    public var summary: String { "Missing in Autotask: \(reason)\(Self.syncSuffix(syncRun))" }
}

/// `FoundInAutotask` (stream `contract/<id>`): a contract that was missing is back (and active).
public struct FoundInAutotask: LedgerEventPayload {
    public static let eventType = "FoundInAutotask"
    public static let streamCategory = StreamCategory.contract

    /// The sync run.
    public var syncRun: Int

    /// Makes the payload.
    public init(syncRun: Int) {
        self.syncRun = syncRun
    }

    public var event: LedgerEvent { .foundInAutotask(self) }
    public var summary: String { "Found again in Autotask\(Self.syncSuffix(syncRun))" }
}

/// `RenewedInAutotask` (stream `contract/<id>`): Autotask renewed the contract into a new one.
///
/// Autotask renews a recurring-service contract by creating a new contract (`renewedContractID`);
/// the LCI contract keeps following the old one and records where the renewal went.
public struct RenewedInAutotask: LedgerEventPayload {
    public static let eventType = "RenewedInAutotask"
    public static let streamCategory = StreamCategory.contract

    /// The Autotask id of the renewal contract.
    public var newContractID: Int
    /// The sync run.
    public var syncRun: Int

    /// Makes the payload.
    public init(newContractID: Int, syncRun: Int) {
        self.newContractID = newContractID
        self.syncRun = syncRun
    }

    public var event: LedgerEvent { .renewedInAutotask(self) }
    public var summary: String {
        "Renewed in Autotask as contract \(newContractID)\(Self.syncSuffix(syncRun))"
    }
}
