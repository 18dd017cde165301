import Autotask
import AutotaskSandbox
import Foundation
import Logging
import Testing

@Suite("Contract permissions, the request threshold and logging against the sandbox")
struct PermissionAndThresholdTests {
    static func expectFixSteps(_ error: AutotaskError?) {
        #expect(error?.code == .permissionDenied)
        let message = error?.message ?? ""
        #expect(message.contains("Admin > Security > Security Levels"))
        #expect(message.contains("View = All"))
        #expect(message.contains("Contract Visibility = Full"))
        #expect(message.contains("Save and Close"))
        #expect(!message.contains(SandboxHarness.secret))
    }

    @Test("full access passes the check and shows contracts")
    func full() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let access = try await client.checkContractAccess()
                #expect(access == .all)
                let contracts = try await client.query(Contract.self, Query(.eq("companyID", 106)))
                #expect(contracts.items.isEmpty)
            }
        }
    }

    @Test("an empty answer is told apart from no access: the check fails while the query is empty")
    func empty() async throws {
        try await SandboxHarness.withSandbox(SandboxHarness.configuration(permissions: .empty)) { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let contracts = try await client.query(Contract.self, Query(.eq("companyID", 101)))
                #expect(contracts.items.isEmpty)
                let error = await SandboxHarness.error { try await client.checkContractAccess() }
                Self.expectFixSteps(error)
                #expect(error?.serverMessages.contains { $0.contains("None") } == true)
            }
        }
    }

    @Test("a 403 and a 500 about adequate permissions map to the same permissionDenied")
    func forbiddenAndPermission500() async throws {
        for mode in [SandboxPermissions.forbidden, .permission500] {
            try await SandboxHarness.withSandbox(SandboxHarness.configuration(permissions: mode)) { sandbox in
                try await SandboxHarness.withClient(sandbox) { client in
                    let query = await SandboxHarness.error { _ = try await client.query(Contract.self) }
                    Self.expectFixSteps(query)
                    #expect(query?.attempts == 1)
                    let services = await SandboxHarness.error {
                        _ = try await client.contractServices(ofContract: 1001)
                    }
                    Self.expectFixSteps(services)
                    let check = await SandboxHarness.error { try await client.checkContractAccess() }
                    Self.expectFixSteps(check)
                    let companies = try await client.count(Company.self)
                    #expect(companies == 7)
                }
            }
        }
    }

    @Test("restricted access fails the strict check, passes the lenient one, and hides other companies")
    func restricted() async throws {
        let configuration = SandboxHarness.configuration(permissions: .restricted(companyIDs: [101]))
        try await SandboxHarness.withSandbox(configuration) { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let strict = await SandboxHarness.error { try await client.checkContractAccess() }
                Self.expectFixSteps(strict)
                let lenient = try await client.checkContractAccess(requireFullAccess: false)
                #expect(lenient == .restricted)
                let contracts = try await client.query(Contract.self)
                #expect(contracts.items.map(\.id) == [1001, 1002])
            }
        }
    }

    @Test("permissions switched on a running sandbox take effect")
    func switching() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let before = try await client.checkContractAccess()
                #expect(before == .all)
                sandbox.setPermissions(.forbidden)
                let error = await SandboxHarness.error { try await client.checkContractAccess() }
                #expect(error?.code == .permissionDenied)
                sandbox.setPermissions(.full)
                let after = try await client.checkContractAccess()
                #expect(after == .all)
            }
        }
    }

    @Test("the threshold check passes a job that fits and refuses one that would cross it")
    func threshold() async throws {
        let faults = SandboxFaults(requestThreshold: 40)
        try await SandboxHarness.withSandbox(SandboxHarness.configuration(faults: faults)) { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let information = try await client.thresholdInformation()
                #expect(information.externalRequestThreshold == 40)
                #expect(information.requestThresholdTimeframe == 60)
                let fits = try await client.ensureBudget(requests: 20)
                #expect(fits.currentTimeframeRequestCount >= 1)
                for _ in 0..<25 { _ = try await client.count(Contract.self) }
                let error = await SandboxHarness.error { try await client.ensureBudget(requests: 20) }
                #expect(error?.code == .budgetExceeded)
                #expect(error?.message.contains("of 40 used") == true)
                #expect(AutotaskClient.pagesNeeded(records: 1_001) == 3)
                #expect(AutotaskClient.pagesNeeded(records: 0) == 1)
            }
        }
    }

    @Test("an enforced threshold answers 429 and the client ends in throttled")
    func enforcedThreshold() async throws {
        let faults = SandboxFaults(enforceThreshold: true, requestThreshold: 3, thresholdRetryAfterSeconds: 1)
        try await SandboxHarness.withSandbox(SandboxHarness.configuration(faults: faults)) { sandbox in
            try await SandboxHarness.withClient(sandbox) { client in
                let error = await SandboxHarness.error {
                    for _ in 0..<5 { _ = try await client.count(Contract.self) }
                }
                #expect(error?.code == .throttled)
                #expect(error?.retryAfter == .seconds(1))
            }
        }
    }

    @Test("the logger records method, path and status, never headers or the secret")
    func logging() async throws {
        let store = CapturingLogHandler.Store()
        let logger = Logger(label: "autotask-test") { _ in CapturingLogHandler(store: store) }
        try await SandboxHarness.withSandbox(
            SandboxHarness.configuration(faults: SandboxFaults(serverErrorRate: 1, everyNthRequest: 2))
        ) { sandbox in
            try await SandboxHarness.withClient(sandbox, configure: { $0.logger = logger }) { client in
                _ = try await client.query(Contract.self, Query(maxRecords: 4))
            }
        }
        let lines = store.lines.withLock { $0 }
        #expect(lines.contains { $0.contains("POST /atservicesrest/v1.0/Contracts/query -> 200") })
        #expect(lines.contains { $0.contains("retrying") })
        for line in lines {
            #expect(!line.contains(SandboxHarness.secret))
            #expect(!line.contains("ApiIntegrationCode"))
            #expect(!line.contains(SandboxHarness.integrationCode))
        }
    }
}
