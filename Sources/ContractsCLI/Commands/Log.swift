import ArgumentParser
import ContractsCore
import EventLog
import Ledger
import Projections

/// `contracts log`: the raw event log, in order.
struct Log: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints the event log in order: position, time, stream, event and summary.",
        discussion: """
            With --format json or csv each event carries its whole payload (`data`), who recorded it (`by`) and \
            its sync run (`run`), with the keys documented in docs/output.md. On a terminal the table goes \
            through $PAGER (less -FRX when unset; PAGER=cat prints it directly).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: ArgumentHelp("The first position to print.", valueName: "position"))
    var from: Int64 = 1

    @Option(help: ArgumentHelp("The most events to print.", valueName: "n"))
    var limit: Int?

    @OptionGroup var format: FormatOptions

    /// The documented columns of an event in JSON and CSV (docs/output.md, "log").
    static let eventColumns = RowSet([
        ("type", ""), ("position", ""), ("recordedAt", ""), ("by", ""), ("run", ""), ("data", ""), ("stream", ""),
        ("version", ""), ("summary", ""),
    ])

    /// One event's documented values, in ``eventColumns`` order.
    static func eventRow(_ event: RecordedEvent, decoded: LedgerEvent?, summary: String) -> [JSONValue] {
        guard case .object(let pairs) = JSONValue.event(event, decoded: decoded) else { return [] }
        return pairs.map(\.1) + [.string(event.stream), .int64(event.version), .string(summary)]
    }

    func validate() throws {
        guard from >= 1 else { throw ValidationError("--from must be a position of 1 or more") }
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() async throws {
        let store = try ledger.openForQueries()
        let cursor = try store.log.cursor(from: from)
        let table = format.format == .table
        var rows =
            table
            ? RowSet([
                ("position", "POSITION"), ("recordedAt", "RECORDED (UTC)"), ("stream", "STREAM"), ("version", "#"),
                ("type", "EVENT"), ("summary", "SUMMARY"),
            ]) : Self.eventColumns
        while rows.rows.count < (limit ?? .max), let event = try cursor.next() {
            let decoded = try? Projector.decode(event)
            let summary = decoded?.summary ?? "(a payload this version cannot read)"
            if table {
                rows.rows.append([
                    .int64(event.position), .string(event.recordedAt), .string(event.stream), .int64(event.version),
                    .string(event.type), .string(summary),
                ])
            } else {
                rows.rows.append(Self.eventRow(event, decoded: decoded, summary: summary))
            }
        }
        let text = format.render(rows, empty: "No events from position \(from).")
        if format.format == .table { Pager.show(text) } else { print(text) }
    }
}
