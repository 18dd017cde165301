import ArgumentParser
import ContractsCore
import Foundation

/// `contracts head`: the last event's position and hash, an anchor to keep outside the ledger.
struct Head: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints the ledger's head: the last event's position and hash, to keep outside the ledger.",
        discussion: """
            Every event's hash covers the one before it, so the head's hash vouches for the whole log up to it. \
            Kept somewhere the ledger's users cannot write (a ticket, an email, an auditor's file), one line per \
            head, it lets `ledger-replay LEDGER --anchor FILE` prove later that no event up to that position was \
            rewritten, even by someone who recomputed every hash in the file. `contracts sync` prints the head \
            after each run, ready to be kept.
            """)

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var format: FormatOptions

    func run() async throws {
        let store = try ledger.openForQueries()
        guard let head = try store.log.head() else {
            print(format.format == .table ? "The ledger has no events yet." : "[]")
            return
        }
        let hash = head.hash.map { String(format: "%02x", $0) }.joined()
        let rows = RowSet(
            [("position", "POSITION"), ("hash", "HASH")], rows: [[.int(Int(head.position)), .string(hash)]])
        print(format.format == .table ? "\(head.position) \(hash)" : rows.rendered(format.format, empty: ""))
    }
}
