import Ledger

/// One imported contract a sync checks.
struct SyncTarget {
    var id: ContractID
    var reference: AutotaskReference
}
