import AutotaskSandbox
import EventLog
import Foundation
import SQLite
import TestSupport

/// Campaign 1: SIGKILL `contracts sync`, `contracts import` and raw appends at seeded moments, then check
/// that replay passes, nothing reported committed is lost, a left-running sync is marked interrupted, and
/// the next run ends in the same state as an uninterrupted run on a twin ledger.
struct CrashCampaign {
    let tools: CampaignTools
    let seed: UInt64
    let scale: CampaignScale

    func run() async throws -> CampaignTally {
        var tally = CampaignTally()
        var random = SeededGenerator(seed: seed)
        let latency = SandboxFaults(slowRate: 1, slowDelay: .milliseconds(25), seed: seed)
        let world = try await CampaignWorld.start("crash", tools: tools, seed: seed, faults: latency)
        do {
            let connected = try await world.makeLedger("connected.sqlite")
            let imported = try world.copyLedger(connected, to: "imported.sqlite")
            try await world.mustSucceed(
                ["import", "--company", "101", "--contract", "1001", "--contract", "1002"], ledger: imported)
            try await world.mustSucceed(
                ["import", "--company", "102", "--contract", "1003", "--service", "3005"], ledger: imported)
            var attempts = 0
            var kind = 0
            while tally.killsSurvived < scale.kills && attempts < scale.kills * 4 {
                attempts += 1
                kind = (kind + 1) % 3
                if attempts % 4 == 0 { _ = world.sandbox.advanceNight() }
                let before = tally.failures.count
                let killed: Bool
                switch kind {
                case 0: killed = try await syncKill(world, template: imported, random: &random, tally: &tally)
                case 1: killed = try await importKill(world, template: connected, random: &random, tally: &tally)
                default: killed = try await appendKill(world, attempt: attempts, random: &random, tally: &tally)
                }
                if killed && tally.failures.count == before { tally.killsSurvived += 1 }
            }
            tally.notes.append("crash: \(tally.killsSurvived) kills survived in \(attempts) attempts")
        } catch {
            tally.failures.append("crash: \(error)")
        }
        await world.finish(&tally, campaign: "crash")
        return tally
    }

    /// Kills a sync; returns whether the kill landed while it ran.
    private func syncKill(
        _ world: CampaignWorld, template: String, random: inout SeededGenerator, tally: inout CampaignTally
    ) async throws -> Bool {
        let victim = try world.copyLedger(template, to: "victim.sqlite")
        let before = try await world.logRows(victim).map(eventKey)
        let delay = Int.random(in: 0...700, using: &random)
        let outcome = try await world.contracts(["sync"], ledger: victim, killAfter: .milliseconds(delay))
        guard outcome.killedBySIGKILL else {
            if outcome.timedOut || outcome.signaled { tally.failures.append("crash: sync ended oddly: \(outcome)") }
            return false
        }
        let context = "sync killed after \(delay) ms"
        try await expectReplayPasses(world, victim, context, &tally)
        let after = try await world.logRows(victim).map(eventKey)
        checkPrefix(before, of: after, context, &tally)
        let leftRunning = try await world.runs(victim).contains { $0["status"] as? String == "running" }
        let next = try await world.contracts(["sync"], ledger: victim)
        guard next.succeeded else {
            tally.failures.append("crash: the sync after a \(context) failed: \(next)")
            return true
        }
        let runs = try await world.runs(victim)
        if runs.contains(where: { $0["status"] as? String == "running" }) {
            tally.failures.append("crash: a run is still running after the next sync (\(context))")
        }
        if leftRunning
            && (!next.stdout.contains("marked interrupted")
                || !runs.contains(where: { $0["status"] as? String == "interrupted" }))
        {
            tally.failures.append("crash: the run left running was not marked interrupted (\(context)): \(next)")
        }
        checkPrefix(after, of: try await world.logRows(victim).map(eventKey), context + ", next sync", &tally)
        try await expectReplayPasses(world, victim, context + ", next sync", &tally)
        let twin = try world.copyLedger(template, to: "twin.sqlite")
        let twinSync = try await world.contracts(["sync"], ledger: twin)
        guard twinSync.succeeded else { throw CampaignError("the twin sync failed: \(twinSync)") }
        if try await world.finalState(victim) != world.finalState(twin) {
            tally.failures.append("crash: after a \(context) the next sync's state differs from the twin's")
        }
        return true
    }

