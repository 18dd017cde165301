import Foundation
import Ledger
import Testing

@Suite("Editing, creating, copying")
struct EditTests {
    @Test("an LCI field of an imported contract is edited")
    func editLCIField() throws {
        let state = given(try importedAcme())
        let events = try Decisions.edit(state, assignments("notes=Call before renewal", "impact=high"))
        #expect(
            events == [
                FieldEdited(field: .notes, from: .empty, to: .text("Call before renewal")).event,
                FieldEdited(field: .impact, from: .empty, to: .choice("High")).event,
            ])
        let after = state.evolved(by: events[0]).evolved(by: events[1])
        #expect(after[.notes] == .text("Call before renewal") && after.version == state.version + 2)
    }

    @Test("an Autotask field of an imported contract is refused, naming its owner and both ways forward")
    func editAutotaskField() throws {
        let state = given(try importedAcme())
        let error = refusal { try Decisions.edit(state, assignments("notes=x", "endDate=2026-12-31")) }
        #expect(error?.code == .fieldOwnedByAutotask)
        #expect(
            error?.message
                == "endDate is owned by Autotask on LC-1 (imported from Autotask contract 123); change it in Autotask, "
                + "or run `contracts copy LC-1` to make an editable native copy")
    }

    @Test("every field of a native contract is editable")
    func editNative() throws {
        let state = given(try createdNative(), as: "LC-5")
        let events = try Decisions.edit(state, assignments("endDate=2028-12-31", "name=Printer lease v2"))
        #expect(events.map(\.type) == ["FieldEdited", "FieldEdited"])
        #expect(
            events.first
                == FieldEdited(field: .name, from: .text("Printer lease"), to: .text("Printer lease v2")).event)
    }

    @Test("values equal to the current ones produce no events")
    func noChange() throws {
        let state = given(try createdNative(), as: "LC-5")
        #expect(try Decisions.edit(state, assignments("price=99.9000", "name=Printer lease", "notes=-")).isEmpty)
    }

    @Test("clearing a field records the old value and an empty new one")
    func clearing() throws {
        let state = given(try importedAcme() + [FieldEdited(field: .notes, from: .empty, to: .text("x")).event])
        #expect(
            try Decisions.edit(state, assignments("notes=-")) == [
                FieldEdited(field: .notes, from: .text("x"), to: .empty).event
            ])
    }

    @Test("an end date before the start date is refused, and the whole edit with it")
    func dateOrder() throws {
        let state = given(try createdNative(), as: "LC-5")
        let error = refusal { try Decisions.edit(state, assignments("notes=ok", "endDate=2024-12-31")) }
        #expect(error?.code == .invalidContract)
        #expect(
            error?.message
                == "endDate 2024-12-31 is before startDate 2025-01-01; a contract cannot end before it starts")
    }

    @Test("an edit of a contract that does not exist, or a field set twice, is refused")
    func otherRefusals() throws {
        #expect(
            refusal { try Decisions.edit(ContractState(id: "LC-9"), assignments("notes=x")) }?.message
                == "contract LC-9 does not exist")
        let twice = [try FieldAssignment.parse("notes=a"), try FieldAssignment.parse("notes=b")]
        #expect(refusal { try Decisions.edit(given(try importedAcme()), twice) }?.code == .duplicateField)
    }

    @Test("an edit reason is stored with each event, and checked")
    func reason() throws {
        let state = given(try importedAcme())
        let events = try Decisions.edit(state, assignments("vendor=Contoso"), reason: " renewal call ")
        #expect(
            events == [FieldEdited(field: .vendor, from: .empty, to: .text("Contoso"), reason: "renewal call").event])
        #expect(
            refusal { try Decisions.edit(state, assignments("vendor=X"), reason: "a\u{1B}[31m") }?.code == .invalidValue
        )
    }

    @Test("a contract is created by hand with a name and a company, status Active by default")
    func create() throws {
        let events = try createdNative()
        guard case .contractCreated(let created) = events.first, events.count == 1 else {
            Issue.record("expected one ContractCreated")
            return
        }
        #expect(created.id == "LC-5")
        #expect(created.fields[.status] == .choice("Active"))
        #expect(created.fields[.price] == .money(amount("99.9")))
        #expect(
            refusal { try Decisions.create("LC-6", assignments: assignments("companyID=42")) }?.message
                == "name is required to create a contract; add --set name=...")
        #expect(refusal { try Decisions.create("LC-6", assignments: assignments("name=x")) }?.code == .requiredField)
        #expect(
            refusal {
                try Decisions.create(
                    "LC-6",
                    assignments: assignments("name=x", "companyID=1", "startDate=2025-02-01", "endDate=2025-01-31"))
            }?.code == .invalidContract)
    }

    @Test("a copy is native, has the same values and assets, and leaves the original untouched")
    func copy() throws {
        // Given LC-1 imported with two assets and a note,
        let original = try importedAcme() + [FieldEdited(field: .notes, from: .empty, to: .text("keep")).event]
        let source = given(original)
        // when it is copied to LC-7,
        let events = try Decisions.copy(source, as: "LC-7")
        // then the copy records where it came from, gets every value and the same assets,
        #expect(
            events == [
                ContractCopied(id: "LC-7", sourceID: "LC-1", sourceReference: .contract(123), fields: source.fields)
                    .event,
                AssetLinked(asset: asset(1, "SRV-01")).event,
                AssetLinked(asset: asset(2, "SRV-02")).event,
            ])
        let copy = given(events, as: "LC-7")
        #expect(copy.origin == .copied(from: "LC-1") && copy.isNative && copy.copiedFromReference == .contract(123))
        #expect(copy.fields == source.fields && copy.assets == source.assets && !copy.autoSync)
        // every field of the copy is editable, and editing it does not touch the original.
        let edited = try Decisions.edit(copy, assignments("endDate=2026-12-31", "price=1500"))
        #expect(edited.count == 2)
        #expect(given(original) == source)
        #expect(given(original)[.endDate] == .date(day("2025-12-31")))
        // A copy is not synced.
        #expect(refusal { try Decisions.reconcile(copy, with: .notFound(.deleted), syncRun: 1) }?.code == .notImported)
    }

    @Test("a copy needs an existing source and a new id")
    func copyRefusals() throws {
        #expect(refusal { try Decisions.copy(ContractState(id: "LC-9"), as: "LC-10") }?.code == .contractNotFound)
        #expect(
            refusal { try Decisions.copy(given(try importedAcme()), as: "LC-1") }?.message
                == "a copy needs a new id; LC-1 is the contract being copied")
    }

    @Test("auto-sync is turned on and off for imported contracts only")
    func autoSync() throws {
        let imported = given(try importedAcme())
        #expect(try Decisions.setAutoSync(imported, enabled: true).isEmpty)
        let off = try Decisions.setAutoSync(imported, enabled: false)
        #expect(off == [AutoSyncSet(enabled: false).event])
        #expect(!imported.evolved(by: off[0]).autoSync)
        let native = given(try createdNative(), as: "LC-5")
        #expect(
            refusal { try Decisions.setAutoSync(native, enabled: true) }?.message
                == "LC-5 is a native contract; auto-sync applies only to contracts imported from Autotask")
    }
}
