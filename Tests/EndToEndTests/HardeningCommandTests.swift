import EventLog
import Foundation
import SQLite
import Synchronization
import TestSupport
import Testing

@Suite("Long text, anchors and odd ledger paths at the command line")
struct HardeningCommandTests {
    @Test("a 10,000-character note does not widen every row of the show table")
    func longNoteStaysInItsRow() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        let note = String(repeating: "word ", count: 2_000).trimmingCharacters(in: .whitespaces)
        try await harness.expectSuccess(["edit", "LC-1", "--set", "notes=\(note)"])
        let show = try await harness.expectSuccess(["show", "LC-1"]).stdout
        let wide = show.split(separator: "\n").filter { $0.count > 300 }
        #expect(wide.count <= 1, "\(wide.count) lines wider than 300 characters")
        let json = try await harness.object(["show", "LC-1"])
        let fields = try #require(json["fields"] as? [String: [String: Any]])
        #expect(fields["notes"]?["value"] as? String == note)
    }

    @Test("contracts head gives an anchor that ledger-replay --anchor checks; a wrong one is named")
    func anchors() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        let sync = try await harness.expectSuccess(["sync"]).stdout
        let head = try await harness.expectSuccess(["head"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(sync.contains("Ledger head: \(head)"), "\(sync)")
        let parts = head.split(separator: " ")
        #expect(parts.count == 2 && parts[1].count == 64, "\(head)")
        let replay = try ContractsExecutable(
            folder: harness.directory.url, environment: harness.cli.environment, product: "ledger-replay")
        let anchorFile = harness.directory.path("anchors")
        try Data("# kept by the auditor\n\(head)\n".utf8).write(to: URL(fileURLWithPath: anchorFile))
        let good = try await replay.run([harness.ledger, "--anchor", anchorFile])
        #expect(good.status == 0, "\(good)")
        let forged = String(parts[1].dropLast()) + (parts[1].last == "0" ? "1" : "0")
        try Data("\(parts[0]) \(forged)\n999999 \(parts[1])\n".utf8).write(to: URL(fileURLWithPath: anchorFile))
        let bad = try await replay.run([harness.ledger, "--anchor", anchorFile])
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stdout.contains("anchor-mismatch") && bad.stdout.contains("anchor-missing"), "\(bad)")
    }

    @Test("a FIFO, a folder, :memory: and file: URIs are refused as --ledger in one line, without hanging")
    func oddLedgerPaths() async throws {
        let harness = try await LedgerHarness.start(primary: nil)
        defer { Task { try await harness.stop() } }
        let fifo = harness.directory.path("fifo")
        #expect(mkfifo(fifo, 0o644) == 0)
        for line in [["init", "--primary", "autotask"], ["list"]] {
            let run = try await harness.run(line, ledger: fifo)
            #expect(run.status == 3 && run.errorLines.count == 1, "\(line[0]) on a FIFO: \(run)")
        }
        for path in [":memory:", "file:ledger.sqlite?mode=memory"] {
            let run = try await harness.run(["init", "--primary", "autotask"], ledger: path)
            #expect(run.status == 2 && run.errorLines.count == 1, "\(path): \(run)")
        }
    }

    @Test("queries answer while another process holds the write lock past the busy timeout")
    func queriesDoNotWaitForWriters() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        // Another process's write transaction, held open on a thread of its own until released.
        let state = Mutex((held: false, release: false))
        let path = harness.ledger
        Thread {
            let log = try? EventLog.open(path: path)
            try? log?.write { _ in
                state.withLock { $0.held = true }
                while !state.withLock({ $0.release }) { usleep(10_000) }
            }
            state.withLock { $0.held = true }
        }.start()
        while !state.withLock({ $0.held }) { try await Task.sleep(for: .milliseconds(10)) }
        defer { state.withLock { $0.release = true } }
        for query in [["list"], ["show", "LC-1"], ["runs"], ["log"]] {
            let run = try await harness.run(query)
            #expect(run.status == 0, "\(query[0]) behind a held write: \(run)")
        }
        let edit = try await harness.run(["edit", "LC-1", "--set", "notes=x"])
        #expect(edit.status == 75 && edit.stderr.contains("busy"), "\(edit)")
    }
}
