import ArgumentParser
import ContractsCore
import Ledger
import Projections

/// `contracts show`: one contract with every field and its owner, its assets and its Autotask ids.
struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Shows one contract: every field with its owner, the linked assets and the Autotask ids.",
        discussion: """
            Fields owned by autotask change only through a sync; change them in Autotask, or copy the contract \
            with `contracts copy ID` to edit every field. Fields owned by lci can be edited with `contracts edit`.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The LCI contract id, such as LC-1.", valueName: "id"))
    var contract: ContractArgument

    @OptionGroup var asOf: AsOfOptions

    @OptionGroup var format: FormatOptions

    func run() async throws {
        let store = try ledger.openForQueries()
        let snapshot = try asOf.snapshot(of: store)
        let row: ContractRow
        let state: ContractState
        let assets: [AssetRow]
        if let snapshot {
            guard let then = try snapshot.contract(contract.id) else {
                throw LedgerError(
                    .contractNotFound, "there was no contract \(contract.id) then; `contracts list --as-of` shows them")
            }
            (row, state, assets) = (then, try snapshot.contractState(contract.id), try snapshot.assets(of: contract.id))
        } else {
            row = try store.existingContract(contract.id)
            state = try store.contractState(contract.id)
            assets = try store.assets(of: contract.id)
        }
        AsOfOptions.announce(snapshot, format: format.format)
        let assetRows = RowSet(
            [
                ("assetID", "ASSET"), ("name", "NAME"), ("serialNumber", "SERIAL"), ("type", "TYPE"),
                ("product", "PRODUCT"), ("active", "ACTIVE"),
            ],
            rows: assets.map {
                [
                    .int($0.assetID), .string($0.name), .text($0.serialNumber), .text($0.type), .text($0.product),
                    .bool($0.active),
                ]
            })
        switch format.format {
        case .json:
            let fields = JSONValue.object(
                FieldName.allCases.map { field in
                    (
                        field.rawValue,
                        .object([
                            ("value", .field(state[field])), ("owner", .string(state.owner(of: field).rawValue)),
                        ])
                    )
                })
            let summary: [(String, JSONValue)] = [
                ("id", .string(row.id)), ("imported", .bool(row.imported)), ("origin", .string(row.origin.rawValue)),
                ("level", .text(row.level?.rawValue)), ("autotaskContractID", .int(row.autotaskContractID)),
                ("autotaskContractServiceID", .int(row.autotaskContractServiceID)),
                ("companyID", .int(row.companyID)), ("autoSync", .bool(row.autoSync)),
                ("followsRenewals", .bool(row.followsRenewals)),
                ("missingReason", .text(List.missingCode(row.missingReason))), ("renewedTo", .int(row.renewedTo)),
                ("copiedFrom", .text(row.copiedFrom)),
            ]
            print(JSONValue.object(summary + [("fields", fields), ("assets", assetRows.json)]).pretty())
        case .csv:
            print((format.bom ? "\u{FEFF}" : "") + Self.csv(state, assets: assets))
        case .table:
            let fieldRows = RowSet(
                [("field", "FIELD"), ("value", "VALUE"), ("owner", "OWNER")],
                rows: FieldName.allCases.map { field in
                    [
                        .string(field.rawValue), .string(Self.display(state[field])),
                        .string(state.owner(of: field).rawValue),
                    ]
                })
            print("\(row.imported ? "** " : "")\(row.id)  \(TerminalText.escaped(row.name ?? ""))")
            for line in Self.facts(row) { print("  \(line)") }
            print("")
            print(fieldRows.table(width: format.tableWidth))
            print("")
            print(assets.isEmpty ? "No linked assets." : "Linked assets (Autotask configuration items):")
            if !assets.isEmpty { print(assetRows.table(width: format.tableWidth)) }
        }
    }

    /// A value as the table shows it: money with two decimals.
    static func display(_ value: FieldValue) -> String {
        if case .money(let amount) = value { return Money.text(amount) }
        return value.description
    }

    /// One CSV with a row per field and a row per asset: `record` says which (`field` or `asset`); a field
    /// row fills `field`, `value` and `owner`, an asset row the asset columns.
    static func csv(_ state: ContractState, assets: [AssetRow]) -> String {
        var rows = RowSet([
            ("record", "RECORD"), ("field", "FIELD"), ("value", "VALUE"), ("owner", "OWNER"), ("assetID", "ASSET"),
            ("assetName", "NAME"), ("serialNumber", "SERIAL"), ("type", "TYPE"), ("product", "PRODUCT"),
            ("active", "ACTIVE"),
        ])
        for field in FieldName.allCases {
            rows.rows.append(
                [
                    .string("field"), .string(field.rawValue), .string(display(state[field])),
                    .string(state.owner(of: field).rawValue),
                ] + Array(repeating: .null, count: 6))
        }
        for asset in assets {
            rows.rows.append(
                Array(repeating: JSONValue.null, count: 4).replacing(at: 0, with: .string("asset")) + [
                    .int(asset.assetID), .string(asset.name), .text(asset.serialNumber), .text(asset.type),
                    .text(asset.product), .bool(asset.active),
                ])
        }
        return rows.csv()
    }

    static func facts(_ row: ContractRow) -> [String] {
        var lines: [String] = []
        if row.imported {
            var source = "Imported from Autotask contract \(row.autotaskContractID.map(String.init) ?? "?")"
            if let service = row.autotaskContractServiceID {
                source =
                    "Imported from Autotask service \(service) of contract \(row.autotaskContractID.map(String.init) ?? "?")"
            }
            lines.append(source + (row.companyID.map { " (company \($0))" } ?? ""))
            lines.append("Nightly sync: \(row.autoSync ? "on" : "off")")
            lines.append("In Autotask: " + (row.missingReason.map { "missing (\($0))" } ?? "present"))
            if let renewed = row.renewedTo {
                lines.append(
                    "Renewed in Autotask as contract \(renewed): "
                        + (row.followsRenewals
                            ? "the next sync follows it" : "`contracts follow-renewal \(row.id)` follows it"))
            }
            lines.append("Follows Autotask renewals: \(row.followsRenewals ? "by itself, at each sync" : "by hand")")
        } else if let source = row.copiedFrom {
            lines.append("Native LCI contract, copied from \(source); every field is editable")
        } else {
            lines.append("Native LCI contract, created by hand; every field is editable")
        }
        return lines
    }
}

extension Array {
    /// The array with the element at `index` replaced.
    fileprivate func replacing(at index: Int, with element: Element) -> [Element] {
        var copy = self
        copy[index] = element
        return copy
    }
}
