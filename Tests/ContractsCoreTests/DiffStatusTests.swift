import AutotaskSandbox
import Foundation
import Ledger
import Testing

@testable import ContractsCore

@Suite("Diffs show contracts going missing in Autotask, coming back, and renewals")
struct DiffStatusTests {
    @Test("a night that deactivates one contract and renews another shows both in the diff, with their events")
    func missingAndRenewalInDiff() async throws {
        try await SyncHarness.with { harness in
            let ids = try await harness.importContracts([1001, 1002, 1004])
            let first = try await harness.sync()
            try harness.sandbox.deactivateContract(1002)
            let renewal = try harness.sandbox.renewContract(1001).newContractID
            let second = try await harness.sync()
            try harness.sandbox.edit("Contracts", id: 1002, ["status": .int(1)])
            let third = try await harness.sync()

            let night = try harness.store.diff(first.run, second.run)
            let missing = try #require(night.autotaskStatus.first { $0.field == .missingInAutotask })
            #expect(missing.contract == ids[1].rawValue)
            #expect(missing.from == nil && missing.to == "inactive")
            let missingPosition = try #require(missing.position)
            #expect(missing.event == "MissingInAutotask" && missingPosition > night.positionA)
            let renewed = try #require(night.autotaskStatus.first { $0.field == .renewedTo })
            #expect(renewed.contract == ids[0].rawValue)
            #expect(renewed.from == nil && renewed.to == String(renewal))
            let renewedPosition = try #require(renewed.position)
            #expect(renewed.event == "RenewedInAutotask" && renewedPosition <= night.positionB)
            #expect(night.autotaskStatus.count == 2)

            let back = try harness.store.diff(second.run, third.run)
            #expect(back.autotaskStatus.count == 1)
            let found = try #require(back.autotaskStatus.first)
            #expect(found.contract == ids[1].rawValue && found.from == "inactive" && found.to == nil)
            let foundPosition = try #require(found.position)
            #expect(found.event == "FoundInAutotask" && foundPosition > back.positionA)

            let across = try harness.store.diff(first.run, third.run)
            #expect(across.autotaskStatus.map(\.field) == [.renewedTo])
            let one = try harness.store.diff(first.run, second.run, contract: ids[1])
            #expect(one.autotaskStatus.map(\.field) == [.missingInAutotask])
            #expect(try harness.store.diff(third.run, third.run).isEmpty)
        }
    }
}
