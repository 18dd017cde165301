import Foundation
import Ledger
import Testing

@Suite("Sync reconciliation")
struct ReconcileTests {
    let acmeAssets = [asset(1, "SRV-01"), asset(2, "SRV-02")]

    @Test("a contract whose Autotask data did not change gets no events")
    func noDrift() throws {
        let state = given(try importedAcme())
        #expect(
            try Decisions.reconcile(state, with: .found(contract: acmeContract(), assets: acmeAssets), syncRun: 3)
                .isEmpty)
        // Assets not pulled (IT Glue primary): still nothing.
        #expect(try Decisions.reconcile(state, with: .found(contract: acmeContract()), syncRun: 3).isEmpty)
    }

    @Test("one AutotaskFieldChanged per Autotask field that differs, in catalogue order")
    func fieldDrift() throws {
        let state = given(try importedAcme())
        var contract = acmeContract(endDate: "2026-12-31", price: "1300")
        contract.name = "Managed Services 2026"
        contract.description = nil
        let events = try Decisions.reconcile(state, with: .found(contract: contract), syncRun: 3)
        #expect(
            events == [
                AutotaskFieldChanged(
                    field: .name, from: .text("Managed Services 2025"), to: .text("Managed Services 2026"), syncRun: 3
                ).event,
                AutotaskFieldChanged(
                    field: .endDate, from: .date(day("2025-12-31")), to: .date(day("2026-12-31")), syncRun: 3
                )
                .event,
                AutotaskFieldChanged(field: .price, from: .money(amount("1200.5")), to: .money(1300), syncRun: 3).event,
                AutotaskFieldChanged(field: .description, from: .text("All-inclusive support"), to: .empty, syncRun: 3)
                    .event,
            ])
        #expect(events[1].summary == "Autotask changed endDate from 2025-12-31 to 2026-12-31 (sync #3)")
        // Applying them leaves nothing to do on the next run.
        let after = state.evolved(byAll: events)
        #expect(try Decisions.reconcile(after, with: .found(contract: contract), syncRun: 4).isEmpty)
    }

    @Test("an LCI-owned field is never touched by a sync")
    func lciFieldsUntouched() throws {
        let state = given(
            try importedAcme() + [
                FieldEdited(field: .notes, from: .empty, to: .text("mine")).event,
                FieldEdited(field: .impact, from: .empty, to: .choice("High")).event,
            ])
        let events = try Decisions.reconcile(
            state, with: .found(contract: acmeContract(endDate: "2026-06-30")), syncRun: 3)
        #expect(events.count == 1)
        let after = state.evolved(byAll: events)
        #expect(after[.notes] == .text("mine") && after[.impact] == .choice("High"))
    }

    @Test("an inactive status is a status change only, recorded once, and so is its reactivation")
    func inactive() throws {
        let state = given(try importedAcme())
        let observation = AutotaskObservation.found(contract: acmeContract(isActive: false))
        let events = try Decisions.reconcile(state, with: observation, syncRun: 3)
        #expect(
            events == [
                AutotaskFieldChanged(field: .status, from: .choice("Active"), to: .choice("Inactive"), syncRun: 3)
                    .event
            ])
        let after = state.evolved(byAll: events)
        #expect(after.missingReason == nil)
        #expect(try Decisions.reconcile(after, with: observation, syncRun: 4).isEmpty)
        let back = try Decisions.reconcile(after, with: .found(contract: acmeContract()), syncRun: 5)
        #expect(
            back == [
                AutotaskFieldChanged(field: .status, from: .choice("Inactive"), to: .choice("Active"), syncRun: 5)
                    .event
            ])
    }

    @Test("a contract imported while inactive is not reported missing by the next sync")
    func importedInactive() throws {
        let state = given(try importedAcme(acmeContract(isActive: false)))
        #expect(
            try Decisions.reconcile(state, with: .found(contract: acmeContract(isActive: false)), syncRun: 1).isEmpty)
    }

    @Test("a deleted contract is reported missing once, and found when it comes back")
    func missingAndFound() throws {
        let state = given(try importedAcme())
        let missing = try Decisions.reconcile(state, with: .notFound(.deleted), syncRun: 3)
        #expect(missing == [MissingInAutotask(reason: .deleted, syncRun: 3).event])
        let afterMissing = state.evolved(byAll: missing)
        #expect(try Decisions.reconcile(afterMissing, with: .notFound(.deleted), syncRun: 4).isEmpty)
        // A new reason is news.
        #expect(
            try Decisions.reconcile(afterMissing, with: .notFound(.notVisible), syncRun: 4)
                == [MissingInAutotask(reason: .notVisible, syncRun: 4).event])
        let found = try Decisions.reconcile(afterMissing, with: .found(contract: acmeContract()), syncRun: 5)
        #expect(found == [FoundInAutotask(syncRun: 5).event])
        #expect(afterMissing.evolved(byAll: found).missingReason == nil)
    }

    @Test("not found as inactive is a status change to Inactive, not a disappearance")
    func notFoundInactive() throws {
        let state = given(try importedAcme())
        #expect(
            try Decisions.reconcile(state, with: .notFound(.inactive), syncRun: 2) == [
                AutotaskFieldChanged(field: .status, from: .choice("Active"), to: .choice("Inactive"), syncRun: 2)
                    .event
            ])
    }

    @Test("a deleted contract returned again but inactive is found again, and its status changes")
    func deletedThenInactive() throws {
        let state = given(try importedAcme() + [MissingInAutotask(reason: .deleted, syncRun: 1).event])
        #expect(
            try Decisions.reconcile(state, with: .found(contract: acmeContract(isActive: false)), syncRun: 2) == [
                AutotaskFieldChanged(field: .status, from: .choice("Active"), to: .choice("Inactive"), syncRun: 2)
                    .event,
                FoundInAutotask(syncRun: 2).event,
            ])
    }

    @Test("a contract an older version marked missing as inactive is found again once it is active")
    func legacyInactiveMarker() throws {
        let state = given(
            try importedAcme() + [
                AutotaskFieldChanged(field: .status, from: .choice("Active"), to: .choice("Inactive"), syncRun: 1)
                    .event,
                MissingInAutotask(reason: .inactive, syncRun: 1).event,
            ])
        #expect(
            try Decisions.reconcile(state, with: .found(contract: acmeContract(isActive: false)), syncRun: 2).isEmpty)
        #expect(
            try Decisions.reconcile(state, with: .found(contract: acmeContract()), syncRun: 2) == [
                AutotaskFieldChanged(field: .status, from: .choice("Inactive"), to: .choice("Active"), syncRun: 2)
                    .event,
                FoundInAutotask(syncRun: 2).event,
            ])
    }

    @Test("a renewal is recorded once, when renewedContractID first appears")
    func renewal() throws {
        let state = given(try importedAcme())
        let renewed = acmeContract(renewedContractID: 900)
        let events = try Decisions.reconcile(state, with: .found(contract: renewed), syncRun: 6)
        #expect(events == [RenewedInAutotask(newContractID: 900, syncRun: 6).event])
        let after = state.evolved(byAll: events)
        #expect(after.renewedTo == 900)
        #expect(try Decisions.reconcile(after, with: .found(contract: renewed), syncRun: 7).isEmpty)
        // Imported after the renewal: nothing new to say.
        let late = given(try importedAcme(renewed))
        #expect(late.renewedTo == 900)
        #expect(try Decisions.reconcile(late, with: .found(contract: renewed), syncRun: 1).isEmpty)
    }

    @Test("assets follow Autotask's set when pulled: unlinked, then linked, by id")
    func assetDrift() throws {
        let state = given(try importedAcme())
        let now = [asset(3, "SRV-03"), asset(1, "SRV-01"), asset(8, "Elsewhere", contractID: 124)]
        let events = try Decisions.reconcile(state, with: .found(contract: acmeContract(), assets: now), syncRun: 3)
        #expect(
            events == [
                AssetUnlinked(assetID: 2, name: "SRV-02", syncRun: 3).event,
                AssetLinked(asset: asset(3, "SRV-03"), syncRun: 3).event,
            ])
        #expect(state.evolved(byAll: events).assets.keys.sorted() == [1, 3])
    }

    @Test("a service-level import follows its service, ignores assets, and needs the service")
    func serviceLevel() throws {
        let state = given(
            try Decisions.importService(backupService(), of: acmeContract(), as: "LC-2", index: ImportIndex()),
            as: "LC-2")
        #expect(
            try Decisions.reconcile(
                state, with: .found(contract: acmeContract(), service: backupService(), assets: acmeAssets), syncRun: 2
            ).isEmpty)
        let events = try Decisions.reconcile(
            state,
            with: .found(contract: acmeContract(endDate: "2026-12-31"), service: backupService(price: "16", units: 25)),
            syncRun: 2)
        #expect(
            events.compactMap { event -> FieldName? in
                guard case .autotaskFieldChanged(let change) = event else { return nil }
                return change.field
            } == [.endDate, .price, .units])
        let error = refusal { try Decisions.reconcile(state, with: .found(contract: acmeContract()), syncRun: 2) }
        #expect(error?.code == .invalidObservation)
        var otherService = backupService()
        otherService.contractServiceID = 457
        #expect(
            refusal {
                try Decisions.reconcile(
                    state, with: .found(contract: acmeContract(), service: otherService), syncRun: 2)
            }?.code == .invalidObservation)
    }

    @Test("a snapshot of another contract, a native contract or a missing one is refused")
    func refusals() throws {
        let state = given(try importedAcme())
        var other = acmeContract()
        other.contractID = 124
        #expect(
            refusal { try Decisions.reconcile(state, with: .found(contract: other), syncRun: 1) }?.message
                == "LC-1 follows Autotask contract 123, not 124")
        #expect(
            refusal {
                try Decisions.reconcile(given(try createdNative(), as: "LC-5"), with: .notFound(.deleted), syncRun: 1)
            }?
            .message == "LC-5 is a native contract; only imported contracts are synced")
        #expect(
            refusal { try Decisions.reconcile(ContractState(id: "LC-9"), with: .notFound(.deleted), syncRun: 1) }?.code
                == .contractNotFound)
    }
}

extension ContractState {
    /// The state after several events.
    func evolved(byAll events: [LedgerEvent]) -> ContractState {
        events.reduce(self) { $0.evolved(by: $1) }
    }
}
