import Foundation
import Testing

@Suite("Editing and copying through the contracts executable")
struct EditAndCopyTests {
    @Test("an edit of an Autotask-owned field is refused with the field, its owner and both ways forward")
    func ownedFieldRefused() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])

        let refused = try await harness.expectFailure(["edit", "LC-1", "--set", "endDate=2030-12-31"], status: 1)
        #expect(refused.stderr.contains("endDate"))
        #expect(refused.stderr.contains("owned by Autotask"))
        #expect(refused.stderr.contains("change it in Autotask"))
        #expect(refused.stderr.contains("contracts copy LC-1"))
        try await harness.expectFailure(
            ["edit", "LC-1", "--set", "notes=fine", "--set", "name=Not allowed"], status: 1)
    }

    @Test("LCI-owned fields of an imported contract can be edited")
    func lciFieldEdited() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])

        try await harness.expectSuccess([
            "edit", "LC-1", "--set", "notes=Quarterly review, with \"quotes\"", "--set", "renewalReminder=2028-06-30",
        ])
        let shown = try await harness.object(["show", "LC-1"])
        let fields = try #require(shown["fields"] as? [String: [String: Any]])
        #expect(fields["notes"]?["value"] as? String == "Quarterly review, with \"quotes\"")
        #expect(fields["renewalReminder"]?["value"] as? String == "2028-06-30")
        let csv = try await harness.expectSuccess(["show", "LC-1", "--format", "csv"]).stdout
        #expect(csv.contains("field,notes,\"Quarterly review, with \"\"quotes\"\"\",lci"))
        let history = try await harness.rows(["history", "LC-1"])
        #expect(history.filter { $0["type"] as? String == "FieldEdited" }.count == 2)
    }

    @Test("a copy is native: every field editable, its origin recorded, the original still imported")
    func copyIsEditable() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])

        let copied = try await harness.expectSuccess(["copy", "LC-1"])
        #expect(copied.stdout.contains("LC-2"))
        try await harness.expectSuccess(["edit", "LC-2", "--set", "endDate=2030-12-31", "--set", "name=Renewal draft"])
        let copy = try await harness.object(["show", "LC-2"])
        #expect(copy["imported"] as? Bool == false)
        #expect(copy["copiedFrom"] as? String == "LC-1")
        let fields = try #require(copy["fields"] as? [String: [String: Any]])
        #expect(fields.values.allSatisfy { $0["owner"] as? String == "lci" })
        #expect(fields["endDate"]?["value"] as? String == "2030-12-31")
        let original = try await harness.object(["show", "LC-1"])
        #expect(original["imported"] as? Bool == true)
        #expect(original["autoSync"] as? Bool == true)
    }

    @Test("a contract created by hand is native and listed without the marker")
    func createNative() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess([
            "create", "--set", "name=Printer lease", "--set", "companyID=101", "--set", "companyName=Acme Dental Group",
            "--set",
            "type=Lease", "--set", "startDate=2026-01-01", "--set", "endDate=2028-12-31",
        ])
        let list = try await harness.rows(["list"])
        #expect(list.map { $0["id"] as? String } == ["LC-1"])
        #expect(list.first?["imported"] as? Bool == false)
    }
}
