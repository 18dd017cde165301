import ArgumentParser
import EventLog
import Foundation

/// The `contracts` command: the root of every subcommand.
@main
struct Contracts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contracts",
        abstract: "Imports contracts from Autotask into an event-sourced ledger and keeps them in step.",
        discussion: """
            Every import, edit, copy and Autotask fetch is recorded as an immutable event in the ledger file \
            (--ledger PATH, or the CONTRACTS_LEDGER environment variable, or \
            $XDG_DATA_HOME/contracts/ledger.sqlite, or ~/.local/share/contracts/ledger.sqlite). \
            The Autotask API secret is read from the AUTOTASK_SECRET environment variable or from \
            --secret-file PATH (a file only its owner can read); it is never stored in the ledger.

            Start with `contracts demo` to see the whole flow against a local Autotask sandbox.

            EXIT CODES
              0  The command succeeded.
              1  A ledger rule refused the command (an Autotask-owned field, an import already made).
              2  The input was wrong (usage, an unknown id, a malformed FIELD=VALUE, a missing secret).
              3  The ledger file has a problem (missing, not a ledger, damaged, newer).
              4  Autotask could not answer (unreachable, authentication, permission, throttling), or a sync run failed.
              5  Something unexpected happened.
              6  The disk holding the ledger is full; nothing was recorded, and the ledger is intact.
              75  The ledger is busy: another sync holds it, or another process holds its write lock past the
                  wait; try again later (`sync --wait SECONDS` waits for it).
              130  SIGINT or SIGTERM stopped the command; what was written before is complete, nothing is
                  half-applied.
            A refused or failed command leaves the ledger exactly as it was.
            """,
        version: "contracts \(LedgerVersion.description)",
        subcommands: [
            Init.self,
            Connect.self,
            CheckAccess.self,
            Companies.self,
            Browse.self,
            Import.self,
            List.self,
            Show.self,
            Edit.self,
            Copy.self,
            Create.self,
            History.self,
            Log.self,
            Demo.self,
            Sync.self, Runs.self, Diff.self, AutoSync.self, FollowRenewal.self, Rebuild.self, Head.self,
        ]
    )

    static func main() async {
        // Swift repairs invalid UTF-8 in arguments with U+FFFD; refuse such bytes instead of storing a mangled value.
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index], String(validatingCString: raw) == nil else { continue }
            let status = ErrorReport.print(
                CLIError(.badInput, "argument \(index) is not valid UTF-8 text; check the terminal's encoding"))
            Foundation.exit(status)
        }
        let status = await run(arguments: Array(CommandLine.arguments.dropFirst()))
        Foundation.exit(status)
    }

    /// Parses and runs one command line, prints any error as one line on stderr, and returns the exit status.
    static func run(arguments: [String]) async -> Int32 {
        var parsed: ParsableCommand
        do {
            parsed = try parseAsRoot(arguments)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                return 0
            }
            if let typed = arguments.first, !typed.hasPrefix("-") {
                let names = configuration.subcommands.map { $0._commandName } + ["help"]
                if !names.contains(typed) {
                    let hint = Suggestion.closest(to: typed, among: names).map { " (did you mean `contracts \($0)`?)" }
                    return ErrorReport.print(
                        CLIError(
                            .badInput,
                            "unknown command '\(typed)'\(hint ?? ""); `contracts help` lists the commands"))
                }
            }
            var message = Self.message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
            while message.last == "." { message.removeLast() }
            return ErrorReport.print(
                CLIError(.badInput, "\(message); see `contracts help` for usage"))
        }
        do {
            if var command = parsed as? AsyncParsableCommand {
                try await command.run()
            } else {
                try parsed.run()
            }
            return 0
        } catch {
            // `--help` and `help` end as argument-parser errors whose exit code is success.
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                return 0
            }
            return ErrorReport.print(error)
        }
    }
}
