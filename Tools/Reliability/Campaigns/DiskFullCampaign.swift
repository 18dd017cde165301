import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Campaign 7: a full disk. Each trial puts a ledger on a small tmpfs (mounted as root, as CI runs), fills
/// it to a seeded margin, and runs imports, edits with long notes and syncs until the disk is full. The
/// command that meets the full disk must exit 6 with one "disk full" line (a sync too, not with the Autotask
/// code); while the disk is still full the queries and `ledger-replay` must work; once space is freed, the
/// ledger takes writes again, replays, and holds every event committed before.
///
/// When a tmpfs cannot be mounted (not root, or no mount permission), the campaign fails and says so: it
/// never passes without having run.
struct DiskFullCampaign {
    let tools: CampaignTools
    let seed: UInt64
    let scale: CampaignScale

    func run() async throws -> CampaignTally {
        var tally = CampaignTally()
        let world = try await CampaignWorld.start("diskfull", tools: tools, seed: seed)
        var random = SeededGenerator(seed: seed)
        var fills = 0
        for trial in 0..<scale.diskFullTrials {
            let mount = world.path("tmpfs-\(trial)")
            try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
            let size = [256, 320, 448, 640][Int.random(in: 0..<4, using: &random)]
            let mounted = try await world.runner.run(
                URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(size)k", "tmpfs", mount])
            guard mounted.succeeded else {
                tally.failures.append(
                    "disk full: CANNOT MOUNT a tmpfs (\(mounted.stderr.trimmingCharacters(in: .whitespacesAndNewlines))); "
                        + "this campaign needs root (CI runs it as root) and did NOT run")
                break
            }
            do {
                let margin = Int.random(in: 16...96, using: &random) * 1024
                let result = try await self.trial(world, folder: mount, margin: margin, random: &random)
                tally.failures += result.failures.map { "disk full (trial \(trial), \(size) KiB): \($0)" }
                tally.eventsLost += result.eventsLost
                if result.filled { fills += 1 }
                tally.faultsTried += 1
            } catch {
                tally.failures.append("disk full (trial \(trial)): \(error)")
            }
            tally.failures += SecretScan.scan(folder: URL(fileURLWithPath: mount), secret: world.secret).map {
                "disk full: \($0)"
            }
            let unmounted = try await world.runner.run(URL(fileURLWithPath: "/bin/umount"), [mount])
            if !unmounted.succeeded { tally.failures.append("disk full: cannot unmount \(mount): \(unmounted)") }
        }
        tally.notes.append("disk full: \(fills) of \(scale.diskFullTrials) trials filled the disk")
        await world.finish(&tally, campaign: "disk full")
        return tally
    }

    struct TrialResult {
        var failures: [String] = []
        var eventsLost = 0
        var filled = false
    }

    private func trial(_ world: CampaignWorld, folder: String, margin: Int, random: inout SeededGenerator)
        async throws -> TrialResult
    {
        var result = TrialResult()
        let ledger = folder + "/ledger.sqlite"
        try await world.mustSucceed(["init", "--primary", "autotask"], ledger: ledger)
        try await world.mustSucceed(
            [
                "connect", "--discovery-url", world.sandbox.discoveryURL.absoluteString, "--user",
                world.sandbox.credentials.userName, "--integration-code", world.sandbox.credentials.integrationCode,
            ], ledger: ledger)
        try await world.mustSucceed(["import", "--company", "101", "--contract", "1001"], ledger: ledger)
        let filler = folder + "/filler"
        let free = Self.freeBytes(folder)
        FileManager.default.createFile(atPath: filler, contents: Data(count: max(0, free - margin)))

        var imports = [("102", "1003"), ("102", "1004"), ("103", "1005"), ("104", "1008"), ("101", "1002")]
        var committed = try await world.logRows(ledger).map(eventKey)
        var lines = 0
        for _ in 0..<240 {
            let line: [String]
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<2 where !imports.isEmpty:
                let (company, contract) = imports.removeFirst()
                line = ["import", "--company", company, "--contract", contract]
            case 2:
                line = ["sync"]
            default:
                let length = Int.random(in: 2_000...8_000, using: &random)
                let letters = Array("abcdefghij klmnopqrstuvwxyz")
                let notes = String((0..<length).map { _ in letters.randomElement(using: &random)! })
                line = ["edit", "LC-1", "--set", "notes=\(notes)"]
            }
            lines += 1
            let outcome = try await world.contracts(line, ledger: ledger)
            let label = line[0]
            if outcome.succeeded {
                committed = try await world.logRows(ledger).map(eventKey)
                continue
            }
            if outcome.signaled || outcome.timedOut {
                result.failures.append("`\(label)` crashed or hung: \(outcome)")
                return result
            }
            guard outcome.status == 6, outcome.isCleanFailure, outcome.stderr.contains("disk full") else {
                result.failures.append(
                    "`\(label)` met the full disk without exit 6 and one \"disk full\" line: \(outcome)")
                return result
            }
            result.filled = true
            break
        }
        guard result.filled else {
            result.failures.append("the disk never filled in \(lines) commands (margin \(margin) bytes)")
            return result
        }
        // Still full: queries and the audit work, and nothing committed is lost.
        for query in [["list"], ["runs"], ["show", "LC-1"], ["log", "--format", "json"]] {
            let outcome = try await world.contracts(query, ledger: ledger)
            if !outcome.succeeded { result.failures.append("`\(query[0])` fails while the disk is full: \(outcome)") }
        }
        let replayFull = try await world.replay(ledger)
        if !replayFull.succeeded { result.failures.append("ledger-replay fails while the disk is full: \(replayFull)") }
        let whileFull = try await world.logRows(ledger).map(eventKey)
        result.eventsLost += Self.lost(committed, now: whileFull)

        // Space freed: writes work again, the audit passes, and the history is intact.
        try FileManager.default.removeItem(atPath: filler)
        let edit = try await world.contracts(
            ["edit", "LC-1", "--set", "notes=after the disk was freed"], ledger: ledger)
        if !edit.succeeded { result.failures.append("an edit fails after space was freed: \(edit)") }
        let sync = try await world.contracts(["sync"], ledger: ledger)
        if !sync.succeeded { result.failures.append("a sync fails after space was freed: \(sync)") }
        let replay = try await world.replay(ledger)
        if !replay.succeeded { result.failures.append("ledger-replay fails after space was freed: \(replay)") }
        let after = try await world.logRows(ledger).map(eventKey)
        result.eventsLost += Self.lost(committed, now: after)
        let runs = try await world.runs(ledger)
        if runs.contains(where: { $0["status"] as? String == "running" }) {
            result.failures.append("a run is left running after space was freed")
        }
        return result
    }

    /// Events committed before that are missing, or changed, now.
    static func lost(_ committed: [String], now: [String]) -> Int {
        let prefix = now.prefix(committed.count)
        return zip(committed, prefix).filter { $0 != $1 }.count + max(0, committed.count - prefix.count)
    }

    static func freeBytes(_ path: String) -> Int {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return 0 }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }
}
