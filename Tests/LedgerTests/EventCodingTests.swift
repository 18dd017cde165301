import Foundation
import Ledger
import Testing

/// One sample of every event type.
let sampleEvents: [LedgerEvent] = {
    let fields: FieldValues = [
        .name: .text("Managed \"Services\" / 2025\nline"), .companyID: .integer(42), .status: .choice("Active"),
        .startDate: .date(day("2025-01-01")), .price: .money(amount("1200.50")), .tags: .list(["a", "b"]),
        .notes: .text("caf\u{E9} \u{1F600}"),
    ]
    return [
        PrimaryIntegrationSet(integration: .itGlue).event,
        AutotaskConnectionConfigured(
            discoveryURL: "https://webservices.autotask.net/atservicesrest/v1.0/zoneInformation",
            zoneURL: "https://webservices5.autotask.net/atservicesrest/", userName: "api@acme.example",
            integrationCode: "LCI-TRACKING"
        ).event,
        ContractsBrowsed(
            companyID: 42, showServices: true, contractIDs: [124, 123], contractServiceIDs: [456], requests: 2,
            digest: "ab12"
        ).event,
        ContractImported(
            id: "LC-1", reference: .service(contractServiceID: 456, contractID: 123, serviceID: 789), fields: fields,
            companyID: 42, renewedContractID: 900
        ).event,
        ContractCreated(id: "LC-5", fields: fields).event,
        ContractCopied(id: "LC-7", sourceID: "LC-1", sourceReference: .contract(123), fields: fields).event,
        ContractCopied(id: "LC-8", sourceID: "LC-7", fields: [:]).event,
        FieldEdited(field: .price, from: .empty, to: .money(amount("0.000001")), reason: "typo").event,
        FieldEdited(field: .tags, from: .list(["x"]), to: .empty).event,
        AutoSyncSet(enabled: false).event,
        AssetLinked(asset: asset(1, "SRV-01"), syncRun: 2).event,
        AssetLinked(asset: AutotaskAssetSnapshot(id: 5, name: "Laptop", isActive: false)).event,
        AssetUnlinked(assetID: 2, name: "SRV-02", syncRun: 3).event,
        AutotaskFieldChanged(field: .endDate, from: .date(day("2025-12-31")), to: .date(day("2026-12-31")), syncRun: 3)
            .event,
        MissingInAutotask(reason: .notVisible, syncRun: 4).event,
        FoundInAutotask(syncRun: 5).event,
        RenewedInAutotask(newContractID: 900, syncRun: 6).event,
        SyncStarted(run: 3, trigger: .nightly, scope: .all, contractsToCheck: ["LC-1", "LC-2"]).event,
        SyncStarted(run: 4, trigger: .manual, scope: .contract("LC-1"), contractsToCheck: ["LC-1"]).event,
        SyncFetched(
            entity: "Contracts", filter: #"{"op":"in","field":"id","value":[123]}"#, pages: 1, requests: 1, items: 1,
            digest: "cd34"
        ).event,
        SyncContractFailed(contractID: "LC-2", reason: "HTTP 500 after 3 retries").event,
        SyncCompleted(
            checked: 2, changed: 1, unchanged: 1, missing: 0, failed: 1, requests: 4, durationMilliseconds: 2_345
        ).event,
        SyncFailed(stage: "fetch Contracts", reason: "HTTP 401: check the API user").event,
        SyncInterrupted(noticedByRun: 5).event,
        RenewalFollowed(
            previousReference: .contract(123), reference: .contract(900), fields: fields,
            assets: [asset(3, "SRV-03")], renewedContractID: nil, syncRun: 7
        ).event,
        RenewalFollowingSet(enabled: true).event,
        ProjectionsRebuilt(throughPosition: 42, repaired: ["contracts LC-1: name differs"]).event,
    ]
}()

