import EventLog
import Foundation
import Ledger
import Projections

/// The state at the end of one sync run against the state at the end of another.
public struct SyncDiff: Sendable, Codable, Hashable {
    /// One field whose value differs.
    public struct FieldChange: Sendable, Codable, Hashable {
        public var contract: String
        public var field: String
        public var from: String?
        public var to: String?
        /// The position of the event that set the new value, and its type.
        public var position: Int
        public var event: String
    }

    /// One asset linked or unlinked between the two runs.
    public struct AssetChange: Sendable, Codable, Hashable {
        public var contract: String
        public var assetID: Int
        public var name: String
        /// The position of the event that linked or unlinked it (0 when unknown).
        public var position: Int
    }

    public var runA: Int
    public var runB: Int
    /// The log position each state was folded up to.
    public var positionA: Int
    public var positionB: Int
    /// Contracts that exist at the end of B but not of A, and the reverse.
    public var contractsAdded: [String]
    public var contractsRemoved: [String]
    public var fields: [FieldChange]
    public var assetsAdded: [AssetChange]
    public var assetsRemoved: [AssetChange]
    /// Contracts that went missing in Autotask or came back (`missingInAutotask`: the reason, or nil
    /// when present), renewals (`renewedTo`: the Autotask id of the renewal contract) and followed
    /// renewals (`autotaskReference`: `contract:<id>` or `service:<id>` before and after).
    public var autotaskStatus: [FieldChange]

    /// Whether nothing differs.
    public var isEmpty: Bool {
        contractsAdded.isEmpty && contractsRemoved.isEmpty && fields.isEmpty && assetsAdded.isEmpty
            && assetsRemoved.isEmpty && autotaskStatus.isEmpty
    }
}

extension LedgerStore {
    /// Compares the state at the end of run `runA` with the state at the end of run `runB`, optionally
    /// for one contract.
    ///
    /// Both states are folded by the projections' own code into scratch databases, up to each run's last
    /// position (the log is read once: up to the earlier run, then a copy continues to the later one), and
    /// their tables are compared.
    public func diff(_ runA: Int, _ runB: Int, contract: ContractID? = nil) throws -> SyncDiff {
        let positionA = try endPosition(of: runA)
        let positionB = try endPosition(of: runB)
        let scratch = try DiffScratch()
        let (before, after) = try scratch.fold(log, through: positionA, and: positionB)
        let only = contract?.rawValue

        let contractsA = try Set(Self.strings(before, "SELECT id FROM contracts")).filter { only == nil || $0 == only }
        let contractsB = try Set(Self.strings(after, "SELECT id FROM contracts")).filter { only == nil || $0 == only }
        var diff = SyncDiff(
            runA: runA, runB: runB, positionA: Int(positionA), positionB: Int(positionB),
            contractsAdded: contractsB.subtracting(contractsA).sorted(by: Self.idOrder),
            contractsRemoved: contractsA.subtracting(contractsB).sorted(by: Self.idOrder), fields: [], assetsAdded: [],
            assetsRemoved: [], autotaskStatus: [])

        let fieldSQL = "SELECT contract_id, field, ordinal, value, changed_position FROM contract_fields"
        let fieldsA = try Self.fieldRows(before, fieldSQL)
        for row in try Self.fieldRows(after, fieldSQL).values where contractsA.contains(row.contract) {
            guard only == nil || row.contract == only, let old = fieldsA["\(row.contract) \(row.field)"],
                old.value != row.value
            else { continue }
            let type = try log.event(at: Int64(row.position))?.type ?? "?"
            diff.fields.append(
                .init(
                    contract: row.contract, field: row.field, from: old.value, to: row.value, position: row.position,
                    event: type))
        }
        diff.fields.sort { ($0.contract, $0.position) < ($1.contract, $1.position) }

        let assetSQL = "SELECT contract_id, asset_id, name, linked_position FROM contract_assets"
        let assetsA = try Self.assetRows(before, assetSQL)
        let assetsB = try Self.assetRows(after, assetSQL)
        for (key, asset) in assetsB where assetsA[key] == nil && contractsA.contains(asset.contract) {
            if only == nil || asset.contract == only { diff.assetsAdded.append(asset) }
        }
        for (key, asset) in assetsA where assetsB[key] == nil && contractsB.contains(asset.contract) {
            guard only == nil || asset.contract == only else { continue }
            var removed = asset
            removed.position = try unlinkPosition(asset, after: positionA, through: positionB)
            diff.assetsRemoved.append(removed)
        }
        diff.assetsAdded.sort { ($0.contract, $0.assetID) < ($1.contract, $1.assetID) }
        diff.assetsRemoved.sort { ($0.contract, $0.assetID) < ($1.contract, $1.assetID) }
        diff.autotaskStatus = try statusChanges(
            before: before, after: after, only: only, positions: (positionA, positionB))
        return diff
    }

    /// The last position of a run: its finishing event, or its stream's last event while it runs.
    func endPosition(of run: Int) throws -> Int64 {
        if let row = try syncRun(run), let finished = row.finishedPosition { return Int64(finished) }
        guard let last = try log.events(in: StreamName.sync(run).rawValue).last else {
            throw SyncError(.unknownRun, "there is no sync run #\(run); `contracts runs` lists the runs")
        }
        return last.position
    }

    private func unlinkPosition(_ asset: SyncDiff.AssetChange, after start: Int64, through end: Int64) throws -> Int {
        let stream = StreamName.contract(ContractID(asset.contract)).rawValue
        for recorded in try log.events(in: stream).reversed()
        where recorded.position > start && recorded.position <= end {
            if case .assetUnlinked(let unlinked) = try Projector.decode(recorded), unlinked.assetID == asset.assetID {
                return Int(recorded.position)
            }
        }
        return 0
    }

    private static func strings(_ database: Database, _ sql: String) throws -> [String] {
        try database.makeStatement(sql).rows { $0.text(0) }
    }

    private static func fieldRows(_ database: Database, _ sql: String) throws -> [String: (
        contract: String, field: String, value: String?, position: Int
    )] {
        let rows = try database.makeStatement(sql + " ORDER BY contract_id, ordinal").rows {
            (contract: $0.text(0), field: $0.text(1), value: $0.optionalText(3), position: $0.int(4))
        }
        return Dictionary(rows.map { ("\($0.contract) \($0.field)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static func assetRows(_ database: Database, _ sql: String) throws -> [String: SyncDiff.AssetChange] {
        let rows = try database.makeStatement(sql).rows {
            SyncDiff.AssetChange(contract: $0.text(0), assetID: $0.int(1), name: $0.text(2), position: $0.int(3))
        }
        return Dictionary(rows.map { ("\($0.contract) \($0.assetID)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `LC-2` before `LC-10`.
    ///
    /// Two `LC-<n>` ids with different numbers compare by number without Foundation's numeric string
    /// comparison, which costs about a microsecond: the audit sorts a run's ten thousand contracts.
    static func idOrder(_ lhs: String, _ rhs: String) -> Bool {
        if let left = ContractID(lhs).number, let right = ContractID(rhs).number, left != right {
            return left < right
        }
        return lhs.compare(rhs, options: .numeric) == .orderedAscending
    }
}
