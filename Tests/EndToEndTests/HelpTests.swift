import Foundation
import TestSupport
import Testing

@Suite("Help text")
struct HelpTests {
    @Test("`--help` on the root and on every subcommand prints help and exits 0")
    func helpExitsZero() async throws {
        let folder = try TemporaryDirectory()
        let contracts = try ContractsExecutable(folder: folder.url, environment: [:])
        let root = try await contracts.run(["--help"])
        #expect(root.status == 0, "\(root)")
        #expect(root.stdout.contains("EXIT CODES"))
        #expect(root.stdout.contains("6  The disk holding the ledger is full"))
        #expect(root.stderr.isEmpty)
        for subcommand in [
            "init", "connect", "check-access", "companies", "browse", "import", "list", "show", "edit", "copy",
            "create", "history", "log", "demo", "sync", "runs", "diff", "auto-sync", "head",
        ] {
            let run = try await contracts.run([subcommand, "--help"])
            #expect(run.status == 0, "\(subcommand): \(run)")
            #expect(run.stdout.contains("USAGE: contracts \(subcommand)"), "\(subcommand): \(run)")
        }
        let helpCommand = try await contracts.run(["help", "edit"])
        #expect(helpCommand.status == 0, "\(helpCommand)")
        #expect(helpCommand.stdout.contains("USAGE: contracts edit"))
    }

    @Test("an unknown subcommand is a usage error with one line and exit 2")
    func unknownSubcommand() async throws {
        let folder = try TemporaryDirectory()
        let contracts = try ContractsExecutable(folder: folder.url, environment: [:])
        let run = try await contracts.run(["frobnicate"])
        #expect(run.status == 2, "\(run)")
        #expect(run.errorLines.count == 1)
    }
}
