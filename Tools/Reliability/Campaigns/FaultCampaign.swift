import AutotaskSandbox
import Foundation

/// Campaign 2: every sandbox fault switch, alone and in pairs, across import and sync. Each trial must end as
/// a completed run or a clean one-line failure, within the watchdog, with a ledger that replays.
struct FaultCampaign {
    let tools: CampaignTools
    let seed: UInt64
    let scale: CampaignScale

    /// The fault switches, each turned on at a rate that makes it bite.
    static let switches: [(name: String, apply: @Sendable (inout SandboxFaults) -> Void)] = [
        ("500s", { $0.serverErrorRate = 0.3 }),
        (
            "429s",
            {
                $0.throttleRate = 0.3
                $0.throttleRetryAfterSeconds = 0
            }
        ),
        (
            "slow",
            {
                $0.slowRate = 0.3
                $0.slowDelay = .milliseconds(150)
            }
        ),
        ("malformed", { $0.malformedRate = 0.2 }),
        ("truncated", { $0.truncatedPageRate = 0.2 }),
        (
            "thread-limit",
            {
                $0.limitThreads = true
                $0.threadLimit = 1
                $0.threadLimitStatus = 429
            }
        ),
        (
            "threshold",
            {
                $0.enforceThreshold = true
                $0.requestThreshold = 6
                $0.thresholdRetryAfterSeconds = 0
            }
        ),
        (
            "threshold-latency",
            {
                $0.latencyAtHalfThreshold = .milliseconds(50)
                $0.latencyAtThreeQuartersThreshold = .milliseconds(100)
            }
        ),
    ]

    func combinations() -> [[Int]] {
        let singles = switchIndices.map { [$0] }
        var pairs: [[Int]] = []
        for a in switchIndices { for b in switchIndices where b > a { pairs.append([a, b]) } }
        return singles + (scale.allFaultPairs ? pairs : [[0, 3], [1, 4]])
    }

    private var switchIndices: Range<Int> { 0..<Self.switches.count }

    func run() async throws -> CampaignTally {
        var tally = CampaignTally()
        let world = try await CampaignWorld.start("faults", tools: tools, seed: seed)
        var outcomes = (completed: 0, failedCleanly: 0)
        do {
            let connected = try await world.makeLedger("connected.sqlite")
            let imported = try world.copyLedger(connected, to: "imported.sqlite")
            try await world.mustSucceed(
                ["import", "--company", "101", "--contract", "1001", "--contract", "1002"], ledger: imported)
            try await world.mustSucceed(["import", "--company", "102", "--service", "3005"], ledger: imported)
            let commands: [(name: String, template: String, arguments: [String])] = [
                ("import", connected, ["import", "--company", "101", "--contract", "1001", "--contract", "1002"]),
                ("sync", imported, ["sync"]),
            ]
            for (index, combination) in combinations().enumerated() {
                for command in commands {
                    var faults = SandboxFaults(seed: seed &+ UInt64(index))
                    for position in combination { Self.switches[position].apply(&faults) }
                    let name = combination.map { Self.switches[$0].name }.joined(separator: "+")
                    let ledger = try world.copyLedger(command.template, to: "trial.sqlite")
                    world.sandbox.resetRequestLog()
                    world.sandbox.setFaults(faults)
                    let outcome = try await world.contracts(
                        command.arguments + ["--retries", "3"], ledger: ledger, timeout: .seconds(120))
                    world.sandbox.setFaults(.none)
                    let context = "\(command.name) with \(name)"
                    if outcome.succeeded {
                        outcomes.completed += 1
                    } else if outcome.isCleanFailure {
                        outcomes.failedCleanly += 1
                    } else {
                        tally.failures.append("faults: \(context) ended neither completed nor cleanly: \(outcome)")
                        continue
                    }
                    let replay = try await world.replay(ledger)
                    if !replay.succeeded {
                        tally.failures.append("faults: ledger-replay fails after \(context): \(replay)")
                        continue
                    }
                    if command.name == "sync",
                        try await world.runs(ledger).contains(where: { $0["status"] as? String == "running" })
                    {
                        tally.failures.append("faults: \(context) left a run marked running")
                        continue
                    }
                    tally.faultsTried += 1
                }
            }
            tally.notes.append(
                "faults: \(outcomes.completed) trials completed (retrying where needed), "
                    + "\(outcomes.failedCleanly) failed cleanly with one error line")
        } catch {
            tally.failures.append("faults: \(error)")
        }
        await world.finish(&tally, campaign: "faults")
        return tally
    }
}
