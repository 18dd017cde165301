import ArgumentParser
import ContractsCore
import Foundation

/// `--ledger PATH`: which ledger file a command works on.
struct LedgerOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The ledger file. Without it, CONTRACTS_LEDGER is used, then ledger.sqlite in the user's data folder.",
            valueName: "path"))
    var ledger: String?

    /// The path the command uses.
    var path: String {
        Self.resolve(ledger, environment: ProcessInfo.processInfo.environment)
    }

    /// `--ledger`, else `CONTRACTS_LEDGER`, else `$XDG_DATA_HOME/contracts/ledger.sqlite`, else
    /// `~/.local/share/contracts/ledger.sqlite`.
    static func resolve(_ option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment["CONTRACTS_LEDGER"], !variable.isEmpty { return variable }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/contracts/ledger.sqlite"
    }

    func validate() throws {
        if let ledger, ledger.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--ledger needs a file path")
        }
        if let ledger, ledger == ":memory:" || ledger.lowercased().hasPrefix("file:") {
            throw ValidationError("--ledger needs a file path; \(ledger) is an SQLite name, not a file")
        }
    }

    /// Opens the existing ledger for a query: read-only when it is up to date (see
    /// ``LedgerStore/openForQueries(path:options:)``).
    func openForQueries() throws -> LedgerStore {
        try checkExists()
        return try LedgerStore.openForQueries(path: path)
    }

    /// Opens the existing ledger; refuses a missing file or a folder without creating anything.
    func open() throws -> LedgerStore {
        try checkExists()
        return try LedgerStore(path: path)
    }

    private func checkExists() throws {
        let path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError(.ledgerProblem, "no ledger at \(path); run `contracts init`")
        }
        if isDirectory.boolValue {
            throw CLIError(.ledgerProblem, "\(path) is a folder, not a ledger file; give the file with --ledger PATH")
        }
    }

    /// Opens the ledger, creating it (and its folder) when it does not exist.
    func openOrCreate() throws -> (store: LedgerStore, created: Bool) {
        let path = path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            throw CLIError(.ledgerProblem, "\(path) is a folder, not a ledger file; give the file with --ledger PATH")
        }
        if !exists {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        return (try LedgerStore(path: path, options: LedgerStore.Options(create: true)), !exists)
    }
}
