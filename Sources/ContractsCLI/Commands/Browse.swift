import ArgumentParser
import ContractsCore
import Foundation
import Ledger
import Projections

/// `contracts browse`: a company's Autotask contracts (and services), with those already imported flagged.
struct Browse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lists a company's Autotask contracts, and with --show-services the services under each.",
        discussion: """
            Rows already imported are flagged with ** and name the LCI contract that holds them. Rows covered by \
            another import are flagged with (**) and name it under COVERED BY: a service whose contract is \
            imported whole, or a contract one of whose services is imported alone; importing them is refused, so \
            that no service is counted twice. Each browse \
            is recorded in the ledger (what was fetched, how many requests, a digest of the answer). With --as-of, \
            the imported and covered flags are those of that point in the ledger's history; the Autotask rows are \
            always what Autotask returns now.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: ArgumentHelp("The Autotask company id (see `contracts companies`).", valueName: "id"))
    var company: Int

    @Flag(help: "Also lists the services under each contract, with their price and current units.")
    var showServices = false

    @OptionGroup var asOf: AsOfOptions

    @OptionGroup var format: FormatOptions
    @OptionGroup var autotask: AutotaskOptions

    func validate() throws {
        guard company >= 0 else { throw ValidationError("--company must be an Autotask company id (0 or more)") }
    }

    func run() async throws {
        let store = try ledger.open()
        let (companyID, showServices) = (company, self.showServices)
        let result = try await autotask.withGateway(try store.settings()) { gateway in
            try await gateway.browse(companyID: companyID, showServices: showServices)
        }
        try store.recordBrowse(result.event)
        let snapshot = try asOf.snapshot(of: store)
        let index = try snapshot?.importIndex() ?? store.importIndex()
        AsOfOptions.announce(snapshot, format: format.format)
        let rows = Self.rows(result, index: index, table: format.format == .table)
        if format.format == .table {
            let services = showServices ? ", \(result.services.count) services" : ""
            print(
                "\(TerminalText.escaped(result.companyName)) (company \(companyID)): \(result.contracts.count) contracts\(services)"
            )
        }
        print(format.render(rows, empty: "This company has no contracts in Autotask."))
        if format.format == .table, !result.contracts.isEmpty {
            let anyImported = rows.rows.contains { $0.first == .string("**") }
            let anyCovered = rows.rows.contains { $0.first == .string("(**)") }
            print(
                (anyImported ? "** already imported. " : "")
                    + (anyCovered
                        ? "(**) covered by another import (its whole contract, or one of its services alone): "
                            + "importing it would count a service twice. " : "")
                    + "Import with `contracts import --company \(companyID) --contract ID` "
                    + (showServices ? "or `--service ID`." : "(add --show-services to import one service)."))
        }
    }

    static func rows(_ result: BrowseResult, index: ImportIndex, table: Bool) -> RowSet {
        var rows = RowSet([
            ("imported", ""), ("level", "LEVEL"), ("contractID", "CONTRACT"), ("contractServiceID", "SERVICE"),
            ("name", "NAME"), ("type", "TYPE"), ("status", "STATUS"), ("startDate", "START"), ("endDate", "END"),
            ("price", "PRICE"), ("units", "UNITS"), ("billingCycle", "BILLING"), ("importedAs", "IMPORTED AS"),
            ("coveredBy", "COVERED BY"),
        ])
        func marks(_ reference: AutotaskReference) -> (JSONValue, JSONValue, JSONValue) {
            let lci = index.contract(for: reference)
            let cover = lci == nil ? index.overlap(with: reference)?.contract : nil
            let mark: JSONValue =
                table ? .string(lci != nil ? "**" : cover != nil ? "(**)" : "") : .bool(lci != nil)
            return (mark, .text(lci?.rawValue), .text(cover?.rawValue))
        }
        let servicesByContract = Dictionary(grouping: result.services, by: \.contractID)
        for contract in result.contracts {
            let (mark, lci, cover) = marks(.contract(contract.contractID))
            rows.rows.append([
                mark, .string("contract"),
                .int(contract.contractID), .null, .string(contract.name), .string(contract.type),
                .string(contract.isActive ? "Active" : "Inactive"), .string(contract.startDate.description),
                .string(contract.endDate.description), .text(contract.price.map(Self.money)),
                .null, .text(contract.billingCycle), lci, cover,
            ])
            for service in servicesByContract[contract.contractID] ?? [] {
                let (mark, lci, cover) = marks(service.reference)
                rows.rows.append([
                    mark, .string("service"),
                    .int(contract.contractID), .int(service.contractServiceID),
                    .string(table ? "  - \(service.name)" : service.name), .null, .null, .null, .null,
                    .text(service.price.map(Self.money)), .int(service.units), .text(service.billingCycle),
                    lci, cover,
                ])
            }
        }
        return rows
    }

    static func money(_ amount: Decimal) -> String {
        var rounded = Decimal()
        var value = amount
        NSDecimalRound(&rounded, &value, 2, .bankers)
        let formatter = NumberFormatter()
        formatter.minimumFractionDigits = 2
        formatter.maximumFractionDigits = 2
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = false
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: rounded as NSDecimalNumber) ?? "\(amount)"
    }
}
