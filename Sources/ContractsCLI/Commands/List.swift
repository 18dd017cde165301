import ArgumentParser
import ContractsCore
import Projections

/// `contracts list`: the LCI contracts, imported ones marked `**`.
struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lists the LCI contracts; imported contracts are marked **.")

    @OptionGroup var ledger: LedgerOptions

    @Option(help: ArgumentHelp("Only the contracts of this Autotask company.", valueName: "id"))
    var company: Int?

    @OptionGroup var format: FormatOptions

    func run() async throws {
        let contracts = try ledger.openForQueries().contracts(companyID: company)
        let table = format.format == .table
        let rows = RowSet(
            [
                ("imported", ""), ("id", "ID"), ("name", "NAME"), ("company", "COMPANY"), ("type", "TYPE"),
                ("status", "STATUS"), ("startDate", "START"), ("endDate", "END"), ("price", "PRICE"),
                ("origin", "ORIGIN"), ("assets", "ASSETS"),
            ],
            rows: contracts.map { row in
                [
                    table ? .string(row.imported ? "**" : "") : .bool(row.imported), .string(row.id), .text(row.name),
                    .text(row.companyName), .text(row.type), .text(Self.status(row)), .text(row.startDate),
                    .text(row.endDate), .text(row.price), .string(Self.origin(row)), .int(row.assetCount),
                ]
            })
        print(rows.rendered(format.format, empty: "No contracts yet; import some with `contracts import`."))
        if table, contracts.contains(where: \.imported) { print("** imported from Autotask") }
    }

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
