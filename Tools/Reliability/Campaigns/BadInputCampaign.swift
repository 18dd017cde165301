import Foundation
import TestSupport

/// Campaign 5b: a seeded fuzz of the `contracts` command line. No crash, one clear error line on every
/// rejection, and the ledger (log and contracts as JSON) unchanged by it.
struct BadInputCampaign {
    let tools: CampaignTools
    let seed: UInt64
    let scale: CampaignScale

    static let injection = "'); DROP TABLE events;--"

    static let nastyValues: [String] = [
        injection, "\"; DELETE FROM contracts; --", "", " ", "-1", "0", "9223372036854775808",
        "-9223372036854775809", "1e400", "LC-0", "LC-99999999999999999999", "LC-", "../../etc/passwd",
        "%s%s%n", "\u{202E}evil", "\u{0}", "name", "--format", "=", "==", "a=b=c", "\u{1F4A5}",
        String(repeating: "x", count: 60_000), String(repeating: "LC-1 ", count: 5_000),
    ]

    static let dates: [String] = [
        "0000-00-00", "9999-99-99", "-0001-01-01", "2025-02-30", "99999999999-01-01", "2025-13-01",
        "1-1-1", "2025-1-1", "0001-01-01", "9999-12-31", "2025-02-29T25:61:00Z",
    ]

    func run() async throws -> CampaignTally {
        var tally = CampaignTally()
        var random = SeededGenerator(seed: seed)
        let world = try await CampaignWorld.start("badinput", tools: tools, seed: seed)
        do {
            let ledger = try await world.makeLedger(
                "fuzz.sqlite", imports: [["--company", "101", "--contract", "1001"]])
            try await world.mustSucceed(["copy", "LC-1"], ledger: ledger)
            var current = try await world.observe(ledger)
            // The injection as a name is stored verbatim and harms nothing.
            try await world.mustSucceed(["edit", "LC-2", "--set", "name=\(Self.injection)"], ledger: ledger)
            let show = try await world.mustSucceed(["show", "LC-2", "--format", "json"], ledger: ledger)
            if !show.stdout.contains(#"DROP TABLE events;--"#) {
                tally.failures.append(
                    "bad input: the injection name was not stored verbatim: \(show.stdout.prefix(300))")
            }
            current = try await world.observe(ledger)
            for index in 0..<scale.commandLines {
                let (label, outcome) = try await fuzz(world, ledger: ledger, index: index, random: &random)
                tally.inputsTried += 1
                if outcome.signaled || outcome.timedOut || !(0...4).contains(outcome.status) {
                    tally.failures.append("bad input: \(label) crashed or failed unexpectedly: \(outcome)")
                    current = try await world.observe(ledger)
                    continue
                }
                let after = try await world.observe(ledger)
                if outcome.status != 2 && label.contains("invalid UTF-8") {
                    tally.failures.append("bad input: \(label) was not refused as a usage error: \(outcome)")
                }
                if outcome.status != 0 {
                    if !outcome.isCleanFailure {
                        tally.failures.append("bad input: \(label) was refused without one clear line: \(outcome)")
                    }
                    if after != current { tally.failures.append("bad input: the refused \(label) changed the ledger") }
                }
                current = after
            }
            let replay = try await world.replay(ledger)
            if !replay.succeeded { tally.failures.append("bad input: ledger-replay fails after the fuzz: \(replay)") }
        } catch {
            tally.failures.append("bad input: \(error)")
        }
        await world.finish(&tally, campaign: "bad input")
        return tally
    }

    /// One seeded command line; every eighth carries invalid UTF-8 in a contract name.
    private func fuzz(_ world: CampaignWorld, ledger: String, index: Int, random: inout SeededGenerator) async throws
        -> (String, ProcessOutcome)
    {
        if index % 8 == 7 {
            let bytes = [#"a\377\376b"#, #"\300\200"#, #"\355\240\200"#, #"name\377"#][index / 8 % 4]
            let script = #"exec "$0" edit LC-2 --set "name=$(printf '"# + bytes + #"')" --ledger "$1""#
            let outcome = try await world.runner.run(
                URL(fileURLWithPath: "/bin/sh"), ["-c", script, tools.contracts.path, ledger])
            return ("edit LC-2 --set name=<invalid UTF-8 \(bytes)>", outcome)
        }
        let value = randomValue(&random)
        let other = randomValue(&random)
        let date = Self.dates[Int.random(in: 0..<Self.dates.count, using: &random)]
        let lines: [[String]] = [
            ["edit", "LC-2", "--set", "name=\(value)"],
            ["edit", "LC-2", "--set", "\(value)=x"],
            ["edit", "LC-2", "--set", "endDate=\(date)"],
            ["edit", "LC-1", "--set", "renewalReminder=\(date)"],
            ["edit", "LC-1", "--set", "name=\(value)"],
            ["create", "--set", "name=\(value)", "--set", "startDate=\(date)"],
            ["show", value], ["history", value], ["list", "--format", value], ["diff", value, other],
            ["import", "--company", value, "--contract", other], ["import", "--company", "101", "--contract", value],
            ["sync", "--contract", value], ["log", "--from", value], ["runs", "--format", value],
            ["auto-sync", value, other], [value, other], ["edit", value, "--set", "notes=\(other)"],
            ["copy", value],
        ]
        let line = lines[Int.random(in: 0..<lines.count, using: &random)]
        let outcome = try await world.contracts(line, ledger: ledger, timeout: .seconds(60))
        let label = line.map { $0.count > 40 ? "<\($0.count) chars>" : $0 }.joined(separator: " ")
        return (label, outcome)
    }

    private func randomValue(_ random: inout SeededGenerator) -> String {
        if Bool.random(using: &random) {
            return Self.nastyValues[Int.random(in: 0..<Self.nastyValues.count, using: &random)]
        }
        let alphabet = Array("abcXYZ019 -_=.,;:'\"\\/%$`()[]{}<>!?*&|é漢\u{7F}\t")
        return String((0..<Int.random(in: 0...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }
}
