import Foundation

extension AuditReport {
    /// The report for people: the verdict, the faults, then each sync run and what it changed.
    public func text() -> String {
        var chunks: [String] = []
        writeText { chunks.append($0) }
        return chunks.joined(separator: "\n")
    }

    /// Writes ``text()`` in pieces, the head and then one run at a time, without the trailing newline:
    /// joined with newlines, the pieces are the text. A report of a million changes is printed this way
    /// without holding all of its text at once.
    public func writeText(_ write: (String) -> Void) {
        var lines: [String] = []
        lines.append("Ledger \(path): \(eventsChecked) events, last position \(lastPosition)")
        if isIntact {
            lines.append(
                "OK: positions, versions and the hash chain verify; every event decodes; "
                    + (projectionRowsCompared
                        ? "every projection rebuilt from the log matches the stored one row by row"
                        : "the projections were rebuilt from the log (none stored to compare)"))
        } else {
            lines.append("FAULT: \(firstFault?.description ?? "unknown")")
            for fault in faults.prefix(20) where fault != firstFault {
                lines.append("  also: \(fault)")
            }
            if faults.count > 21 { lines.append("  ... \(faults.count - 21) more") }
        }
        for audit in runs {
            write(lines.joined(separator: "\n"))
            lines.removeAll(keepingCapacity: true)
            let run = audit.run
            lines.append("")
            var head = "Sync #\(run.run) (\(run.trigger), \(run.scope)): \(run.status), started \(run.startedAt)"
            if let finished = run.finishedAt { head += ", finished \(finished)" }
            lines.append(head)
            var counts = "  \(run.requests) requests"
            if let checked = run.checked {
                counts +=
                    ", \(checked) checked, \(run.changed ?? 0) changed, \(run.unchanged ?? 0) unchanged, "
                    + "\(run.missing ?? 0) missing, \(run.failed ?? 0) failed"
            }
            if let duration = run.durationMilliseconds { counts += ", \(duration) ms" }
            lines.append(counts)
            if let stage = run.failureStage { lines.append("  failed at \(stage): \(run.failureReason ?? "")") }
            if let noticed = run.interruptedBy { lines.append("  interrupted (noticed by sync #\(noticed))") }
            for fetch in audit.fetches { lines.append("  fetched \(fetch)") }
            for failure in audit.contractFailures { lines.append("  not checked \(failure)") }
            for contract in audit.contracts.keys.sorted(by: LedgerStore.idOrder) {
                for change in audit.contracts[contract] ?? [] {
                    lines.append("  \(contract) @\(change.position): \(change.summary)")
                }
            }
        }
        write(lines.joined(separator: "\n"))
    }

    /// The report as JSON (sorted keys, pretty-printed).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
