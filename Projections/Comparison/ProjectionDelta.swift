import Ledger
import SQLite

/// What differs between the projections folded up to one position and those folded up to a later one:
/// contracts, field values, linked assets, and each contract's Autotask status.
public struct ProjectionDelta: Sendable, Hashable {
    /// A field whose value differs, with the position of the event that set the later value.
    public struct FieldChange: Sendable, Hashable {
        public var contract: ContractID
        public var field: String
        public var from: String?
        public var to: String?
        public var position: Int64
    }

    /// An asset linked on one side only, with the position of the event that linked it.
    public struct Asset: Sendable, Hashable {
        public var contract: ContractID
        public var assetID: Int
        public var name: String
        public var linkedPosition: Int64
    }

    /// A value before and after.
    public struct ValueChange: Sendable, Hashable {
        public var from: String?
        public var to: String?

        /// Whether the value differs.
        public var changed: Bool { from != to }
    }

    /// A contract whose Autotask status (missing, renewed) differs.
    public struct StatusChange: Sendable, Hashable {
        public var contract: ContractID
        /// Why it is missing in Autotask (nil when present).
        public var missingReason: ValueChange
        /// The Autotask id of its renewal contract.
        public var renewedTo: ValueChange
        /// Its import key (`contract:<id>`, `service:<id>`), which a followed renewal changes.
        public var reference: ValueChange
    }

    /// Contracts only in the later state, and only in the earlier one.
    public var contractsAdded: [ContractID] = []
    public var contractsRemoved: [ContractID] = []
    /// Fields of contracts in both states whose value differs, by contract then field order.
    public var fields: [FieldChange] = []
    /// Assets linked only in the later state (of contracts in the earlier one), and only in the earlier
    /// state (of contracts in the later one), by contract then asset id.
    public var assetsAdded: [Asset] = []
    public var assetsRemoved: [Asset] = []
    /// Contracts in both states whose missing reason, renewal or Autotask reference differs.
    public var statuses: [StatusChange] = []

    /// Compares the projections of `before` with those of `after`, optionally for one contract.
    public init(from before: ProjectionReader, to after: ProjectionReader, contract: ContractID? = nil) throws {
        let database = after.database
        let only = contract.map { DatabaseValue.text($0.rawValue) }
        try TableComparison.attaching(before.database.path, to: database, as: "before") {
            let contracts = TableComparison(
                table: "contracts", key: ["id"], compared: ["missing_reason", "renewed_to", "reference_key"])
            for row in try contracts.differences(in: database, against: "before", filter: only.map { ("id", $0) }) {
                switch (row.main, row.other) {
                case (let now?, let then?):
                    let id = now[0].description
                    let (missing, renewed) = (contracts.index(of: "missing_reason"), contracts.index(of: "renewed_to"))
                    let reference = contracts.index(of: "reference_key")
                    statuses.append(
                        StatusChange(
                            contract: ContractID(id),
                            missingReason: ValueChange(from: Self.text(then[missing]), to: Self.text(now[missing])),
                            renewedTo: ValueChange(from: Self.text(then[renewed]), to: Self.text(now[renewed])),
                            reference: ValueChange(from: Self.text(then[reference]), to: Self.text(now[reference]))))
                case (let now?, nil):
                    contractsAdded.append(ContractID(now[0].description))
                case (nil, let then?):
                    contractsRemoved.append(ContractID(then[0].description))
                case (nil, nil):
                    break
                }
            }

            let fieldTable = TableComparison(
                table: "contract_fields", key: ["contract_id", "field"], compared: ["value"],
                reading: ["changed_position", "ordinal"])
            let filter = only.map { (column: "contract_id", value: $0) }
            for row in try fieldTable.differences(in: database, against: "before", filter: filter) {
                guard let now = row.main, let then = row.other else { continue }
                fields.append(
                    FieldChange(
                        contract: ContractID(now[0].description), field: now[1].description,
                        from: Self.text(then[2]), to: Self.text(now[2]),
                        position: Self.integer(now[fieldTable.index(of: "changed_position")])))
            }

            let added = Set(contractsAdded.map(\.rawValue))
            let removed = Set(contractsRemoved.map(\.rawValue))
            let assetTable = TableComparison(
                table: "contract_assets", key: ["contract_id", "asset_id"], compared: [],
                reading: ["name", "linked_position"])
            for row in try assetTable.differences(in: database, against: "before", filter: filter) {
                func asset(_ values: [DatabaseValue]) -> Asset {
                    Asset(
                        contract: ContractID(values[0].description), assetID: Int(Self.integer(values[1])),
                        name: values[2].description, linkedPosition: Self.integer(values[3]))
                }
                // Assets of a contract added or removed between the two states are not listed apart.
                switch (row.main, row.other) {
                case (let now?, nil) where !added.contains(now[0].description): assetsAdded.append(asset(now))
                case (nil, let then?) where !removed.contains(then[0].description): assetsRemoved.append(asset(then))
                default: break
                }
            }
        }
    }

    private static func text(_ value: DatabaseValue) -> String? {
        value == .null ? nil : value.description
    }

    private static func integer(_ value: DatabaseValue) -> Int64 {
        if case .integer(let integer) = value { return integer }
        return 0
    }
}
