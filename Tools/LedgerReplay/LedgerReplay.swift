import ArgumentParser
import ContractsCore
import Foundation

/// `ledger-replay LEDGER [--run N] [--format text|json]`: audits a ledger read-only.
@main
struct LedgerReplay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger-replay",
        abstract: "Verify a ledger's log and projections, and print the audit of its sync runs.",
        discussion: """
            Opens the ledger read-only; verifies positions, versions and the hash chain; decodes every event; \
            rebuilds every projection in a scratch file and compares it row by row with the stored one. \
            Exits 0 when everything verifies, 1 on a fault (naming the first: position and stream, or table \
            and row), 2 when the file cannot be opened as a ledger.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The ledger file.")
    var ledger: String

    @Option(name: .customLong("run"), help: "Report only this sync run.")
    var onlyRun: Int?

    @Option(help: "text or json.")
    var format: Format = .text

    func run() throws {
        let report: AuditReport
        do {
            report = try AuditLedger.audit(path: ledger, run: onlyRun)
        } catch {
            FileHandle.standardError.write(Data("ledger-replay: \(error)\n".utf8))
            throw ExitCode(2)
        }
        switch format {
        case .text: print(report.text())
        case .json: print(try report.json())
        }
        if !report.isIntact {
            if format == .json, let fault = report.firstFault {
                FileHandle.standardError.write(Data("ledger-replay: \(fault)\n".utf8))
            }
            throw ExitCode(1)
        }
    }
}
