import ArgumentParser
import ContractsCore
import Projections

/// `contracts log`: the raw event log, in order.
struct Log: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints the event log in order: position, time, stream, event and summary.")

    @OptionGroup var ledger: LedgerOptions

    @Option(help: ArgumentHelp("The first position to print.", valueName: "position"))
    var from: Int64 = 1

    @Option(help: ArgumentHelp("The most events to print.", valueName: "n"))
    var limit: Int?

    @OptionGroup var format: FormatOptions

    func validate() throws {
        guard from >= 1 else { throw ValidationError("--from must be a position of 1 or more") }
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() async throws {
        let store = try ledger.openForQueries()
        let cursor = try store.log.cursor(from: from)
        var rows = RowSet([
            ("position", "POSITION"), ("recordedAt", "RECORDED (UTC)"), ("stream", "STREAM"), ("version", "#"),
            ("type", "EVENT"), ("summary", "SUMMARY"),
        ])
        while rows.rows.count < (limit ?? .max), let event = try cursor.next() {
            let summary = (try? Projector.decode(event).summary) ?? "(a payload this version cannot read)"
            rows.rows.append([
                .int64(event.position), .string(event.recordedAt), .string(event.stream), .int64(event.version),
                .string(event.type), .string(summary),
            ])
        }
        print(rows.rendered(format.format, empty: "No events from position \(from)."))
    }
}
