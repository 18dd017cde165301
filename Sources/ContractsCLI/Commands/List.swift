import ArgumentParser
import ContractsCore
import Ledger
import Projections

/// `contracts list`: the LCI contracts, imported ones marked `**`.
struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lists the LCI contracts; imported contracts are marked **.",
        discussion: """
            JSON and CSV carry every column, with the keys documented in docs/output.md: `status` is the \
            contract's status (Active, Inactive), and `missingReason` says why Autotask no longer returns an \
            imported contract (deleted, notVisible), or is null.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: ArgumentHelp("Only the contracts of this Autotask company.", valueName: "id"))
    var company: Int?

    @OptionGroup var asOf: AsOfOptions

    @OptionGroup var format: FormatOptions

    func run() async throws {
        let store = try ledger.openForQueries()
        let snapshot = try asOf.snapshot(of: store)
        let contracts = try snapshot?.contracts(companyID: company) ?? store.contracts(companyID: company)
        AsOfOptions.announce(snapshot, format: format.format)
        let empty = "No contracts yet; import some with `contracts import`."
        guard format.format == .table else {
            print(format.render(Self.rows(contracts), empty: empty))
            return
        }
        let rows = RowSet(
            [
                ("imported", ""), ("id", "ID"), ("name", "NAME"), ("company", "COMPANY"), ("status", "STATUS"),
                ("endDate", "END"), ("price", "PRICE"), ("origin", "ORIGIN"), ("assets", "ASSETS"),
            ],
            rows: contracts.map { row in
                [
                    .string(row.imported ? "**" : ""), .string(row.id), .text(row.name), .text(row.companyName),
                    .text(Self.status(row)), .text(row.endDate), .text(Money.text(stored: row.price)),
                    .string(Self.origin(row)), .int(row.assetCount),
                ]
            })
        print(format.render(rows, empty: empty))
        if contracts.contains(where: \.imported) { print("** imported from Autotask") }
    }

    /// The documented rows for JSON and CSV (`docs/output.md`, "list").
    static func rows(_ contracts: [ContractRow]) -> RowSet {
        RowSet(
            [
                ("id", "ID"), ("imported", "IMPORTED"), ("origin", "ORIGIN"), ("level", "LEVEL"),
                ("autotaskContractID", "AUTOTASK CONTRACT"), ("autotaskContractServiceID", "AUTOTASK SERVICE"),
                ("copiedFrom", "COPIED FROM"), ("companyID", "COMPANY ID"), ("companyName", "COMPANY"),
                ("name", "NAME"), ("type", "TYPE"), ("status", "STATUS"), ("missingReason", "MISSING"),
                ("startDate", "START"), ("endDate", "END"), ("price", "PRICE"), ("billingCycle", "BILLING"),
                ("assetCount", "ASSETS"), ("autoSync", "AUTO SYNC"), ("followsRenewals", "FOLLOWS RENEWALS"),
                ("renewedTo", "RENEWED TO"),
            ],
            rows: contracts.map { row in
                [
                    .string(row.id), .bool(row.imported), .string(row.origin.rawValue), .text(row.level?.rawValue),
                    .int(row.autotaskContractID), .int(row.autotaskContractServiceID), .text(row.copiedFrom),
                    .int(row.companyID), .text(row.companyName), .text(row.name), .text(row.type), .text(row.status),
                    .text(missingCode(row.missingReason)), .text(row.startDate), .text(row.endDate),
                    .text(Money.text(stored: row.price)), .text(row.billingCycle), .int(row.assetCount),
                    .bool(row.autoSync), .bool(row.followsRenewals), .int(row.renewedTo),
                ]
            })
    }

    /// The documented code of a stored missing reason: `deleted`, `notVisible` (or `inactive`, from older ledgers).
    static func missingCode(_ stored: String?) -> String? {
        guard let stored else { return nil }
        return MissingReason.allCases.first { $0.description == stored || $0.rawValue == stored }?.rawValue ?? stored
    }

    /// The status for people: `Active`, or `Active (missing in Autotask: deleted)`.
    static func status(_ row: ContractRow) -> String? {
        if let reason = row.missingReason { return "\(row.status ?? "") (missing in Autotask: \(reason))" }
        return row.status
    }

    static func origin(_ row: ContractRow) -> String {
        if let service = row.autotaskContractServiceID, let contract = row.autotaskContractID {
            return "Autotask service \(service) of contract \(contract)"
        }
        if let contract = row.autotaskContractID, row.imported { return "Autotask contract \(contract)" }
        if let source = row.copiedFrom { return "copy of \(source)" }
        return row.origin.rawValue
    }
}
