import Ledger

/// One imported contract a sync checks.
struct SyncTarget {
    var id: ContractID
    var reference: AutotaskReference
}

/// A run as it starts: its number, the contracts it checks, and the earlier runs it marked interrupted.
struct SyncStart {
    var run: Int
    var targets: [SyncTarget]
    var interrupted: [Int]
}

/// What reconciling one batch of contracts did.
struct SyncBatchOutcome {
    var counts = SyncCounts()
    var changes: [ContractChanges] = []
}
