import Autotask
import AutotaskSandbox
import ContractsCore
import Foundation
import Ledger
import Projections

/// Imports every contract of a sandbox data set through ``LedgerStore`` and the gateway, then runs a
/// nightly sync with nothing changed and one after a simulated night.
struct SyncBenchmark {
    /// The sandbox data set (`msp` by default; a small generated one under `--quick`).
    let dataset: SandboxDataset
    /// The first and last Autotask contract ids of the data set.
    let contractIDs: ClosedRange<Int>
    /// How the scenario is named in the table.
    let label: String

    static let today = Date(timeIntervalSince1970: 1_750_000_000)  // 2025-06-15

    func run(folder: URL) async throws -> [BenchRow] {
        let sandbox = try await AutotaskSandbox.start(
            SandboxConfiguration(dataset: dataset, seed: 7, today: Self.today))
        let client = AutotaskClient(
            credentials: AutotaskCredentials(
                userName: sandbox.credentials.userName, integrationCode: sandbox.credentials.integrationCode,
                secret: sandbox.credentials.secret),
            configuration: AutotaskConfiguration(zone: .direct(sandbox.zoneURL)))
        do {
            let rows = try await measure(sandbox: sandbox, client: client, folder: folder)
            try await client.shutdown()
            try await sandbox.stop()
            return rows
        } catch {
            try? await client.shutdown()
            try? await sandbox.stop()
            throw error
        }
    }

    private func measure(sandbox: AutotaskSandbox, client: AutotaskClient, folder: URL) async throws -> [BenchRow] {
        let gateway = AutotaskGateway(client: client, today: { Self.today })
        var store = try LedgerStore(
            path: folder.appendingPathComponent("sync.ledger").path, options: LedgerStore.Options(create: true))
        try store.setPrimaryIntegration(.autotask)
        var rows: [BenchRow] = []

        // Import: every contract in one `contracts import --from-file` command, the CLI's own code path.
        try store.configureConnection(
            discoveryURL: nil, zoneURL: sandbox.zoneURL.absoluteString, userName: sandbox.credentials.userName,
            integrationCode: sandbox.credentials.integrationCode)
        let idsFile = folder.appendingPathComponent("import-ids.txt")
        try Array(contractIDs).map(String.init).joined(separator: "\n").write(
            to: idsFile, atomically: true, encoding: .utf8)
        sandbox.resetRequestLog()
        var started = DispatchTime.now()
        var requestsBefore = sandbox.requestLog().totalRequests
        var positionBefore = try store.log.lastPosition()
        let status = try await CLIChild.run(
            "contracts", ["import", "--ledger", store.path, "--from-file", idsFile.path, "--progress", "none"],
            environment: ["AUTOTASK_SECRET": sandbox.credentials.secret], folder: folder)
        let importSeconds = AppendBenchmark.seconds(since: started)
        guard status == 0 else { throw BenchError("contracts import exited \(status)") }
        // Another process wrote the ledger: open it again so nothing in memory is stale.
        store = try LedgerStore(path: store.path)
        let importLog = sandbox.requestLog()
        let imported = try store.contracts().count
        let importMinimum = importLog.minimumRequests()
        rows.append(BenchRow("\(label) import", "contracts imported", Double(imported), .count))
        rows.append(BenchRow("\(label) import", "wall time", importSeconds, .seconds, atMost: 30))
        rows.append(BenchRow("\(label) import", "requests", Double(importLog.totalRequests), .count))
        rows.append(BenchRow("\(label) import", "minimum requests (pages of 500)", Double(importMinimum), .count))
        rows.append(
            BenchRow(
                "\(label) import", "requests / minimum",
                Double(importLog.totalRequests) / Double(max(1, importMinimum)),
                .ratio, atMost: 1.10))
        rows.append(
            BenchRow("\(label) import", "events written", Double(try store.log.lastPosition() - positionBefore), .count)
        )

        for (name, advance) in [("no-change nightly sync", false), ("sync after a night", true)] {
            if advance {
                // A simulated night in the sandbox (the drifts a busy tenant sees), timed on its own.
                started = DispatchTime.now()
                _ = sandbox.advanceNight()
                rows.append(
                    BenchRow(
                        "\(label) sandbox night", "wall time", AppendBenchmark.seconds(since: started), .seconds,
                        atMost: 2))
            }
            started = DispatchTime.now()
            requestsBefore = sandbox.requestLog().totalRequests
            positionBefore = try store.log.lastPosition()
            let report = try await store.sync(gateway: gateway, options: SyncOptions(trigger: .nightly))
            let seconds = AppendBenchmark.seconds(since: started)
            guard report.succeeded else { throw BenchError("the \(name) failed: \(report.summary)") }
            let requests = sandbox.requestLog().totalRequests - requestsBefore
            let minimum = try minimumRequests(store, run: report.run)
            let scenario = "\(label) \(name)"
            rows.append(BenchRow(scenario, "wall time", seconds, .seconds, atMost: advance ? nil : 30))
            rows.append(BenchRow(scenario, "requests", Double(requests), .count))
            rows.append(BenchRow(scenario, "minimum requests (pages of 500)", Double(minimum), .count))
            rows.append(
                BenchRow(
                    scenario, "requests / minimum", Double(requests) / Double(max(1, minimum)), .ratio,
                    atMost: advance ? nil : 1.10))
            rows.append(
                BenchRow(scenario, "events written", Double(try store.log.lastPosition() - positionBefore), .count))
            rows.append(BenchRow(scenario, "contracts changed", Double(report.completed?.changed ?? 0), .count))
        }
        return rows
    }

    /// The fewest requests that could read what the run read: one page of 500 per entity queried, or more.
    private func minimumRequests(_ store: LedgerStore, run: Int) throws -> Int {
        try store.log.events(in: StreamName.sync(run).rawValue).reduce(0) { total, recorded in
            guard case .syncFetched(let fetched) = try Projector.decode(recorded) else { return total }
            return total + max(1, (fetched.items + 499) / 500)
        }
    }
}