@Suite("Event encoding")
struct EventCodingTests {
    @Test("every event type round-trips through its encoding")
    func roundTrip() throws {
        #expect(Set(sampleEvents.map(\.type)) == Set(LedgerEvent.payloadTypes.map { $0.eventType }))
        for event in sampleEvents {
            let encoded = event.encoded()
            #expect(encoded.type == event.type && encoded.schemaVersion == event.schemaVersion)
            #expect(try LedgerEvent.decode(encoded) == event, "\(event.type): \(encoded.payloadText)")
            // Canonical: encoding the decoded event gives the same bytes.
            #expect(try LedgerEvent.decode(encoded).encoded() == encoded)
        }
    }

    @Test("payloads are canonical JSON: sorted keys, no whitespace, amounts and dates as strings")
    func canonical() {
        let imported = ContractImported(
            id: "LC-1", reference: .contract(123),
            fields: [.price: .money(amount("1200.50")), .endDate: .date(day("2026-12-31")), .units: .integer(5)],
            companyID: 42)
        #expect(
            imported.event.encoded().payloadText
                == #"{"companyID":42,"fields":{"endDate":"2026-12-31","price":"1200.5","units":5},"id":"LC-1","#
                + #""reference":{"contractID":123,"level":"contract"}}"#)
        #expect(
            FieldEdited(field: .notes, from: .empty, to: .text("a/b")).event.encoded().payloadText
                == #"{"field":"notes","from":null,"to":"a/b"}"#)
        #expect(
            SyncStarted(run: 1, trigger: .manual, scope: .contract("LC-1"), contractsToCheck: ["LC-1"]).event.encoded()
                .payloadText
                == #"{"contractsToCheck":["LC-1"],"run":1,"scope":{"contractID":"LC-1","kind":"contract"},"trigger":"manual"}"#
        )
    }

    @Test("a version 1 FieldEdited is upcast to version 2")
    func upcastFieldEdited() throws {
        let v1 = EncodedEvent(
            type: "FieldEdited", schemaVersion: 1,
            payload: Data(#"{"field":"endDate","new":"2026-12-31","old":null}"#.utf8))
        #expect(FieldEdited.schemaVersion == 2)
        #expect(
            try LedgerEvent.decode(v1) == FieldEdited(field: .endDate, from: .empty, to: .date(day("2026-12-31"))).event
        )
        #expect(LedgerEvent.canDecode(type: "FieldEdited", schemaVersion: 1))
        // Upcast events fold like current ones.
        let state = given(try importedAcme() + [try LedgerEvent.decode(v1)])
        #expect(state[.endDate] == .date(day("2026-12-31")))
        // A broken version 1 payload is a bad payload.
        let broken = EncodedEvent(
            type: "FieldEdited", schemaVersion: 1, payload: Data(#"{"field":"endDate","new":"soon"}"#.utf8))
        #expect(refusal { try LedgerEvent.decode(broken) }?.code == .badPayload)
    }

    @Test("an unknown type, an unknown version or a bad payload is a clear error")
    func decodingErrors() {
        let unknown = refusal {
            try LedgerEvent.decode(EncodedEvent(type: "ContractDeleted", schemaVersion: 1, payload: Data("{}".utf8)))
        }
        #expect(unknown?.code == .unknownEventType)
        #expect(unknown?.message == "unknown event type 'ContractDeleted'")
        let newer = refusal {
            try LedgerEvent.decode(EncodedEvent(type: "AutoSyncSet", schemaVersion: 2, payload: Data("{}".utf8)))
        }
        #expect(newer?.code == .unsupportedSchemaVersion)
        #expect(
            newer?.message
                == "AutoSyncSet schema version 2 is not supported (current: 1); it was written by a newer version of the ledger"
        )
        #expect(
            refusal {
                try LedgerEvent.decode(EncodedEvent(type: "AutoSyncSet", schemaVersion: 0, payload: Data("{}".utf8)))
            }?
            .code == .unsupportedSchemaVersion)
        let cases: [(String, String)] = [
            ("AutoSyncSet", "{}"),
            ("AutoSyncSet", "not json"),
            ("AutoSyncSet", #"{"enabled":"yes"}"#),
            ("ContractCreated", #"{"id":"LC-1","fields":{"colour":"red"}}"#),
            ("ContractCreated", #"{"id":"LC-1","fields":{"price":"12abc"}}"#),
            ("ContractCreated", #"{"id":"LC-1","fields":{"impact":"Severe"}}"#),
            ("ContractCreated", #"{"id":"LC-1","fields":{"endDate":"2025-02-30"}}"#),
            (
                "ContractImported",
                #"{"id":"LC-1","companyID":1,"fields":{},"reference":{"level":"service","contractID":1}}"#
            ),
            ("MissingInAutotask", #"{"reason":"stolen","syncRun":1}"#),
            ("SyncStarted", #"{"run":1,"trigger":"nightly","scope":{"kind":"some"},"contractsToCheck":[]}"#),
        ]
        for (type, payload) in cases {
            let error = refusal {
                try LedgerEvent.decode(EncodedEvent(type: type, schemaVersion: 1, payload: Data(payload.utf8)))
            }
            #expect(error?.code == .badPayload, "\(type) \(payload)")
            #expect(error?.message.hasPrefix("\(type) v1 payload does not decode: ") == true)
            #expect(error?.message.contains("\n") == false)
        }
        let missingKey = refusal {
            try LedgerEvent.decode(EncodedEvent(type: "AutoSyncSet", schemaVersion: 1, payload: Data("{}".utf8)))
        }
        #expect(missingKey?.message == "AutoSyncSet v1 payload does not decode: missing key 'enabled'")
    }

    @Test("every event has a one-line summary, and no payload has a secret")
    func summaries() {
        for event in sampleEvents {
            #expect(!event.summary.isEmpty && !event.summary.contains("\n"), "\(event.type)")
            let text = event.encoded().payloadText.lowercased()
            #expect(!text.contains("secret") && !text.contains("password"))
        }
        #expect(
            sampleEvents.map(\.summary).contains(
                "Autotask changed endDate from 2025-12-31 to 2026-12-31 (sync #3)"))
        #expect(
            SyncCompleted(checked: 12, changed: 2, unchanged: 9, missing: 1, requests: 14, durationMilliseconds: 2_345)
                .summary == "Sync completed: 12 checked, 2 changed, 9 unchanged, 1 missing, 14 requests in 2.3 s")
        #expect(
            ContractImported(id: "LC-1", reference: .contract(123), fields: [.name: .text("MS")], companyID: 42).summary
                == "Imported Autotask contract 123 as LC-1: 'MS' (company 42)")
        #expect(
            FieldEdited(field: .notes, from: .empty, to: .text("two\nlines")).summary
                == #"Edited notes from (empty) to 'two\nlines'"#)
        #expect(
            MissingInAutotask(reason: .notVisible, syncRun: 4).summary
                == "Missing in Autotask: not visible to the API user (sync #4)")
        #expect(
            SyncStarted(run: 3, trigger: .nightly, scope: .all, contractsToCheck: ["LC-1"]).summary
                == "Sync #3 started (nightly, all contracts, 1 to check)")
    }

    @Test("each event names its stream category and sync run")
    func categories() {
        #expect(PrimaryIntegrationSet(integration: .autotask).event.streamCategory == .ledger)
        #expect(sampleEvents.filter { $0.streamCategory == .contract }.count == 16)
        for event in sampleEvents {
            #expect(event.streamCategory == type(of: event.payload).streamCategory, "\(event.type)")
            #expect(event.type == type(of: event.payload).eventType)
        }
        #expect(Set(sampleEvents.map(\.type)).count == LedgerEvent.payloadTypes.count)
        #expect(AssetLinked(asset: asset(1, "x"), syncRun: 2).event.syncRun == 2)
        #expect(AssetLinked(asset: asset(1, "x")).event.syncRun == nil)
        #expect(ContractCreated(id: "LC-5", fields: [:]).event.createdContractID == "LC-5")
    }
}
