import Autotask
import AutotaskSandbox
import Foundation
import Testing

@testable import ContractsCore

@Suite("The hourly request threshold before a large sync")
struct SyncBudgetTests {
    @Test("the estimate counts one request per in-batch of each entity, plus the picklists")
    func estimate() {
        let request = SyncRequest(
            contractIDs: Array(1...1_000), contractServiceIDs: Array(1...10), assetContractIDs: Array(1...900))
        // contracts and companies: 3 batches each; services, catalogue, units: 1 each; items, products: 3 each.
        #expect(request.estimatedRequests(inListLimit: 400) == 3 + 6 + 3 + 6)
        #expect(SyncRequest(contractIDs: []).estimatedRequests(inListLimit: 400) == 3)
    }

    @Test("a large fetch that would cross the threshold fails before reading anything, naming the stage")
    func refusedOverBudget() async throws {
        let sandbox = try await AutotaskSandbox.start(
            SandboxConfiguration(dataset: .demo, seed: 7, faults: SandboxFaults(requestThreshold: 60)))
        let client = AutotaskClient(
            credentials: AutotaskCredentials(
                userName: sandbox.credentials.userName, integrationCode: sandbox.credentials.integrationCode,
                secret: sandbox.credentials.secret),
            configuration: AutotaskConfiguration(zone: .direct(sandbox.zoneURL), inListLimit: 1))
        let gateway = AutotaskGateway(client: client)
        let request = SyncRequest(contractIDs: Array(1001...1060))
        #expect(request.estimatedRequests(inListLimit: 1) >= SyncRequest.budgetCheckThreshold)
        await #expect(throws: SyncFetchError.self) {
            do {
                _ = try await gateway.fetchForSync(request)
            } catch let error as SyncFetchError {
                #expect(error.stage.description == "check the hourly request threshold")
                #expect(error.completed.isEmpty)
                throw error
            }
        }
        #expect(sandbox.requestLog().totalRequests <= 2)
        try await client.shutdown()
        try await sandbox.stop()
    }
}
