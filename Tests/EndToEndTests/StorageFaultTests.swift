import Foundation
import TestSupport
import Testing

/// A small tmpfs, mounted for one test (as root, as CI runs): a full disk, read-only media.
final class ScratchMount {
    let path: String

    init(size: String, in directory: TemporaryDirectory) throws {
        path = directory.path("mount-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let status = Self.system("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path])
        guard status == 0 else {
            throw MountError(
                description: "cannot mount a tmpfs at \(path) (exit \(status)); these tests need root, as CI runs them")
        }
    }

    func remountReadOnly() -> Bool { Self.system("/bin/mount", ["-o", "remount,ro", path]) == 0 }

    func unmount() { _ = Self.system("/bin/umount", [path]) }

    /// Fills the mount until the disk refuses more, in a file of its own.
    func fill(named name: String) {
        guard
            let handle = FileHandle(forWritingAtPath: path + "/" + name)
                ?? {
                    FileManager.default.createFile(atPath: path + "/" + name, contents: nil)
                    return FileHandle(forWritingAtPath: path + "/" + name)
                }()
        else { return }
        defer { try? handle.close() }
        let chunk = Data(count: 4096)
        while (try? handle.write(contentsOf: chunk)) != nil {}
    }

    static func system(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct MountError: Error, CustomStringConvertible { let description: String }
}

@Suite("A full disk and read-only media", .serialized)
struct StorageFaultTests {
    @Test("a full disk gives exit 6 and 'disk full'; the ledger stays readable and intact, and takes writes once freed")
    func diskFull() async throws {
        let harness = try await LedgerHarness.start(primary: nil)
        defer { Task { try await harness.stop() } }
        let mount = try ScratchMount(size: "320k", in: harness.directory)
        defer { mount.unmount() }
        let ledger = mount.path + "/ledger.sqlite"
        for line in [
            ["init", "--primary", "autotask"],
            [
                "connect", "--discovery-url", harness.sandbox.discoveryURL.absoluteString, "--user",
                harness.sandbox.credentials.userName, "--integration-code", harness.sandbox.credentials.integrationCode,
            ],
            ["import", "--company", "101", "--contract", "1001"],
        ] {
            let run = try await harness.run(line, ledger: ledger)
            #expect(run.status == 0, "\(line[0]): \(run)")
        }
        // Most of the space goes to a filler, freed at the end: the ledger itself fills the last 64 KiB.
        var stats = statvfs()
        #expect(statvfs(mount.path, &stats) == 0)
        let free = Int(stats.f_bavail) * Int(stats.f_frsize)
        FileManager.default.createFile(atPath: mount.path + "/filler", contents: Data(count: max(0, free - 65_536)))
        var full: CLIRun?
        for index in 0..<200 {
            let notes = String(repeating: "note \(index) ", count: 700)
            let run = try await harness.run(["edit", "LC-1", "--set", "notes=\(notes)"], ledger: ledger)
            if run.status != 0 {
                full = run
                break
            }
        }
        let refused = try #require(full, "the disk never filled")
        #expect(refused.status == 6, "\(refused)")
        #expect(refused.errorLines.count == 1 && refused.stderr.hasPrefix("error: disk full"), "\(refused)")
        mount.fill(named: "rest")
        let sync = try await harness.run(["sync"], ledger: ledger)
        #expect(sync.status == 6, "a sync on a full disk: \(sync)")

        let list = try await harness.run(["list"], ledger: ledger)
        #expect(list.status == 0, "list while the disk is full: \(list)")
        let replay = try ContractsExecutable(
            folder: harness.directory.url, environment: harness.cli.environment, product: "ledger-replay")
        let audit = try await replay.run([ledger])
        #expect(audit.status == 0, "ledger-replay while the disk is full: \(audit)")

        try FileManager.default.removeItem(atPath: mount.path + "/rest")
        try FileManager.default.removeItem(atPath: mount.path + "/filler")
        let edit = try await harness.run(["edit", "LC-1", "--set", "notes=freed"], ledger: ledger)
        #expect(edit.status == 0, "an edit once space is freed: \(edit)")
        let after = try await replay.run([ledger])
        #expect(after.status == 0, "ledger-replay once space is freed: \(after)")
        let runs = try await harness.run(["runs", "--format", "json"], ledger: ledger)
        #expect(!runs.stdout.contains("\"running\""), "\(runs)")
    }

    @Test("on read-only media every query answers as before, and a write is refused in one line")
    func readOnlyMedia() async throws {
        let harness = try await LedgerHarness.start()
        defer { Task { try await harness.stop() } }
        try await harness.expectSuccess(["import", "--company", "101", "--contract", "1001"])
        try await harness.expectSuccess(["sync"])
        let mount = try ScratchMount(size: "4m", in: harness.directory)
        defer { mount.unmount() }
        let ledger = mount.path + "/ledger.sqlite"
        try FileManager.default.copyItem(atPath: harness.ledger, toPath: ledger)
        let queries = [
            ["list", "--format", "json"], ["show", "LC-1", "--format", "json"], ["log", "--format", "json"],
            ["runs", "--format", "json"], ["history", "LC-1"], ["diff", "1", "1"], ["head"],
        ]
        var before: [String] = []
        for query in queries { before.append(try await harness.run(query, ledger: ledger).stdout) }
        #expect(mount.remountReadOnly())
        for (query, expected) in zip(queries, before) {
            let run = try await harness.run(query, ledger: ledger)
            #expect(run.status == 0 && run.stdout == expected, "\(query[0]) on read-only media: \(run)")
        }
        let edit = try await harness.run(["edit", "LC-1", "--set", "notes=x"], ledger: ledger)
        #expect(edit.status == 3 && edit.errorLines.count == 1, "\(edit)")
        #expect(edit.stderr.contains("read-only"), "\(edit)")
    }
}
