import AutotaskSandbox
import Foundation
import Testing

@Suite("CSV that spreadsheets cannot run, tables measured in terminal cells and fitted to the terminal")
struct TablesAndCSVTests {
    /// The executable with `COLUMNS` set (or unset with nil).
    func cli(_ harness: LedgerHarness, columns: Int?) throws -> ContractsExecutable {
        var environment = harness.cli.environment
        environment["COLUMNS"] = columns.map(String.init)
        return try ContractsExecutable(folder: harness.directory.url, environment: environment)
    }

    /// The width of a line in terminal cells (CJK characters count two).
    func cells(_ line: Substring) -> Int {
        line.reduce(0) { total, character in
            let value = character.unicodeScalars.first?.value ?? 0
            return total + ((0x3000...0x9FFF).contains(value) || (0xFF00...0xFF60).contains(value) ? 2 : 1)
        }
    }

    @Test("a formula from Autotask is neutralised in CSV, --bom marks UTF-8, show's CSV holds the assets")
    func safeCSV() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        let formula = "=HYPERLINK(\"http://evil.example\",\"click\")"
        try harness.sandbox.edit("Contracts", id: 1001, ["contractName": .string(formula)])
        try harness.sandbox.edit("Contracts", id: 1002, ["contractName": .string("@SUM(A1:A9)")])
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001", "--contract", "1002"])

        let csv = try await harness.expectSuccess(["list", "--format", "csv"]).stdout
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""), "\(csv)")
        #expect(csv.contains(",'@SUM(A1:A9),"), "\(csv)")
        #expect(!csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"), "\(csv)")
        #expect(csv.contains(",15150.00,") || csv.contains(".00,"), "\(csv)")

        let bom = try await harness.expectSuccess(["list", "--format", "csv", "--bom"]).stdout
        #expect(bom.hasPrefix("\u{FEFF}id,imported,"), "\(bom.prefix(40))")
        #expect(!csv.hasPrefix("\u{FEFF}"))

        let show = try await harness.expectSuccess(["show", "LC-1", "--format", "csv"]).stdout
        let lines = show.split(separator: "\n")
        #expect(lines.first == "record,field,value,owner,assetID,assetName,serialNumber,type,product,active")
        #expect(lines.filter { $0.hasPrefix("asset,") }.count == 5, "\(show)")
        #expect(lines.contains { $0.hasPrefix("field,name,\"'=HYPERLINK") }, "\(show)")
    }

    @Test("CJK names keep columns aligned, tables fit COLUMNS (80 by default), --wide prints them whole")
    func fittedTables() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try harness.sandbox.edit("Contracts", id: 1001, ["contractName": .string("東京データセンター管理契約")])
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001", "--contract", "1002"])

        let wide = try await cli(harness, columns: 80).run(["list", "--wide", "--ledger", harness.ledger])
        #expect(wide.status == 0, "\(wide)")
        let wideLines = wide.stdout.split(separator: "\n").filter { $0.contains("LC-") || $0.hasPrefix("  ID") }
        #expect(wideLines.contains { cells($0) > 80 }, "\(wide.stdout)")
        // Aligned in cells: the company starts at the same cell on every contract line.
        let starts = wideLines.filter { $0.contains("Acme Dental") }.map { line in
            cells(line[..<line.range(of: "Acme Dental")!.lowerBound])
        }
        #expect(starts.count == 2 && Set(starts).count == 1, "\(wide.stdout)")

        for (columns, limit) in [(nil, 80), (80, 80), (100, 100)] as [(Int?, Int)] {
            let fitted = try await cli(harness, columns: columns).run(["list", "--ledger", harness.ledger])
            #expect(fitted.status == 0)
            for line in fitted.stdout.split(separator: "\n") {
                #expect(cells(line) <= limit, "COLUMNS=\(columns.map(String.init) ?? "unset"): \(line)")
            }
            #expect(fitted.stdout.contains("…"), "\(fitted.stdout)")
        }
        let browse = try await harness.expectSuccess(["browse", "--company", "101", "--wide"]).stdout
        #expect(browse.contains("15150.00"), "\(browse)")
    }

    @Test("control characters from Autotask are shown escaped; a price with more than two decimals is refused")
    func controlCharactersAndCents() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try harness.sandbox.edit("Contracts", id: 1001, ["contractName": .string("Acme\u{1B}[31mRED\nsecond line")])
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        for arguments in [["show", "LC-1"], ["list"], ["history", "LC-1"], ["import", "--company", "101"]] {
            let result = try await harness.run(arguments)
            #expect(!result.stdout.contains("\u{1B}"), "\(arguments): \(result.stdout)")
        }
        let show = try await harness.expectSuccess(["show", "LC-1"]).stdout
        #expect(show.split(separator: "\n").first == "** LC-1  Acme\\u{1B}[31mRED\\nsecond line", "\(show)")

        try await harness.expectSuccess(["create", "--set", "name=Lease", "--set", "companyID=101"])
        let refused = try await harness.expectFailure(["edit", "LC-2", "--set", "price=99.999"], status: 2)
        #expect(refused.stderr.contains("more than two decimals"), "\(refused)")
        try await harness.expectSuccess(["edit", "LC-2", "--set", "price=99.9"])
        let list = try await harness.rows(["list"])
        #expect(list.first { $0["id"] as? String == "LC-2" }?["price"] as? String == "99.90")
    }
}
