import Autotask
import AutotaskSandbox
import EventLog
import Foundation
import Ledger
import Projections
import Testing

@testable import ContractsCore

/// A sandbox, a client and a ledger in a temp folder, for sync tests; `close()` stops and removes them.
final class SyncHarness {
    static let today = Date(timeIntervalSince1970: 1_750_000_000)  // 2025-06-15

    let sandbox: AutotaskSandbox
    let gateway: AutotaskGateway
    let store: LedgerStore
    let folder: URL
    /// The LCI contract that imported each Autotask contract id (contract-level imports).
    var imported: [Int: ContractID] = [:]

    private init(sandbox: AutotaskSandbox, gateway: AutotaskGateway, store: LedgerStore, folder: URL) {
        self.sandbox = sandbox
        self.gateway = gateway
        self.store = store
        self.folder = folder
    }

    /// Starts the demo sandbox and creates a ledger with Autotask as primary.
    static func start(retry: RetryPolicy = RetryPolicy(jitter: false, sleep: { _ in })) async throws -> SyncHarness {
        let sandbox = try await AutotaskSandbox.start(SandboxConfiguration(dataset: .demo, seed: 7, today: today))
        let credentials = AutotaskCredentials(
            userName: sandbox.credentials.userName, integrationCode: sandbox.credentials.integrationCode,
            secret: sandbox.credentials.secret)
        let client = AutotaskClient(
            credentials: credentials, configuration: AutotaskConfiguration(zone: .direct(sandbox.zoneURL), retry: retry)
        )
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sync-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try LedgerStore(
            path: folder.appendingPathComponent("ledger.db").path, options: LedgerStore.Options(create: true))
        try store.setPrimaryIntegration(.autotask)
        return SyncHarness(
            sandbox: sandbox, gateway: AutotaskGateway(client: client, today: { today }), store: store, folder: folder)
    }

    /// Runs `body` with a started harness, and closes it afterwards.
    static func with<T>(
        retry: RetryPolicy = RetryPolicy(jitter: false, sleep: { _ in }), _ body: (SyncHarness) async throws -> T
    ) async throws -> T {
        let harness = try await start(retry: retry)
        do {
            let result = try await body(harness)
            await harness.close()
            return result
        } catch {
            await harness.close()
            throw error
        }
    }

    func close() async {
        try? await gateway.client.shutdown()
        try? await sandbox.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Imports whole Autotask contracts (with their assets), as the import dialog does.
    @discardableResult
    func importContracts(_ ids: [Int]) async throws -> [ContractID] {
        let (observations, _) = try await gateway.fetchForSync(SyncRequest(contractIDs: ids, assetContractIDs: ids))
        var result: [ContractID] = []
        for id in ids {
            let contract = try #require(observations.contracts[id])
            let imported = try store.importContract(contract, assets: observations.assets[id] ?? [])
            let lci = try #require(imported.contractID)
            self.imported[id] = lci
            result.append(lci)
        }
        return result
    }

    /// Imports one service of an Autotask contract.
    func importService(_ contractServiceID: Int, of contractID: Int) async throws -> ContractID {
        let (observations, _) = try await gateway.fetchForSync(
            SyncRequest(contractIDs: [contractID], contractServiceIDs: [contractServiceID]))
        let service = try #require(observations.services[contractServiceID])
        let contract = try #require(observations.contracts[contractID])
        return try #require(try store.importService(service, of: contract).contractID)
    }

    /// Runs a sync.
    func sync(_ trigger: SyncTrigger = .manual, contract: ContractID? = nil) async throws -> SyncReport {
        try await store.sync(gateway: gateway, options: SyncOptions(trigger: trigger, contract: contract, batchSize: 3))
    }

    /// The decoded events of a contract's stream written by a sync run.
    func events(of id: ContractID, run: Int) throws -> [LedgerEvent] {
        try store.log.events(in: StreamName.contract(id).rawValue).map(Projector.decode).filter { $0.syncRun == run }
    }

    /// Every contract event after a position.
    func contractEvents(after position: Int64) throws -> [RecordedEvent] {
        var result: [RecordedEvent] = []
        try store.log.cursor(from: position + 1).visit { if $0.stream.hasPrefix("contract/") { result.append($0) } }
        return result
    }
}

/// The Autotask contracts of the demo data set that a test imports.
enum Demo {
    static let contracts = [1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011]
}
