import EventLog
import Foundation
import Ledger

extension LedgerStore {
    /// The contracts whose `missing_reason`, `renewed_to` or Autotask reference differ between two folded
    /// states, each with the last event between the two positions that set the new value.
    ///
    /// A followed renewal is one row (`autotaskReference`, from the old reference to the new); the
    /// renewal it followed is not reported again as `renewedTo` going back to nothing.
    func statusChanges(
        before: Database, after: Database, only: String?, positions: (from: Int64, through: Int64)
    ) throws -> [SyncDiff.FieldChange] {
        let sql = "SELECT id, missing_reason, renewed_to, reference_key FROM contracts"
        let rowsA = try Self.statusRows(before, sql)
        var changes: [SyncDiff.FieldChange] = []
        for row in try Self.statusRows(after, sql).values.sorted(by: { Self.idOrder($0.id, $1.id) }) {
            guard only == nil || row.id == only, let old = rowsA[row.id] else { continue }
            let columns = [
                (
                    "missingInAutotask", old.missing, row.missing,
                    [MissingInAutotask.eventType, FoundInAutotask.eventType]
                ),
                ("renewedTo", old.renewed, row.renewed, [RenewedInAutotask.eventType, RenewalFollowed.eventType]),
                ("autotaskReference", old.reference, row.reference, [RenewalFollowed.eventType]),
            ]
            let followed = old.reference != row.reference
            for (field, from, to, types) in columns where from != to {
                if field == "renewedTo", followed, to == nil { continue }
                let (position, type) = try lastEvent(of: types, contract: row.id, in: positions)
                changes.append(
                    .init(contract: row.id, field: field, from: from, to: to, position: position, event: type))
            }
        }
        return changes
    }

    /// The position and type of the contract's last event of one of `types` in `(from, through]`.
    private func lastEvent(
        of types: [String], contract: String, in positions: (from: Int64, through: Int64)
    ) throws -> (Int, String) {
        let stream = StreamName.contract(ContractID(contract)).rawValue
        let match = try log.events(in: stream).last {
            $0.position > positions.from && $0.position <= positions.through && types.contains($0.type)
        }
        return match.map { (Int($0.position), $0.type) } ?? (0, "?")
    }

    private static func statusRows(
        _ database: Database, _ sql: String
    ) throws -> [String: (id: String, missing: String?, renewed: String?, reference: String?)] {
        let rows = try database.makeStatement(sql).rows {
            (id: $0.text(0), missing: $0.optionalText(1), renewed: $0.optionalText(2), reference: $0.optionalText(3))
        }
        return Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
