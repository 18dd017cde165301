import Foundation
import Ledger
import Testing

@Suite("State and streams")
struct StateTests {
    @Test("a contract's evolve ignores other streams and other contracts' creation")
    func contractEvolve() throws {
        var state = ContractState(id: "LC-1")
        #expect(!state.exists && state.version == 0)
        state.evolve(by: PrimaryIntegrationSet(integration: .autotask).event)
        state.evolve(by: SyncStarted(run: 1, trigger: .manual, scope: .all, contractsToCheck: []).event)
        state.evolve(by: ContractCreated(id: "LC-2", fields: [.name: .text("other")]).event)
        #expect(state == ContractState(id: "LC-1"))
        for event in try importedAcme() { state.evolve(by: event) }
        #expect(state.exists && state.version == 3 && state.reference == .contract(123))
        #expect(state.assetList.map(\.id) == [1, 2])
    }

    @Test("every state folds every event type without failing")
    func totalEvolve() {
        let contract = ContractState.fold(id: "LC-1", sampleEvents)
        #expect(contract.exists && contract.version == 13)
        #expect(contract.reference == .contract(900) && contract.followsRenewals)
        #expect(LedgerSettings.fold(sampleEvents).version == 3)
        #expect(ImportIndex.fold(sampleEvents).contracts == ["service:456": "LC-1"])
        #expect(
            SyncRunState.fold(sampleEvents).status
                == .completed(
                    SyncCompleted(
                        checked: 2, changed: 1, unchanged: 1, missing: 0, failed: 1, requests: 4,
                        durationMilliseconds: 2_345)))
    }

    @Test("settings fold the ledger stream")
    func settings() throws {
        let connection = AutotaskConnectionConfigured(
            zoneURL: "https://webservices5.autotask.net/atservicesrest/", userName: "api@acme.example",
            integrationCode: "CODE")
        let settings = LedgerSettings.fold([
            PrimaryIntegrationSet(integration: .itGlue).event, connection.event,
            PrimaryIntegrationSet(integration: .autotask).event, AutoSyncSet(enabled: true).event,
        ])
        #expect(settings.primaryIntegration == .autotask && settings.pullsAutotaskAssets)
        #expect(settings.connection == connection && settings.version == 3)
        #expect(Decisions.setPrimaryIntegration(.autotask, settings: settings).isEmpty)
        #expect(
            Decisions.setPrimaryIntegration(.itGlue, settings: settings) == [
                PrimaryIntegrationSet(integration: .itGlue).event
            ])
        #expect(try Decisions.configureAutotaskConnection(connection, settings: settings).isEmpty)
    }

    @Test("a connection needs a user name, an integration code and https URLs")
    func connectionChecks() throws {
        let settings = LedgerSettings()
        let good = AutotaskConnectionConfigured(
            discoveryURL: "http://127.0.0.1:8080/zone", userName: " api ", integrationCode: "C")
        #expect(
            try Decisions.configureAutotaskConnection(good, settings: settings)
                == [
                    AutotaskConnectionConfigured(
                        discoveryURL: "http://127.0.0.1:8080/zone", userName: "api", integrationCode: "C"
                    ).event
                ])
        #expect(
            refusal {
                try Decisions.configureAutotaskConnection(
                    AutotaskConnectionConfigured(userName: "", integrationCode: "C"), settings: settings)
            }?.message == "the Autotask user name is required")
        #expect(
            refusal {
                try Decisions.configureAutotaskConnection(
                    AutotaskConnectionConfigured(zoneURL: "http://example.com/", userName: "u", integrationCode: "C"),
                    settings: settings)
            }?.message
                == "the Autotask zone URL 'http://example.com/' is not an https URL (http is allowed only to localhost)"
        )
        #expect(
            refusal {
                try Decisions.configureAutotaskConnection(
                    AutotaskConnectionConfigured(
                        zoneURL: "https://u:pw@example.com/", userName: "u", integrationCode: "C"),
                    settings: settings)
            }?.code == .invalidSettings)
    }

    @Test("the import index maps references to contracts; the first import wins")
    func importIndex() throws {
        let index = ImportIndex.fold(
            try importedAcme() + [
                ContractImported(id: "LC-9", reference: .contract(123), fields: [:], companyID: 42).event,
                FieldEdited(field: .notes, from: .empty, to: .text("x")).event,
            ])
        #expect(index.contract(for: .contract(123)) == "LC-1")
        #expect(index.contract(for: .contract(124)) == nil)
        #expect(index.contracts == ["contract:123": "LC-1"])
    }

    @Test("a sync run's state follows its stream, and an unfinished run is noticed once")
    func syncRun() {
        var run = SyncRunState()
        #expect(run.status == .notStarted && Decisions.noticeInterruption(of: run, byRun: 2).isEmpty)
        run.evolve(by: SyncStarted(run: 1, trigger: .nightly, scope: .all, contractsToCheck: ["LC-1"]).event)
        run.evolve(
            by: SyncFetched(entity: "Contracts", filter: "{}", pages: 2, requests: 3, items: 600, digest: "x").event)
        run.evolve(by: SyncContractFailed(contractID: "LC-1", reason: "timeout").event)
        run.evolve(by: FieldEdited(field: .notes, from: .empty, to: .text("x")).event)
        #expect(run.run == 1 && run.status == .running && !run.isFinished && run.fetchRequests == 3 && run.version == 3)
        let notice = Decisions.noticeInterruption(of: run, byRun: 2)
        #expect(notice == [SyncInterrupted(noticedByRun: 2).event])
        run.evolve(by: notice[0])
        #expect(run.status == .interrupted(noticedByRun: 2) && run.isFinished)
        #expect(Decisions.noticeInterruption(of: run, byRun: 3).isEmpty)
        // A late completion does not rewrite the outcome.
        run.evolve(
            by: SyncCompleted(checked: 1, changed: 0, unchanged: 1, missing: 0, requests: 3, durationMilliseconds: 5)
                .event)
        #expect(run.status == .interrupted(noticedByRun: 2))
        let completed = SyncCompleted(
            checked: 1, changed: 0, unchanged: 1, missing: 0, requests: 3, durationMilliseconds: 5)
        let done = SyncRunState.fold([
            SyncStarted(run: 4, trigger: .manual, scope: .contract("LC-1"), contractsToCheck: ["LC-1"]).event,
            completed.event,
        ])
        #expect(done.status == .completed(completed))
    }

    @Test("stream names and contract ids parse and print")
    func names() {
        for stream: StreamName in [
            .ledger, .browse, .contract("LC-12"), .sync(7), .contract("Kundenvertrag Müller"), .contract("é"),
            .contract("契約-7"),
        ] {
            #expect(StreamName(rawValue: stream.rawValue) == stream)
        }
        #expect(StreamName.contract("LC-1").rawValue == "contract/LC-1" && StreamName.sync(3).rawValue == "sync/3")
        #expect(StreamName.sync(3).category == .sync)
        for bad in ["", "contract/", "sync/0", "sync/x", "sync/03", "ledgers"] {
            #expect(StreamName(rawValue: bad) == nil, "\(bad)")
        }
        #expect(ContractID.numbered(12) == "LC-12" && ContractID("LC-12").number == 12)
        #expect([ContractID("LC-10"), "LC-2", "X-1"].sorted() == ["LC-2", "LC-10", "X-1"])
        #expect(ContractID(validating: " LC-3 ") == "LC-3")
        #expect(ContractID(validating: "LC 3") == nil && ContractID(validating: "") == nil)
        #expect(ContractID(validating: "LC-\u{1F600}") == nil)
    }
}
