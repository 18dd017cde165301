import EventLog
import Foundation
import SQLite

/// Campaign 4: several processes importing, editing and syncing one ledger at once; then a writer held past
/// the busy timeout, which must give a clear "busy" error.
struct ConcurrencyCampaign {
    let tools: CampaignTools
    let seed: UInt64
    let scale: CampaignScale

    func run() async throws -> CampaignTally {
        var tally = CampaignTally()
        let world = try await CampaignWorld.start("concurrency", tools: tools, seed: seed)
        do {
            let template = try await world.makeLedger(
                "template.sqlite", imports: [["--company", "102", "--contract", "1004"]])
            for round in 0..<scale.concurrencyRounds {
                try await runRound(world, template: template, round: round, tally: &tally)
            }
            try await heldLock(world, template: template, tally: &tally)
        } catch {
            tally.failures.append("concurrency: \(error)")
        }
        await world.finish(&tally, campaign: "concurrency")
        return tally
    }

    private func runRound(_ world: CampaignWorld, template: String, round: Int, tally: inout CampaignTally)
        async throws
    {
        let ledger = try world.copyLedger(template, to: "shared-\(round).sqlite")
        let before = try await world.logRows(ledger).map(eventKey)
        var commands: [[String]] = []
        for index in 0..<scale.concurrentProcesses {
            switch index % 3 {
            case 0: commands.append(["import", "--company", "101", "--contract", "1001", "--contract", "1002"])
            case 1: commands.append(["edit", "LC-1", "--set", "notes=round \(round) writer \(index)"])
            default: commands.append(["sync"])
            }
        }
        let outcomes = try await withThrowingTaskGroup(of: (Int, ProcessOutcome).self) { group in
            for (index, arguments) in commands.enumerated() {
                group.addTask { (index, try await world.contracts(arguments, ledger: ledger, timeout: .seconds(60))) }
            }
            var all: [(Int, ProcessOutcome)] = []
            for try await result in group { all.append(result) }
            return all.sorted { $0.0 < $1.0 }
        }
        var edits = 0
        for (index, outcome) in outcomes {
            let command = commands[index].prefix(2).joined(separator: " ")
            if outcome.timedOut || outcome.signaled {
                tally.failures.append("concurrency: `\(command)` hung or crashed: \(outcome)")
            } else if outcome.succeeded {
                if commands[index][0] == "edit" { edits += 1 }
            } else if !outcome.isCleanFailure {
                tally.failures.append("concurrency: `\(command)` failed without one clear line: \(outcome)")
            } else if commands[index][0] == "sync" && !outcome.stderr.contains("busy") {
                tally.failures.append("concurrency: a refused sync does not say the ledger is busy: \(outcome)")
            }
        }
        let replay = try await world.replay(ledger)
        if !replay.succeeded {
            tally.failures.append("concurrency: ledger-replay fails after round \(round): \(replay)")
        }
        let after = try await world.logRows(ledger)
        if !after.map(eventKey).starts(with: before) {
            tally.eventsLost += 1
            tally.failures.append("concurrency: events before round \(round) changed")
        }
        let recordedEdits = after.filter {
            $0["stream"] as? String == "contract/LC-1" && ($0["summary"] as? String ?? "").contains("notes")
        }.count
        if recordedEdits != edits {
            tally.eventsLost += abs(edits - recordedEdits)
            tally.failures.append("concurrency: \(edits) edits succeeded but \(recordedEdits) are in the log")
        }
        let list = try await world.contracts(["list", "--format", "json"], ledger: ledger)
        let rows = (try? JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]) ?? []
        let origins = rows.compactMap { row in
            (row["level"] as? String == "contract" ? row["autotaskContractID"] as? Int : nil).map {
                "Autotask contract \($0)"
            }
        }
        for origin in ["Autotask contract 1001", "Autotask contract 1002", "Autotask contract 1004"] {
            let count = origins.filter { $0 == origin }.count
            if count != 1 { tally.failures.append("concurrency: \(origin) imported \(count) times in round \(round)") }
        }
        tally.notes.append(
            "concurrency round \(round): "
                + outcomes.map { "\(commands[$0.0][0]) \($0.1.succeeded ? "ok" : "exit \($0.1.status)")" }
                .joined(separator: ", "))
    }

    /// Holds the write lock past the busy timeout: an edit must give up with a clear "busy" error and write nothing.
    private func heldLock(_ world: CampaignWorld, template: String, tally: inout CampaignTally) async throws {
        let ledger = try world.copyLedger(template, to: "held.sqlite")
        let before = try await world.observe(ledger)
        let holder = try Database(path: ledger)
        try holder.execute("BEGIN IMMEDIATE")
        let outcome = try await world.contracts(
            ["edit", "LC-1", "--set", "notes=while held"], ledger: ledger, timeout: .seconds(30))
        try holder.execute("ROLLBACK")
        if !outcome.isCleanFailure || !outcome.stderr.lowercased().contains("busy") {
            tally.failures.append("concurrency: an edit past the busy timeout gave no clear busy error: \(outcome)")
        }
        if try await world.observe(ledger) != before {
            tally.failures.append("concurrency: an edit refused as busy changed the ledger")
        }
    }
}
