import ArgumentParser
import ContractsCore
import EventLog
import Foundation

/// `ledger-replay LEDGER [--run N] [--format text|json]`: audits a ledger read-only.
@main
struct LedgerReplay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger-replay",
        abstract: "Verifies a contracts ledger and prints the audit of its sync runs, without changing the file.",
        discussion: """
            The ledger is opened read-only. Every event is checked: positions without gaps, stream versions in \
            order, the hash chain unbroken, the protective triggers in place, and every payload decodable; with \
            --anchor, the log must also still hold every head kept outside it (`contracts head`). Then \
            every projection is rebuilt from the log in a scratch file and compared row by row with the one stored \
            in the ledger. Last, the audit of each sync run is printed: its trigger, times, status, requests, \
            fetches, and per contract what it changed.

            EXIT CODES
              0  Everything verifies.
              1  A fault was found; the first is named (event position and stream,
                 or projection table and row).
              2  The file cannot be audited (missing, a folder, not a ledger), the
                 run asked for does not exist, or the command line is wrong.

            Example: ledger-replay ~/.local/share/contracts/ledger.sqlite --run 3
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("The ledger file to audit; it is opened read-only.", valueName: "ledger"))
    var ledger: String

    @Option(
        name: .customLong("run"),
        help: ArgumentHelp(
            "Print the audit of this sync run only (the whole ledger is still verified).", valueName: "n"))
    var onlyRun: Int?

    @Option(
        help: ArgumentHelp(
            "A file of heads kept outside the ledger, one `POSITION HASH` a line as `contracts head` prints them: "
                + "the log must still hold each, or it was rewritten.",
            valueName: "file"))
    var anchor: String?

    @Option(help: "How to print the report: text for people, json for scripts.")
    var format: Format = .text

    func validate() throws {
        if let onlyRun, onlyRun < 1 { throw ValidationError("--run takes a sync run number of 1 or more") }
    }

    /// Parses the command line and runs it; every error is one line on stderr.
    static func main() async {
        do {
            let command = try parse()
            try await command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            var message = Self.message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
            while message.last == "." { message.removeLast() }
            fail("\(message); see `ledger-replay --help`", status: 2)
        }
        Foundation.exit(0)
    }

    func run() async throws {
        var report: AuditReport
        do {
            report = try await AuditLedger.audit(path: ledger, run: onlyRun)
            if let anchor {
                guard let text = try? String(contentsOfFile: anchor, encoding: .utf8) else {
                    Self.fail("cannot read the anchor file \(anchor)", status: 2)
                }
                report.faults += try AuditAnchors.check(path: ledger, anchors: try AuditAnchors.parse(text))
            }
        } catch let error as EventLogError where error.code == .missing {
            Self.fail("\(error); check the path (`contracts init` creates a ledger)", status: 2)
        } catch {
            Self.fail("\(error)", status: 2)
        }
        if let onlyRun, report.isIntact, report.runs.isEmpty {
            let runs =
                switch report.syncRunCount {
                case 0: "it has no sync runs yet"
                case 1: "it has only sync run #1"
                default: "it has sync runs #1 to #\(report.syncRunCount)"
                }
            Self.fail("there is no sync run #\(onlyRun) in \(ledger); \(runs)", status: 2)
        }
        switch format {
        case .text:
            // One write per run: a large ledger's report is never held as one string.
            var first = true
            report.writeText { piece in
                FileHandle.standardOutput.write(Data(((first ? "" : "\n") + piece).utf8))
                first = false
            }
            FileHandle.standardOutput.write(Data("\n".utf8))
        case .json: print(try report.json())
        }
        if !report.isIntact {
            if format == .json, let fault = report.firstFault {
                FileHandle.standardError.write(Data("ledger-replay: \(fault)\n".utf8))
            }
            throw ExitCode(1)
        }
    }

    /// Prints `ledger-replay: <message>` on stderr and exits with `status`.
    static func fail(_ message: String, status: Int32) -> Never {
        fflush(nil)
        FileHandle.standardError.write(Data("ledger-replay: \(message)\n".utf8))
        Foundation.exit(status)
    }
}
