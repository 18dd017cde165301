import AutotaskSandbox
import Foundation

/// The demo's simulated nights in Autotask: drifts of the imported contracts, and a short summary of a night.
enum DemoNight {
    /// Drifts what the demo imported, as an Autotask user would over a day: LC-1's contract 1001 gets a
    /// new price and end date, a new asset and loses another; LC-2's service 3006 gets a new price and units.
    static func driftImported(_ sandbox: AutotaskSandbox) throws -> [SandboxChange] {
        var changes: [SandboxChange] = []
        changes += try sandbox.edit("Contracts", id: 1001, ["estimatedRevenue": .double(18_240.50)])
        changes += try sandbox.edit("Contracts", id: 1001, ["endDate": .string("2029-06-30T00:00:00Z")])
        changes += try sandbox.edit(
            "ContractServices", id: 3006, ["unitPrice": .double(7.25), "adjustedPrice": .double(7.25)])
        changes += try sandbox.setUnits(contractService: 3006, units: 44)
        changes += try sandbox.linkConfigurationItem(5006, toContract: 1001)
        changes += try sandbox.unlinkConfigurationItem(5003)
        return changes
    }

    /// A night in a few lines: each edit, link and unlink on its own line, records created or deleted
    /// counted by entity (a renewal creates dozens of service periods).
    static func summary(_ changes: [SandboxChange]) -> String {
        guard !changes.isEmpty else { return "  nothing changed" }
        var lines: [String] = []
        var counted: [String: Int] = [:]
        var countedOrder: [String] = []
        for change in changes {
            switch change.kind {
            case .create, .delete:
                let key = "\(change.kind == .create ? "created" : "deleted") \(change.entity)"
                if counted[key] == nil { countedOrder.append(key) }
                counted[key, default: 0] += 1
            case .renew:
                if change.field == "renewedContractID" {
                    lines.append("renewed Contracts \(change.id) into contract \(change.to ?? "?")")
                }
            case .link:
                guard change.field == "contractID" else { continue }
                lines.append("linked ConfigurationItems \(change.id) to contract \(change.to ?? "?")")
            case .unlink:
                guard change.field == "contractID" else { continue }
                lines.append("unlinked ConfigurationItems \(change.id) from contract \(change.from ?? "?")")
            case .edit, .deactivate, .units:
                if change.field == "internalCurrencyUnitPrice" || change.field == "lastModifiedDateTime" { continue }
                lines.append(
                    "\(change.kind.rawValue) \(change.entity) \(change.id) \(change.field ?? ""): "
                        + "\(change.from ?? "null") -> \(change.to ?? "null")")
            }
        }
        lines += countedOrder.map { "\($0): \(counted[$0]!) record\(counted[$0]! == 1 ? "" : "s")" }
        return lines.map { "  \($0)" }.joined(separator: "\n")
    }
}
