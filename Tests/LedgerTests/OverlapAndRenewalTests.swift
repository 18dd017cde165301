import Foundation
import Testing

@testable import Ledger

@Suite("Overlapping imports are refused, and renewals are followed in one event")
struct OverlapAndRenewalTests {
    /// The renewal contract 900 of contract 123: a year later, a new price.
    func renewal(renewedContractID: Int? = nil) -> AutotaskContractSnapshot {
        AutotaskContractSnapshot(
            contractID: 900, companyID: 42, companyName: "Acme Corp", name: "Managed Services 2026", number: "MS-2026",
            type: "Recurring Service", category: "Managed", isActive: true, startDate: day("2026-01-01"),
            endDate: day("2026-12-31"), billingCycle: "Monthly", price: amount("1300.00"),
            description: "All-inclusive support", renewedContractID: renewedContractID)
    }

    @Test("a service whose contract is imported whole is refused, naming the LCI contract that holds it")
    func serviceOfWholeContract() throws {
        let index = ImportIndex.fold(try importedAcme())
        let error = refusal {
            try Decisions.importService(backupService(), of: acmeContract(), as: "LC-2", index: index)
        }
        #expect(error?.code == .overlappingImport)
        #expect(error?.message.contains("covered by LC-1") == true)
        #expect(error?.message.contains("Autotask contract 123") == true)
    }

    @Test("a contract one of whose services is imported alone is refused, naming the LCI contract")
    func contractOfImportedService() throws {
        let service = try Decisions.importService(backupService(), of: acmeContract(), as: "LC-1", index: ImportIndex())
        let index = ImportIndex.fold(service)
        let error = refusal {
            try Decisions.importContract(
                acmeContract(), assets: [], as: "LC-2", settings: autotaskPrimary, index: index)
        }
        #expect(error?.code == .overlappingImport)
        #expect(error?.message.contains("imported alone as LC-1") == true)
        // Another service of the same contract is not an overlap.
        let other = AutotaskServiceSnapshot(
            contractServiceID: 457, contractID: 123, serviceID: 790, name: "Monitoring", price: amount("5.00"),
            units: 3, billingCycle: "Monthly", description: nil)
        #expect(try Decisions.importService(other, of: acmeContract(), as: "LC-2", index: index).count == 1)
    }

    @Test("following a renewal is one event that keeps LCI fields and history, and links the renewal's assets")
    func followRenewal() throws {
        let history =
            try importedAcme() + [
                FieldEdited(field: .notes, from: .empty, to: .text("call in May")).event,
                RenewedInAutotask(newContractID: 900, syncRun: 2).event,
                AssetUnlinked(assetID: 1, name: "SRV-01", syncRun: 2).event,
            ]
        let state = given(history)
        let events = try Decisions.followRenewal(
            state, renewal: renewal(), assets: [asset(1, "SRV-01", contractID: 900), asset(7, "x", contractID: 5)],
            index: ImportIndex.fold(history))
        #expect(events.count == 1)
        guard case .renewalFollowed(let followed) = events.first else {
            Issue.record("expected RenewalFollowed")
            return
        }
        #expect(followed.previousReference == .contract(123) && followed.reference == .contract(900))
        let after = state.evolved(byAll: events)
        #expect(after.reference == .contract(900) && after.renewedTo == nil)
        #expect(after[.notes] == .text("call in May"))
        #expect(after[.endDate] == .date(day("2026-12-31")) && after[.price] == .money(amount("1300.00")))
        #expect(after.assetList.map(\.id) == [1])
        #expect(after.version == state.version + 1)
        // The index moves with it: the old contract is free, the renewal is held by LC-1.
        let index = ImportIndex.fold(history + events)
        #expect(index.contract(for: .contract(900)) == "LC-1" && index.contract(for: .contract(123)) == nil)
        // Once followed there is nothing left to follow.
        #expect(
            refusal { try Decisions.followRenewal(after, renewal: renewal(), assets: [], index: index) }?.code
                == .notRenewed)
    }

    @Test("a renewal is not followed when there is none, when it is another contract, or already imported")
    func followRefusals() throws {
        let plain = given(try importedAcme())
        #expect(
            refusal { try Decisions.followRenewal(plain, renewal: renewal(), assets: nil, index: ImportIndex()) }?
                .code == .notRenewed)
        let renewed = given(try importedAcme() + [RenewedInAutotask(newContractID: 901, syncRun: 2).event])
        #expect(
            refusal { try Decisions.followRenewal(renewed, renewal: renewal(), assets: nil, index: ImportIndex()) }?
                .code == .invalidObservation)
        let toNine = given(try importedAcme() + [RenewedInAutotask(newContractID: 900, syncRun: 2).event])
        let held = ImportIndex(imports: [(.contract(900), "LC-4")])
        let error = refusal { try Decisions.followRenewal(toNine, renewal: renewal(), assets: nil, index: held) }
        #expect(error?.code == .alreadyImported && error?.message.contains("LC-4") == true)
        let native = given(try createdNative(), as: "LC-5")
        #expect(refusal { try Decisions.setRenewalFollowing(native, enabled: true) }?.code == .notImported)
        #expect(try Decisions.setRenewalFollowing(plain, enabled: false).isEmpty)
        #expect(try Decisions.setRenewalFollowing(plain, enabled: true) == [RenewalFollowingSet(enabled: true).event])
    }
}
