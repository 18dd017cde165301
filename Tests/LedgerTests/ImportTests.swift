import Foundation
import Ledger
import Testing

@Suite("Importing from Autotask")
struct ImportTests {
    @Test("a contract import records Autotask's values and, with Autotask primary, the contract's assets")
    func importWithAssets() throws {
        // Given Autotask is primary and nothing is imported,
        // when contract 123 is imported with items of this and another contract,
        let events = try Decisions.importContract(
            acmeContract(), assets: [asset(9, "Other", contractID: 999), asset(2, "SRV-02"), asset(1, "SRV-01")],
            as: "LC-1", settings: autotaskPrimary, index: ImportIndex())
        // then it is imported with its own assets, by ascending id.
        let fields: FieldValues = [
            .name: .text("Managed Services 2025"), .number: .text("MS-2025"), .companyID: .integer(42),
            .companyName: .text("Acme Corp"), .type: .text("Recurring Service"), .category: .text("Managed"),
            .status: .choice("Active"), .startDate: .date(day("2025-01-01")), .endDate: .date(day("2025-12-31")),
            .billingCycle: .text("Monthly"), .price: .money(amount("1200.50")),
            .description: .text("All-inclusive support"),
        ]
        #expect(
            events == [
                ContractImported(id: "LC-1", reference: .contract(123), fields: fields, companyID: 42).event,
                AssetLinked(asset: asset(1, "SRV-01")).event,
                AssetLinked(asset: asset(2, "SRV-02")).event,
            ])
        let state = given(events)
        #expect(state.isImported && state.autoSync && state.version == 3)
        #expect(state.assets.keys.sorted() == [1, 2])
    }

    @Test("with IT Glue primary, or no primary chosen, no assets are pulled")
    func noAssetsUnlessAutotaskPrimary() throws {
        for settings: LedgerSettings in [itGluePrimary, LedgerSettings()] {
            let events = try Decisions.importContract(
                acmeContract(), assets: [asset(1, "SRV-01")], as: "LC-1", settings: settings, index: ImportIndex())
            #expect(events.map(\.type) == ["ContractImported"])
        }
    }

    @Test("a repeated import is refused, naming the LCI contract")
    func repeatedContractImport() throws {
        // Given contract 123 was imported as LC-1,
        let index = ImportIndex.fold(try importedAcme())
        // when it is imported again, then the import is refused.
        let error = refusal {
            try Decisions.importContract(
                acmeContract(), assets: [], as: "LC-2", settings: autotaskPrimary, index: index)
        }
        #expect(error?.code == .alreadyImported)
        #expect(error?.message == "Autotask contract 123 is already imported as LC-1; see `contracts show LC-1`")
    }

    @Test("a service import takes name, price, units and cycle from the service, the rest from its contract")
    func serviceImport() throws {
        let events = try Decisions.importService(backupService(), of: acmeContract(), as: "LC-2", index: ImportIndex())
        #expect(events.count == 1)
        guard case .contractImported(let imported) = events.first else {
            Issue.record("expected ContractImported")
            return
        }
        #expect(imported.reference == .service(contractServiceID: 456, contractID: 123, serviceID: 789))
        #expect(imported.reference.key == "service:456")
        #expect(imported.fields[.name] == .text("Cloud Backup"))
        #expect(imported.fields[.price] == .money(15))
        #expect(imported.fields[.units] == .integer(20))
        #expect(imported.fields[.description] == .text("Per-seat backup"))
        #expect(imported.fields[.endDate] == .date(day("2025-12-31")))
        #expect(imported.fields[.companyName] == .text("Acme Corp"))
        #expect(imported.fields[.status] == .choice("Active"))
    }

    @Test("a service import pulls no assets and is refused when repeated, and so is its whole contract")
    func repeatedServiceImport() throws {
        let first = try Decisions.importService(backupService(), of: acmeContract(), as: "LC-2", index: ImportIndex())
        let index = ImportIndex.fold(first)
        let error = refusal {
            try Decisions.importService(backupService(), of: acmeContract(), as: "LC-3", index: index)
        }
        #expect(
            error?.message
                == "Autotask service 456 of contract 123 is already imported as LC-2; see `contracts show LC-2`")
        // The whole contract would count the service twice: refused too.
        #expect(
            refusal {
                try Decisions.importContract(
                    acmeContract(), assets: [], as: "LC-3", settings: autotaskPrimary, index: index)
            }?.code == .overlappingImport)
    }

    @Test("a service of another contract is refused")
    func mismatchedService() {
        var service = backupService()
        service.contractID = 999
        #expect(
            refusal { try Decisions.importService(service, of: acmeContract(), as: "LC-2", index: ImportIndex()) }?.code
                == .invalidObservation)
    }

    @Test("an import keeps what Autotask says, even an end date before the start date or blank text")
    func keepsAutotaskValues() throws {
        var contract = acmeContract(endDate: "2024-06-30")
        contract.price = .nan
        contract.category = "   "
        contract.description = ""
        let state = given(try importedAcme(contract))
        #expect(state[.endDate] == .date(day("2024-06-30")))
        #expect(state[.price] == .empty)
        #expect(state[.category] == .empty)
        #expect(state[.description] == .empty)
        // LCI fields stay editable on it despite the odd dates.
        #expect(try Decisions.edit(state, assignments("notes=check dates")).count == 1)
    }

    @Test("imported contracts' Autotask fields are owned by Autotask, the rest by LCI")
    func ownership() throws {
        let imported = given(try importedAcme())
        for field in FieldName.allCases {
            #expect(imported.owner(of: field) == (field.isAutotaskField ? .autotask : .lci))
        }
        let native = given(try createdNative(), as: "LC-5")
        #expect(native.owners.values.allSatisfy { $0 == .lci })
        #expect(ContractOrigin.copied(from: "LC-1").owner(of: .endDate) == .lci)
        #expect(AutotaskReference.contract(123).key == "contract:123")
    }
}
