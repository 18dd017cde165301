import EventLog
import Ledger
import Projections

/// The contract events of each sync run, per contract, as the audit reports them.
struct RunChanges: Sendable {
    /// Only this run's changes are kept, when set.
    let only: Int?
    private(set) var byRun: [Int: [String: [RunAudit.Change]]] = [:]

    init(only: Int?) {
        self.only = only
    }

    /// Adds the changes another collection found in later events, after this one's.
    mutating func append(_ later: RunChanges) {
        for (run, contracts) in later.byRun {
            for (contract, changes) in contracts {
                byRun[run, default: [:]][contract, default: []].append(contentsOf: changes)
            }
        }
    }

    mutating func record(_ recorded: RecordedEvent, _ event: LedgerEvent) {
        guard case .contract(let id)? = StreamName(rawValue: recorded.stream) else { return }
        guard let syncRun = event.syncRun ?? EventMetadata.syncRun(in: recorded.metadata),
            only == nil || only == syncRun
        else { return }
        // The event's own type name is a static string, shared by every change of that type.
        byRun[syncRun, default: [:]][id.rawValue, default: []].append(
            .init(position: recorded.position, type: event.type, summary: event.summary))
    }
}
