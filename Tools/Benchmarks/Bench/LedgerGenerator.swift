import EventLog
import Foundation
import Ledger
import Projections

/// Writes a realistic ledger straight through the log: imported contracts with their assets, then
/// nightly sync runs whose reconciled changes fill it to the wanted number of events.
///
/// Every event comes from the domain's own decisions (``Decisions/importContract`` and
/// ``Decisions/reconcile(_:with:syncRun:)``), so the payloads, streams and metadata are those the
/// ledger writes; only the Autotask side is simulated. The projections are not written: the rebuild
/// benchmark builds them.
struct LedgerGenerator {
    /// Events in all (the last sync run is cut short to end exactly there).
    let events: Int
    /// Imported contracts.
    let contracts: Int

    /// What was written.
    struct Summary {
        var events: Int
        var runs: Int
        var seconds: Double
    }

    func write(path: String) throws -> Summary {
        let started = DispatchTime.now()
        let log = try EventLog.open(path: path, options: .init(create: true))
        var written = 0
        try log.write { transaction in
            let settings = PrimaryIntegrationSet(integration: .autotask).event.encoded()
            try transaction.append(
                [Self.newEvent(settings, metadata: Self.metadata(actor: "bench", run: nil))], to: "ledger",
                expected: .noStream)
            written += 1
        }
        var snapshots: [AutotaskContractSnapshot] = []
        var assets: [[AutotaskAssetSnapshot]] = []
        var states: [ContractState] = []
        var settings = LedgerSettings()
        settings.evolve(by: PrimaryIntegrationSet(integration: .autotask).event)
        var number = 1
        while number <= contracts && written < events {
            try log.write { transaction in
                let metadata = Self.metadata(actor: "bench", run: nil)
                var inBatch = 0
                while inBatch < 500 && number <= contracts && written < events {
                    let snapshot = Self.snapshot(number)
                    let items = Self.assets(number, generation: 0)
                    let id = ContractID.numbered(number)
                    var decided = try Decisions.importContract(
                        snapshot, assets: items, as: id, settings: settings, index: ImportIndex())
                    decided = Array(decided.prefix(events - written))
                    try transaction.append(
                        decided.map { Self.newEvent($0.encoded(), metadata: metadata) }, to: "contract/\(id)",
                        expected: .noStream)
                    snapshots.append(snapshot)
                    assets.append(items)
                    states.append(ContractState.fold(id: id, decided))
                    written += decided.count
                    number += 1
                    inBatch += 1
                }
            }
        }
        var run = 0
        while written < events {
            run += 1
            written += try syncRun(
                run, log: log, budget: events - written, snapshots: &snapshots, assets: &assets, states: &states)
        }
        return Summary(events: written, runs: run, seconds: AppendBenchmark.seconds(since: started))
    }

