import Foundation
import Testing

/// The documented output schema (docs/output.md), checked against every command's JSON.
enum DocumentedOutput {
    static let event: [String: OutputType] = [
        "type": .string, "position": .integer, "recordedAt": .timestamp, "by": .nullable(.string),
        "run": .nullable(.integer), "data": .any,
    ]
    static let logRow = OutputType.object(
        event.merging(["stream": .string, "version": .integer, "summary": .string]) { first, _ in first })
    static let list = OutputType.object([
        "id": .string, "imported": .bool, "origin": .oneOf(["imported", "created", "copied"]),
        "level": .nullable(.oneOf(["contract", "service"])), "autotaskContractID": .nullable(.integer),
        "autotaskContractServiceID": .nullable(.integer), "copiedFrom": .nullable(.string),
        "companyID": .nullable(.integer), "companyName": .nullable(.string), "name": .nullable(.string),
        "type": .nullable(.string), "status": .nullable(.oneOf(["Active", "Inactive"])),
        "missingReason": .nullable(.oneOf(["deleted", "notVisible", "inactive"])), "startDate": .nullable(.date),
        "endDate": .nullable(.date), "price": .nullable(.money), "billingCycle": .nullable(.string),
        "assetCount": .integer, "autoSync": .bool, "followsRenewals": .bool, "renewedTo": .nullable(.integer),
    ])
    static let asset = OutputType.object([
        "assetID": .integer, "name": .string, "serialNumber": .nullable(.string), "type": .nullable(.string),
        "product": .nullable(.string), "active": .bool,
    ])
    static let field = OutputType.object(["value": .any, "owner": .oneOf(["autotask", "lci"])])
    static let show = OutputType.object([
        "id": .string, "imported": .bool, "origin": .oneOf(["imported", "created", "copied"]),
        "level": .nullable(.oneOf(["contract", "service"])), "autotaskContractID": .nullable(.integer),
        "autotaskContractServiceID": .nullable(.integer), "companyID": .nullable(.integer), "autoSync": .bool,
        "followsRenewals": .bool, "missingReason": .nullable(.oneOf(["deleted", "notVisible", "inactive"])),
        "renewedTo": .nullable(.integer), "copiedFrom": .nullable(.string),
        "fields": .object(
            Dictionary(
                uniqueKeysWithValues: [
                    "name", "number", "companyID", "companyName", "type", "category", "status", "startDate", "endDate",
                    "billingCycle", "price", "units", "description", "notes", "renewalReminder", "impact", "vendor",
                    "location", "tags", "owner",
                ].map { ($0, field) })),
        "assets": .array(asset),
    ])
    static let browse = OutputType.object([
        "imported": .bool, "level": .oneOf(["contract", "service"]), "contractID": .integer,
        "contractServiceID": .nullable(.integer), "name": .string, "type": .nullable(.string),
        "status": .nullable(.oneOf(["Active", "Inactive"])), "startDate": .nullable(.date),
        "endDate": .nullable(.date), "price": .nullable(.money), "units": .nullable(.integer),
        "billingCycle": .nullable(.string), "importedAs": .nullable(.string), "coveredBy": .nullable(.string),
    ])
    static let companies = OutputType.object([
        "companyID": .integer, "name": .string, "number": .nullable(.string),
    ])
    static let run: [String: OutputType] = [
        "run": .integer, "trigger": .oneOf(["manual", "nightly"]), "scope": .string,
        "status": .oneOf(["running", "completed", "failed", "interrupted"]), "contractsTotal": .integer,
        "startedAt": .timestamp, "finishedAt": .nullable(.timestamp), "startedPosition": .integer,
        "finishedPosition": .nullable(.integer), "checked": .nullable(.integer), "changed": .nullable(.integer),
        "unchanged": .nullable(.integer), "missing": .nullable(.integer), "failed": .nullable(.integer),
        "requests": .integer, "durationMilliseconds": .nullable(.integer), "failureStage": .nullable(.string),
        "failureReason": .nullable(.string), "interruptedBy": .nullable(.integer),
    ]
    static let diff = OutputType.object([
        "contract": .string,
        "change": .oneOf([
            "contractAdded", "contractRemoved", "fieldChanged", "assetLinked", "assetUnlinked", "missingInAutotask",
            "foundInAutotask", "renewedInAutotask", "followedRenewal",
        ]),
        "field": .nullable(.string), "from": .any, "to": .any, "event": .nullable(.object(event)),
    ])
}

