import AutotaskSandbox
import Foundation
import Testing

@Suite("Overlapping imports are refused and renewals followed, through the contracts executable")
struct OverlapAndRenewalCommandTests {
    @Test("a service of a contract imported whole, and the reverse, are refused naming the LCI contract")
    func overlappingImports() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "102", "--contract", "1004"])
        let service = try await harness.expectFailure(["import", "--company", "102", "--service", "3006"], status: 1)
        #expect(service.stderr.contains("covered by LC-1"), "\(service)")
        #expect(service.stderr.contains("contract is imported whole as LC-1"), "\(service)")

        try await harness.expectSuccess(["import", "--company", "101", "--service", "3001"])
        let contract = try await harness.expectFailure(["import", "--company", "101", "--contract", "1001"], status: 1)
        #expect(contract.stderr.contains("imported alone as LC-2"), "\(contract)")
        // Both in one command: refused before anything is written.
        let both = try await harness.expectFailure(
            ["import", "--company", "103", "--contract", "1006", "--service", "3008"], status: 1)
        #expect(both.stderr.contains("overlap: the service would be counted twice"), "\(both)")

        let rows = try await harness.rows(["browse", "--company", "102", "--show-services"])
        let covered = rows.filter { $0["coveredBy"] as? String == "LC-1" }
        #expect(
            Set(covered.compactMap { $0["contractServiceID"] as? Int }) == [3005, 3006, 3007], "\(rows)")
        #expect(
            rows.first { $0["contractID"] as? Int == 1004 && $0["level"] as? String == "contract" }?["importedAs"]
                as? String == "LC-1")
        let table = try await harness.expectSuccess(["browse", "--company", "101", "--show-services"]).stdout
        #expect(table.contains("(**)") && table.contains("covered by another import"), "\(table)")
    }

    @Test("follow-renewal moves a contract onto its renewal in one event; diff and history show the move")
    func followRenewal() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        try await harness.expectSuccess(["edit", "LC-1", "--set", "notes=Call the practice manager"])
        let before = try await harness.object(["show", "LC-1"])
        try await harness.expectSuccess(["sync"])
        let refused = try await harness.expectFailure(["follow-renewal", "LC-1"], status: 1)
        #expect(refused.stderr.contains("has not been renewed"), "\(refused)")

        let renewal = try harness.sandbox.renewContract(1001).newContractID
        let sync = try await harness.expectSuccess(["sync"])
        #expect(sync.stdout.contains("Renewed in Autotask as contract \(renewal)"), "\(sync)")
        let followed = try await harness.expectSuccess(["follow-renewal", "LC-1"])
        #expect(
            followed.stdout.contains(
                "Followed the renewal from Autotask contract 1001 to Autotask contract \(renewal)"),
            "\(followed)")

        let after = try await harness.object(["show", "LC-1"])
        #expect(after["autotaskContractID"] as? Int == Int(renewal), "\(after)")
        #expect((after["assets"] as? [Any])?.count == (before["assets"] as? [Any])?.count, "\(after)")
        let history = try await harness.expectSuccess(["history", "LC-1"]).stdout
        #expect(history.contains("Renewed in Autotask") && history.contains("Followed the renewal"), "\(history)")
        #expect(history.contains("Imported Autotask contract 1001"), "\(history)")
        let show = try await harness.expectSuccess(["show", "LC-1"]).stdout
        #expect(show.contains("Call the practice manager"), "\(show)")
        let log = try await harness.logRows()
        #expect(log.filter { $0.type == "RenewalFollowed" }.count == 1)

        try await harness.expectSuccess(["sync"])
        let diff = try await harness.rows(["diff", "2", "3"])
        let moves = diff.filter { $0["change"] as? String == "followedRenewal" }
        #expect(moves.count == 1, "\(diff)")
        #expect(
            moves.first?["from"] as? String == "contract:1001" && moves.first?["to"] as? String == "contract:\(renewal)"
        )
        #expect(!diff.contains { $0["change"] as? String == "renewedInAutotask" }, "\(diff)")
        // The old contract is free again; the renewal is held by LC-1.
        let again = try await harness.expectFailure(
            ["import", "--company", "101", "--contract", String(renewal)], status: 1)
        #expect(again.stderr.contains("already imported as LC-1"), "\(again)")
    }

    @Test("with --auto on the sync follows a renewal by itself, in the run that finds it")
    func automaticFollowing() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "102", "--contract", "1004"])
        let on = try await harness.expectSuccess(["follow-renewal", "LC-1", "--auto", "on"])
        #expect(on.stdout.contains("follows Autotask renewals by itself"), "\(on)")
        try await harness.expectSuccess(["sync"])
        let renewal = try harness.sandbox.renewContract(1004).newContractID
        let sync = try await harness.expectSuccess(["sync", "--trigger", "nightly"])
        #expect(sync.stdout.contains("Followed the renewal"), "\(sync)")
        let show = try await harness.object(["show", "LC-1"])
        #expect(show["autotaskContractID"] as? Int == Int(renewal) && show["followsRenewals"] as? Bool == true)
        let diff = try await harness.rows(["diff", "1", "2"])
        #expect(diff.filter { $0["change"] as? String == "followedRenewal" }.count == 1, "\(diff)")
        #expect(try await harness.rows(["diff", "2", "2"]).isEmpty)
    }
}
