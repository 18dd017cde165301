import Foundation
import Testing

@Suite("Browsing and importing through the contracts executable")
struct BrowseAndImportTests {
    @Test("browse lists a company's contracts, with services only when asked, and records each fetch")
    func browseWithAndWithoutServices() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }

        let contracts = try await harness.rows(["browse", "--company", "101"])
        #expect(contracts.map { $0["contractID"] as? Int } == [1001, 1002])
        #expect(contracts.allSatisfy { $0["level"] as? String == "contract" })

        let withServices = try await harness.rows(["browse", "--company", "101", "--show-services"])
        let services = withServices.filter { $0["level"] as? String == "service" }
        #expect(services.map { $0["contractServiceID"] as? Int } == [3001, 3002, 3003, 3004])
        #expect(services.allSatisfy { $0["contractID"] as? Int == 1001 && $0["units"] is Int })

        let table = try await harness.expectSuccess(["browse", "--company", "101", "--show-services"])
        #expect(table.stdout.contains("Managed Workstation"))

        let log = try await harness.rows(["log"])
        let browses = log.filter { $0["type"] as? String == "ContractsBrowsed" }
        #expect(browses.count == 3)
        #expect((browses.first?["summary"] as? String)?.contains("2 contracts") == true)
        #expect((browses.first?["data"] as? [String: Any])?["companyID"] as? Int == 101)
    }

    @Test("a contract-level import pulls the contract's assets when Autotask is primary, a service import none")
    func importAtBothLevels() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }

        let contract = try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        #expect(contract.stdout.contains("as LC-1 with 5 assets"))
        let service = try await harness.expectSuccess(["import", "--company", "102", "--service", "3006"])
        #expect(service.stdout.contains("as LC-2"))

        let list = try await harness.rows(["list"])
        #expect(list.map { $0["id"] as? String } == ["LC-1", "LC-2"])
        #expect(list.allSatisfy { $0["imported"] as? Bool == true })
        #expect(list.map { $0["assetCount"] as? Int } == [5, 0])

        let shown = try await harness.object(["show", "LC-1"])
        #expect(shown["autotaskContractID"] as? Int == 1001)
        let assets = try #require(shown["assets"] as? [[String: Any]])
        #expect(assets.map { $0["assetID"] as? Int } == [5001, 5002, 5003, 5004, 5005])
        let fields = try #require(shown["fields"] as? [String: [String: Any]])
        #expect(fields["endDate"]?["owner"] as? String == "autotask")
        #expect(fields["notes"]?["owner"] as? String == "lci")

        let serviceShown = try await harness.object(["show", "LC-2"])
        #expect(serviceShown["autotaskContractServiceID"] as? Int == 3006)
        #expect((serviceShown["assets"] as? [Any])?.isEmpty == true)

        let browse = try await harness.rows(["browse", "--company", "101"])
        #expect(browse.first { $0["contractID"] as? Int == 1001 }?["importedAs"] as? String == "LC-1")
    }

    @Test("with IT Glue primary a contract-level import links no assets")
    func itGluePullsNoAssets() async throws {
        let harness = try await LedgerHarness.start(primary: "it-glue")
        defer { Task { try await harness.stop() } }

        let result = try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        #expect(result.stdout.contains("no assets"))
        let list = try await harness.rows(["list"])
        #expect(list.first?["assetCount"] as? Int == 0)
        let log = try await harness.rows(["log"])
        #expect(!log.contains { $0["type"] as? String == "AssetLinked" })
    }

    @Test("imported contracts are marked ** in the table, native ones are not")
    func importedMarker() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001", "--contract", "1002"])
        try await harness.expectSuccess(["copy", "LC-1"])

        let lines = try await harness.expectSuccess(["list"]).stdout.split(separator: "\n")
        #expect(lines.first { $0.contains("LC-1 ") }?.hasPrefix("**") == true)
        #expect(lines.first { $0.contains("LC-2 ") }?.hasPrefix("**") == true)
        #expect(lines.first { $0.contains("LC-3 ") }?.hasPrefix("**") == false)
        let list = try await harness.rows(["list"])
        #expect(list.map { $0["imported"] as? Bool } == [true, true, false])
    }

    @Test("importing what is already imported is refused, naming the LCI contract, and writes nothing")
    func repeatedImportRefused() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        try await harness.expectSuccess(["import", "--company", "102", "--service", "3006"])

        let again = try await harness.expectFailure(["import", "--company", "101", "--contract", "1001"], status: 1)
        #expect(again.stderr.contains("LC-1"))
        let mixed = try await harness.expectFailure(
            ["import", "--company", "102", "--contract", "1004", "--service", "3006"], status: 1)
        #expect(mixed.stderr.contains("LC-2"))
    }
}
