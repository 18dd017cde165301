import AutotaskSandbox
import Foundation
import Ledger
import Testing

@testable import ContractsCore

@Suite("Diffs show contracts going missing in Autotask, coming back, and renewals")
struct DiffStatusTests {
    @Test("a night that deactivates, deletes and renews shows each once in the diff, with its event")
    func missingAndRenewalInDiff() async throws {
        try await SyncHarness.with { harness in
            let ids = try await harness.importContracts([1001, 1002, 1004])
            let first = try await harness.sync()
            try harness.sandbox.deactivateContract(1002)
            try harness.sandbox.deleteContract(1004)
            let renewal = try harness.sandbox.renewContract(1001).newContractID
            let second = try await harness.sync()
            try harness.sandbox.edit("Contracts", id: 1002, ["status": .int(1)])
            let third = try await harness.sync()

            let night = try harness.store.diff(first.run, second.run)
            let status = night.fields.filter { $0.contract == ids[1].rawValue }
            #expect(status.map(\.field) == ["status"])
            #expect(status.first?.from == "Active" && status.first?.to == "Inactive")
            #expect(!night.autotaskStatus.contains { $0.contract == ids[1].rawValue })
            let missing = try #require(night.autotaskStatus.first { $0.field == .missingInAutotask })
            #expect(missing.contract == ids[2].rawValue)
            #expect(missing.from == nil && missing.to == "deleted")
            let missingPosition = try #require(missing.position)
            #expect(missing.event == "MissingInAutotask" && missingPosition > night.positionA)
            let renewed = try #require(night.autotaskStatus.first { $0.field == .renewedTo })
            #expect(renewed.contract == ids[0].rawValue)
            #expect(renewed.from == nil && renewed.to == String(renewal))
            let renewedPosition = try #require(renewed.position)
            #expect(renewed.event == "RenewedInAutotask" && renewedPosition <= night.positionB)
            #expect(night.autotaskStatus.count == 2)

            let back = try harness.store.diff(second.run, third.run)
            #expect(back.autotaskStatus.isEmpty)
            #expect(back.fields.map(\.field) == ["status"] && back.fields.first?.to == "Active")

            let across = try harness.store.diff(first.run, third.run)
            #expect(across.autotaskStatus.map(\.field.rawValue).sorted() == ["missingInAutotask", "renewedTo"])
            let one = try harness.store.diff(first.run, second.run, contract: ids[2])
            #expect(one.autotaskStatus.map(\.field) == [.missingInAutotask])
            #expect(try harness.store.diff(third.run, third.run).isEmpty)
        }
    }
}