@Suite("Every command's JSON follows the documented output schema")
struct OutputSchemaTests {
    func expectSchema(
        _ type: OutputType, _ value: Any, _ command: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let problems = type.mismatches(value)
        #expect(problems.isEmpty, "\(command): \(problems.prefix(10))", sourceLocation: sourceLocation)
    }

    @Test("list, show, browse, companies, runs, diff, history, log and ledger-replay print the documented keys")
    func everyCommand() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        try await harness.expectSuccess(["import", "--company", "102", "--service", "3006"])
        try await harness.expectSuccess(["edit", "LC-1", "--set", "tags=a,b", "--set", "notes=x"])
        try await harness.expectSuccess(["copy", "LC-1"])
        try await harness.expectSuccess(["sync"])
        try harness.sandbox.edit("Contracts", id: 1001, ["estimatedRevenue": .double(1234.5)])
        try harness.sandbox.linkConfigurationItem(5006, toContract: 1001)
        try harness.sandbox.deleteContract(1004)
        try await harness.expectSuccess(["sync"])

        let list = try await harness.rows(["list"])
        expectSchema(.array(DocumentedOutput.list), list, "list")
        #expect(list.first?["price"] as? String == "1234.50")
        #expect(list.first { $0["id"] as? String == "LC-2" }?["missingReason"] as? String == "deleted")
        #expect(list.first { $0["id"] as? String == "LC-2" }?["status"] as? String == "Active")
        for id in ["LC-1", "LC-2", "LC-3"] {
            let show = try await harness.object(["show", id])
            expectSchema(DocumentedOutput.show, show, "show \(id)")
        }
        let fields = try #require(try await harness.object(["show", "LC-1"])["fields"] as? [String: [String: Any]])
        #expect(fields["companyID"]?["value"] as? Int == 101)
        #expect(fields["price"]?["value"] as? String == "1234.50")
        #expect(fields["tags"]?["value"] as? [String] == ["a", "b"])
        #expect(fields["endDate"]?["value"] as? String != nil)
        expectSchema(
            .array(DocumentedOutput.browse), try await harness.rows(["browse", "--company", "101", "--show-services"]),
            "browse")
        expectSchema(.array(DocumentedOutput.companies), try await harness.rows(["companies"]), "companies")
        expectSchema(.array(.object(DocumentedOutput.run)), try await harness.rows(["runs"]), "runs")
        let diff = try await harness.rows(["diff", "1", "2"])
        expectSchema(.array(DocumentedOutput.diff), diff, "diff")
        #expect(
            Set(diff.compactMap { $0["change"] as? String }) == ["fieldChanged", "assetLinked", "missingInAutotask"])
        let price = try #require(diff.first { $0["field"] as? String == "price" })
        #expect(price["to"] as? String == "1234.50")
        let event = try #require(price["event"] as? [String: Any])
        #expect(event["type"] as? String == "AutotaskFieldChanged" && event["run"] as? Int == 2)
        #expect((event["data"] as? [String: Any])?["to"] as? String == "1234.50")
        expectSchema(.array(DocumentedOutput.logRow), try await harness.rows(["history", "LC-1"]), "history")
        let log = try await harness.rows(["log"])
        expectSchema(.array(DocumentedOutput.logRow), log, "log")
        let imported = try #require(log.first { $0["type"] as? String == "ContractImported" })
        #expect(((imported["data"] as? [String: Any])?["fields"] as? [String: Any])?["price"] as? String == "15150.00")

        let replay = try await ReplayCommandTests.replay(harness, [harness.ledger, "--format", "json"])
        #expect(replay.status == 0, "\(replay)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) as? [String: Any])
        let runs = try #require(report["runs"] as? [[String: Any]])
        for audit in runs {
            expectSchema(.object(DocumentedOutput.run), audit["run"] ?? NSNull(), "ledger-replay run")
        }
    }
}
