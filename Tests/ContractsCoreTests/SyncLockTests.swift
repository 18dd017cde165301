import EventLog
import Foundation
import Ledger
import Testing

@testable import ContractsCore

@Suite("The sync lock holds for every path to the ledger and cannot be turned on another file")
struct SyncLockTests {
    @Test("a sync through a symlink to the ledger is refused while one holds the lock by the real path")
    func lockFollowsTheFile() async throws {
        try await SyncHarness.with { harness in
            try await harness.importContracts([1001])
            let link = harness.folder.appendingPathComponent("link.db").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: harness.store.path)
            let held = try SyncLock.acquire(ledgerPath: link)
            let refused = await #expect(throws: SyncError.self) { try await harness.sync() }
            #expect(refused?.code == .busy)
            held.release()
            #expect(try await harness.sync().completed != nil)
        }
    }

    @Test("a symlink or a hard link at the lock file's path is refused and its target left intact")
    func lockFileIsNotFollowed() async throws {
        try await SyncHarness.with { harness in
            try await harness.importContracts([1001])
            let victim = harness.folder.appendingPathComponent("victim.txt").path
            try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim))
            let lockPath = SyncLock.path(forLedger: harness.store.path)
            try FileManager.default.createSymbolicLink(atPath: lockPath, withDestinationPath: victim)
            let viaSymlink = await #expect(throws: SyncError.self) { try await harness.sync() }
            #expect(viaSymlink?.code == .lockUnavailable)
            #expect(viaSymlink?.message.contains("symbolic link") == true)
            try FileManager.default.removeItem(atPath: lockPath)
            try FileManager.default.linkItem(atPath: victim, toPath: lockPath)
            let viaHardLink = await #expect(throws: SyncError.self) { try await harness.sync() }
            #expect(viaHardLink?.code == .lockUnavailable)
            #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
            try FileManager.default.removeItem(atPath: lockPath)
            #expect(try await harness.sync().completed != nil)
        }
    }

    @Test("the audit flags a run that went on after another run marked it interrupted")
    func auditFlagsOverlappingRuns() async throws {
        try await SyncHarness.with { harness in
            try await harness.importContracts([1001])
            try harness.store.log.write { transaction in
                for event in [
                    SyncStarted(run: 1, trigger: .manual, scope: .all, contractsToCheck: []).event,
                    SyncInterrupted(noticedByRun: 2).event,
                    SyncCompleted(
                        checked: 0, changed: 0, unchanged: 0, missing: 0, failed: 0, requests: 0,
                        durationMilliseconds: 1
                    ).event,
                ] {
                    let encoded = try event.encoded()
                    _ = try transaction.append(
                        [
                            NewEvent(
                                id: UUID().uuidString, type: encoded.type, schemaVersion: encoded.schemaVersion,
                                payload: encoded.payload, metadata: Data("{}".utf8))
                        ], to: "sync/1", expected: .any)
                }
            }
            let report = try await AuditLedger.audit(path: harness.store.path)
            #expect(report.faults.contains { $0.kind == "run-after-interrupted" }, "\(report.faults)")
        }
    }
}