    /// One nightly run: started, the fetches, the changes of every contract in batches, completed.
    private func syncRun(
        _ run: Int, log: EventLog, budget: Int, snapshots: inout [AutotaskContractSnapshot],
        assets: inout [[AutotaskAssetSnapshot]], states: inout [ContractState]
    ) throws -> Int {
        var written = 0
        let metadata = Self.metadata(actor: "sync", run: run)
        try log.write { transaction in
            let started = SyncStarted(
                run: run, trigger: .nightly, scope: .all, contractsToCheck: states.map(\.id))
            var opening = [started.event]
            for (entity, items) in [("Contracts", states.count), ("Companies", 500), ("ConfigurationItems", 20_000)] {
                opening.append(
                    SyncFetched(
                        entity: entity, filter: "id in (…)", pages: (items + 499) / 500, requests: (items + 499) / 500,
                        items: items, digest: String(repeating: "ab", count: 32)
                    ).event)
            }
            opening = Array(opening.prefix(budget - 1))
            try transaction.append(
                opening.map { Self.newEvent($0.encoded(), metadata: metadata) }, to: "sync/\(run)",
                expected: .noStream)
            written += opening.count
        }
        var changed = 0
        var index = 0
        while index < states.count && written < budget - 1 {
            try log.write { transaction in
                var inBatch = 0
                while inBatch < 1_000 && index < states.count && written < budget - 1 {
                    let number = index + 1
                    if Self.changes(number, run: run) {
                        snapshots[index] = Self.drifted(snapshots[index], run: run)
                        if number % 7 == run % 7 { assets[index] = Self.assets(number, generation: run) }
                    }
                    let observation = AutotaskObservation.found(
                        contract: snapshots[index], service: nil, assets: assets[index])
                    var decided = try Decisions.reconcile(states[index], with: observation, syncRun: run)
                    decided = Array(decided.prefix(budget - 1 - written))
                    if !decided.isEmpty {
                        try transaction.append(
                            decided.map { Self.newEvent($0.encoded(), metadata: metadata) },
                            to: "contract/\(states[index].id)", expected: .exact(Int64(states[index].version)))
                        states[index] = decided.reduce(states[index]) { $0.evolved(by: $1) }
                        written += decided.count
                        inBatch += decided.count
                        changed += 1
                    }
                    index += 1
                }
            }
        }
        try log.write { transaction in
            let completed = SyncCompleted(
                checked: index, changed: changed, unchanged: index - changed, missing: 0,
                requests: (states.count + 499) / 500 + 41, durationMilliseconds: 12_000)
            try transaction.append(
                [Self.newEvent(completed.event.encoded(), metadata: metadata)], to: "sync/\(run)", expected: .any)
            written += 1
        }
        return written
    }

    /// Whether contract `number` drifts in Autotask before `run`: about a third of them each night.
    private static func changes(_ number: Int, run: Int) -> Bool {
        (number &* 31 &+ run &* 17) % 3 == 0
    }

    private static func snapshot(_ number: Int) -> AutotaskContractSnapshot {
        AutotaskContractSnapshot(
            contractID: 100_000 + number, companyID: 1_000 + number % 500,
            companyName: "Company \(number % 500) Dental", name: "Managed Services \(number)",
            number: "C-\(number)", type: "Recurring Service", category: "Managed", isActive: true,
            startDate: LedgerDate(year: 2024, month: 1 + number % 12, day: 1)!,
            endDate: LedgerDate(year: 2026, month: 1 + number % 12, day: 28)!, billingCycle: "Monthly",
            price: Decimal(1_000 + number % 5_000) + Decimal(string: "0.50")!,
            description: "Managed services agreement for site \(number % 40)")
    }

    /// What Autotask shows after a night: the end date moves, the price changes, sometimes the name.
    private static func drifted(_ snapshot: AutotaskContractSnapshot, run: Int) -> AutotaskContractSnapshot {
        var next = snapshot
        next.endDate = LedgerDate(year: 2026 + run / 12, month: 1 + run % 12, day: 1 + snapshot.contractID % 28)!
        next.price = (snapshot.price ?? 0) + Decimal(run % 9 + 1)
        if run % 4 == snapshot.contractID % 4 { next.name = "Managed Services \(snapshot.contractID) r\(run)" }
        return next
    }

    /// The configuration items linked to a contract; a new generation swaps one of them.
    private static func assets(_ number: Int, generation: Int) -> [AutotaskAssetSnapshot] {
        (0..<(number % 4)).map { slot in
            let id = 2_000_000 + number * 8 + (slot == 0 ? generation % 5 : slot + 4)
            return AutotaskAssetSnapshot(
                id: id, name: "WS-\(number)-\(slot)", serialNumber: "SN\(id)", type: "Workstation",
                productName: "Dell OptiPlex 7010", contractID: 100_000 + number, isActive: true)
        }
    }

    private static func metadata(actor: String, run: Int?) -> Data {
        EventMetadata(actor: actor, commandID: UUID().uuidString.lowercased(), syncRun: run).encoded()
    }

    private static func newEvent(_ encoded: EncodedEvent, metadata: Data) -> NewEvent {
        NewEvent(
            id: UUID().uuidString.lowercased(), type: encoded.type, schemaVersion: encoded.schemaVersion,
            payload: encoded.payload, metadata: metadata)
    }
}
