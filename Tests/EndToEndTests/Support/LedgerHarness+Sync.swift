import AutotaskSandbox
import Foundation
import Testing

/// The demo data set's contracts by company, and what the sync tests read back from the executables.
extension LedgerHarness {
    static let demoContracts: [(company: Int, contracts: [Int])] = [
        (101, [1001, 1002]), (102, [1003, 1004]), (103, [1005, 1006, 1007]), (104, [1008, 1009]),
        (105, [1010, 1011]),
    ]

    /// Imports every contract of the demo data set through `contracts import`; returns the LCI id of each
    /// Autotask contract id.
    func importDemoContracts() async throws -> [Int: String] {
        var imported: [Int: String] = [:]
        for (company, contracts) in Self.demoContracts {
            let result = try await expectSuccess(
                ["import", "--company", String(company)] + contracts.flatMap { ["--contract", String($0)] })
            for line in result.stdout.split(separator: "\n") {
                guard let match = line.firstMatch(of: /Autotask contract (\d+) .* as (LC-\d+)/),
                    let id = Int(match.1)
                else { continue }
                imported[id] = String(match.2)
            }
        }
        #expect(imported.count == Self.demoContracts.flatMap(\.contracts).count)
        return imported
    }

    /// The rows of `contracts log --format json`.
    func logRows() async throws -> [(position: Int, stream: String, type: String)] {
        try await rows(["log"]).map {
            (
                position: $0["position"] as? Int ?? 0, stream: $0["stream"] as? String ?? "",
                type: $0["type"] as? String ?? ""
            )
        }
    }

    /// The contract events written after the last event of sync run `run`'s stream so far.
    func contractEvents(afterRun run: Int) async throws -> [(position: Int, stream: String, type: String)] {
        let log = try await logRows()
        let end = log.filter { $0.stream == "sync/\(run)" }.map(\.position).max() ?? 0
        return log.filter { $0.position > end && $0.stream.hasPrefix("contract/") }
    }

    /// What a night's changes should make a sync record, one string per contract event:
    /// `LC-n field`, `LC-n renewed`, `LC-n linked ID`, `LC-n unlinked ID` (a deactivation is a status change only).
    static func expectedSyncChanges(_ changes: [SandboxChange], imported: [Int: String]) -> Set<String> {
        var expected: Set<String> = []
        let fieldNames = ["contractName": "name", "endDate": "endDate", "description": "description"]
        for change in changes where change.entity == "Contracts" {
            guard let lci = imported[Int(change.id)] else { continue }
            switch change.kind {
            case .edit:
                if let field = change.field.flatMap({ fieldNames[$0] }) { expected.insert("\(lci) \(field)") }
            case .deactivate: expected.insert("\(lci) status")
            case .renew where change.field == "renewedContractID": expected.insert("\(lci) renewed")
            default: break
            }
        }
        for change in changes where change.entity == "ConfigurationItems" && change.field == "contractID" {
            if let from = change.from.flatMap(Int.init), let lci = imported[from] {
                expected.insert("\(lci) unlinked \(change.id)")
            }
            if let to = change.to.flatMap(Int.init), let lci = imported[to] {
                expected.insert("\(lci) linked \(change.id)")
            }
        }
        return expected
    }

    /// The rows of `contracts diff A B --format json` as the strings of ``expectedSyncChanges(_:imported:)``.
    static func diffChanges(_ rows: [[String: Any]]) -> Set<String> {
        Set(
            rows.map { row -> String in
                let contract = row["contract"] as? String ?? "?"
                let change = row["change"] as? String ?? "?"
                switch change {
                case "fieldChanged": return "\(contract) \(row["field"] as? String ?? "?")"
                case "missingInAutotask": return "\(contract) missing \(row["to"] as? String ?? "?")"
                case "renewedInAutotask": return "\(contract) renewed"
                case "assetLinked":
                    return "\(contract) linked \((row["to"] as? [String: Any])?["assetID"] as? Int ?? 0)"
                case "assetUnlinked":
                    return "\(contract) unlinked \((row["from"] as? [String: Any])?["assetID"] as? Int ?? 0)"
                default: return "\(contract) \(change)"
                }
            })
    }
}