    /// Kills an import of two contracts; returns whether the kill landed.
    private func importKill(
        _ world: CampaignWorld, template: String, random: inout SeededGenerator, tally: inout CampaignTally
    ) async throws -> Bool {
        let arguments = ["import", "--company", "101", "--contract", "1001", "--contract", "1002"]
        let victim = try world.copyLedger(template, to: "victim.sqlite")
        let before = try await world.logRows(victim).map(eventKey)
        let delay = Int.random(in: 0...600, using: &random)
        let outcome = try await world.contracts(arguments, ledger: victim, killAfter: .milliseconds(delay))
        guard outcome.killedBySIGKILL else {
            if outcome.timedOut || outcome.signaled { tally.failures.append("crash: import ended oddly: \(outcome)") }
            return false
        }
        let context = "import killed after \(delay) ms"
        try await expectReplayPasses(world, victim, context, &tally)
        let after = try await world.logRows(victim).map(eventKey)
        checkPrefix(before, of: after, context, &tally)
        let list = try await world.contracts(["list", "--format", "json"], ledger: victim)
        let rows = (try? JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]) ?? []
        let origins = Dictionary(
            rows.map { ("Autotask contract \($0["autotaskContractID"] as? Int ?? 0)", $0["id"] as? String ?? "") },
            uniquingKeysWith: { a, _ in a })
        for line in outcome.stdout.split(separator: "\n") where line.hasPrefix("Imported Autotask contract ") {
            let words = line.split(separator: " ")
            let reported = String(words[3])
            let id = line.components(separatedBy: " as ").last?.split(separator: " ").first.map {
                String($0).trimmingCharacters(in: .punctuationCharacters)
            }
            if origins["Autotask contract \(reported)"] != id {
                tally.eventsLost += 1
                tally.failures.append("crash: \(context): reported '\(line)' but the list has \(origins)")
            }
        }
        let missing = ["1001", "1002"].filter { origins["Autotask contract \($0)"] == nil }
        if !missing.isEmpty {
            let finish = try await world.contracts(
                ["import", "--company", "101"] + missing.flatMap { ["--contract", $0] }, ledger: victim)
            if !finish.succeeded { tally.failures.append("crash: the import after a \(context) failed: \(finish)") }
        }
        let twin = try world.copyLedger(template, to: "twin.sqlite")
        try await world.mustSucceed(arguments, ledger: twin)
        if try await world.finalState(victim) != world.finalState(twin) {
            tally.failures.append("crash: after a \(context) the finished import differs from the twin's")
        }
        return true
    }

    /// Kills a raw appender; every `committed FIRST LAST` it printed must be in the log.
    private func appendKill(
        _ world: CampaignWorld, attempt: Int, random: inout SeededGenerator, tally: inout CampaignTally
    ) async throws -> Bool {
        let path = world.path("raw-\(attempt).sqlite")
        let prefix = "k\(attempt)"
        let delay = Int.random(in: 0...500, using: &random)
        let outcome = try await world.runner.run(
            tools.appendWorker, [path, prefix, "2000", "5", "--create"], killAfter: .milliseconds(delay))
        guard outcome.killedBySIGKILL else {
            if outcome.timedOut || !outcome.succeeded {
                tally.failures.append("crash: the appender ended oddly: \(outcome)")
            }
            return false
        }
        let committed = outcome.stdout.split(separator: "\n").compactMap { line -> (Int64, Int64)? in
            let words = line.split(separator: " ")
            guard words.count == 3, words[0] == "committed", let first = Int64(words[1]), let last = Int64(words[2])
            else { return nil }
            return (first, last)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            if !committed.isEmpty { tally.failures.append("crash: the raw ledger vanished after commits") }
            return true
        }
        do {
            let log = try EventLog.open(path: path)
            let verification = try log.verify()
            if !verification.faults.isEmpty {
                tally.failures.append("crash: raw append killed after \(delay) ms: \(verification.faults[0])")
            }
            for (first, last) in committed {
                for position in [first, last] {
                    let id = try log.database.scalarText(
                        "SELECT event_id FROM events WHERE position = ?", [.integer(position)])
                    if id?.hasPrefix(prefix + "-") != true {
                        tally.eventsLost += 1
                        tally.failures.append("crash: committed position \(position) is missing after a kill")
                    }
                }
            }
        } catch {
            // Creation is atomic (a temp file linked into place), so a file that exists must open.
            tally.failures.append("crash: a raw ledger killed after \(delay) ms does not open: \(error)")
        }
        return true
    }

    private func expectReplayPasses(
        _ world: CampaignWorld, _ ledger: String, _ context: String, _ tally: inout CampaignTally
    ) async throws {
        let replay = try await world.replay(ledger)
        if !replay.succeeded { tally.failures.append("crash: ledger-replay fails after a \(context): \(replay)") }
    }

    private func checkPrefix(_ before: [String], of after: [String], _ context: String, _ tally: inout CampaignTally) {
        guard !after.starts(with: before) else { return }
        let lost = Set(before).subtracting(after).count
        tally.eventsLost += lost
        tally.failures.append("crash: \(lost) logged events changed or vanished after a \(context)")
    }
}
