import ContractsCore
import Foundation
import Ledger

/// `contracts sync --format json`: the run as one JSON object with stable keys.
enum SyncReportJSON {
    /// `{"run":3,"trigger":"nightly","status":"completed","contractsTotal":...,"changes":[...]}`.
    static func render(_ report: SyncReport, zone: URL?, head: String?) -> JSONValue {
        let status =
            report.completed != nil
            ? "completed" : report.interruption != nil ? "interrupted" : report.failure != nil ? "failed" : "running"
        let completed = report.completed
        return .object([
            ("run", .int(report.run)),
            ("trigger", .string(report.trigger.rawValue)),
            ("status", .string(status)),
            ("contractsTotal", .int(report.total)),
            ("checked", .int(completed?.checked)),
            ("changed", .int(completed?.changed)),
            ("unchanged", .int(completed?.unchanged)),
            ("missing", .int(completed?.missing)),
            ("failed", .int(completed?.failed)),
            ("requests", .int(completed?.requests)),
            ("durationMs", .int(completed?.durationMilliseconds)),
            ("failureStage", .text(report.failure?.stage)),
            ("failureReason", .text(report.failure?.reason)),
            ("interruptedBy", .text(report.interruption)),
            ("earlierRunsMarkedInterrupted", .array(report.interruptedRuns.map { .int($0) })),
            ("zone", .text(zone?.absoluteString)),
            ("ledgerHead", .text(head)),
            (
                "changes",
                .array(
                    report.changes.map { change in
                        .object([
                            ("contract", .string(change.contract.rawValue)),
                            (
                                "events",
                                .array(
                                    change.events.map { event in
                                        .object([("type", .string(event.type)), ("summary", .string(event.summary))])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }
}
