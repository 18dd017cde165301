import AutotaskSandbox
import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Campaign 8: the file system. Symlinks (a second sync through a link to the ledger, a link or a hard link
/// at the lock file's path), read-only media, another user's ledger, secret files by link and by mode, and
/// paths that are no files (a FIFO, a folder, SQLite's special names). Every refusal is one clear line, no
/// file outside the ledger is touched, and queries work wherever the ledger can be read.
struct FileSystemCampaign {
    let tools: CampaignTools
    let seed: UInt64
    let scale: CampaignScale

    func run() async throws -> CampaignTally {
        var tally = CampaignTally()
        let world = try await CampaignWorld.start("filesystem", tools: tools, seed: seed)
        do {
            let base = try await world.makeLedger(
                "base.sqlite", imports: [["--company", "101", "--contract", "1001", "--contract", "1002"]])
            try await world.mustSucceed(["sync"], ledger: base)
            let checks: [(String, () async throws -> [String])] = [
                ("a sync through a symlink to the ledger", { try await symlinkedLedger(world, base: base) }),
                ("a link at the lock file's path", { try await linkedLockFile(world, base: base) }),
                ("read-only media", { try await readOnlyMedia(world, base: base) }),
                ("another user's ledger", { try await otherUser(world, base: base) }),
                ("secret files by link and by mode", { try await secretFiles(world, base: base) }),
                ("paths that are no ledger files", { try await specialPaths(world, base: base) }),
            ]
            for round in 0..<scale.fileSystemRounds {
                for (label, check) in checks {
                    tally.faultsTried += 1
                    tally.failures += try await check().map { "file system (round \(round)): \(label): \($0)" }
                }
            }
        } catch {
            tally.failures.append("file system: \(error)")
        }
        await world.finish(&tally, campaign: "file system")
        return tally
    }

    /// Two syncs, one through a symlink to the ledger: the second is refused while the first runs.
    private func symlinkedLedger(_ world: CampaignWorld, base: String) async throws -> [String] {
        let ledger = try world.copyLedger(base, to: "linked.sqlite")
        let link = world.path("link-to-linked.sqlite")
        try? FileManager.default.removeItem(atPath: link)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: ledger)
        world.sandbox.setFaults(SandboxFaults(slowRate: 1, slowDelay: .seconds(2), onlyEntities: ["Contracts"]))
        defer { world.sandbox.setFaults(.none) }
        async let first = world.contracts(["sync"], ledger: link)
        let pidFile = link + ".sync-lock"
        var waited = 0
        while (FileManager.default.contents(atPath: pidFile)?.isEmpty ?? true) && waited < 400 {
            try await Task.sleep(for: .milliseconds(25))
            waited += 1
        }
        let second = try await world.contracts(["sync"], ledger: ledger)
        let done = try await first
        var failures: [String] = []
        if second.status != 3 || !second.isCleanFailure || !second.stderr.contains("busy") {
            failures.append("the sync by the real path was not refused as busy: \(second)")
        }
        if !done.succeeded { failures.append("the first sync did not complete: \(done)") }
        let replay = try await world.replay(ledger)
        if !replay.succeeded { failures.append("ledger-replay fails: \(replay)") }
        return failures
    }

    /// A symlink or a hard link at `<ledger>.sync-lock` is refused, and the file it points to is untouched.
    private func linkedLockFile(_ world: CampaignWorld, base: String) async throws -> [String] {
        let ledger = try world.copyLedger(base, to: "locklink.sqlite")
        let victim = world.path("victim.txt")
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim))
        var failures: [String] = []
        for kind in ["symbolic", "hard"] {
            let lockPath = ledger + ".sync-lock"
            try? FileManager.default.removeItem(atPath: lockPath)
            if kind == "symbolic" {
                try FileManager.default.createSymbolicLink(atPath: lockPath, withDestinationPath: victim)
            } else {
                try FileManager.default.linkItem(atPath: victim, toPath: lockPath)
            }
            let outcome = try await world.contracts(["sync"], ledger: ledger)
            if outcome.status != 3 || !outcome.isCleanFailure {
                failures.append("a \(kind) link at the lock path was not refused cleanly: \(outcome)")
            }
            if (try? String(contentsOfFile: victim, encoding: .utf8)) != "precious\n" {
                failures.append("the file behind a \(kind) link at the lock path was changed")
            }
            try? FileManager.default.removeItem(atPath: lockPath)
        }
        let outcome = try await world.contracts(["sync"], ledger: ledger)
        if !outcome.succeeded { failures.append("a sync fails once the lock path is clear: \(outcome)") }
        return failures
    }

    /// A ledger on a read-only mount: every query answers as before; a write is refused in one line.
    private func readOnlyMedia(_ world: CampaignWorld, base: String) async throws -> [String] {
        let mount = world.path("readonly-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        let mounted = try await world.runner.run(
            URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=4m", "tmpfs", mount])
        guard mounted.succeeded else {
            return ["CANNOT MOUNT a tmpfs (\(mounted.stderr.prefix(200))); this check needs root and did NOT run"]
        }
        var failures: [String] = []
        do {
            let ledger = mount + "/ledger.sqlite"
            try FileManager.default.copyItem(atPath: base, toPath: ledger)
            let queries = [
                ["list", "--format", "json"], ["show", "LC-1", "--format", "json"], ["log", "--format", "json"],
                ["runs", "--format", "json"], ["history", "LC-1"], ["diff", "1", "1"],
            ]
            var before: [String] = []
            for query in queries { before.append(try await world.contracts(query, ledger: ledger).stdout) }
            let remount = try await world.runner.run(
                URL(fileURLWithPath: "/bin/mount"), ["-o", "remount,ro", mount])
            if !remount.succeeded { failures.append("cannot remount read-only: \(remount)") }
            for (query, expected) in zip(queries, before) {
                let outcome = try await world.contracts(query, ledger: ledger)
                if !outcome.succeeded || outcome.stdout != expected {
                    failures.append("`\(query[0])` on read-only media: \(outcome)")
                }
            }
            let edit = try await world.contracts(["edit", "LC-1", "--set", "notes=x"], ledger: ledger)
            if edit.succeeded || !edit.isCleanFailure { failures.append("a write on read-only media: \(edit)") }
            let replay = try await world.replay(ledger)
            if !replay.succeeded { failures.append("ledger-replay on read-only media: \(replay)") }
        } catch {
            failures.append("\(error)")
        }
        _ = try await world.runner.run(URL(fileURLWithPath: "/bin/umount"), [mount])
        return failures
    }

    /// Another user reads the ledger (list, show): it works, and leaves no -wal or -shm file behind that
    /// would lock the owner out.
    private func otherUser(_ world: CampaignWorld, base: String) async throws -> [String] {
        let folder = world.path("owned-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let ledger = folder + "/ledger.sqlite"
        try FileManager.default.copyItem(atPath: base, toPath: ledger)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: ledger)
        var failures: [String] = []
        for query in [["list"], ["show", "LC-1"]] {
            let outcome = try await world.runner.run(
                URL(fileURLWithPath: "/usr/bin/setpriv"),
                ["--reuid=65534", "--regid=65534", "--clear-groups", tools.contracts.path] + query + [
                    "--ledger", ledger,
                ])
            if !outcome.succeeded { failures.append("`\(query[0])` as another user: \(outcome)") }
        }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: ledger + suffix) {
            failures.append("another user's read left \(suffix) behind")
        }
        let edit = try await world.contracts(["edit", "LC-1", "--set", "notes=owner"], ledger: ledger)
        if !edit.succeeded { failures.append("the owner cannot write after another user's read: \(edit)") }
        return failures
    }

    /// Secret files: a link to a private file is accepted; a link to a shared one, and a shared file, are
    /// refused, the message naming the link.
    private func secretFiles(_ world: CampaignWorld, base: String) async throws -> [String] {
        let ledger = try world.copyLedger(base, to: "secrets.sqlite")
        var failures: [String] = []
        let target = world.path("secret-target")
        let link = world.path("secret-link")
        try? FileManager.default.removeItem(atPath: link)
        try Data((world.secret + "\n").utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
        let private_ = try await world.contracts(["check-access", "--secret-file", link], ledger: ledger)
        if !private_.succeeded { failures.append("a link to a 0600 secret file was refused: \(private_)") }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target)
        let shared = try await world.contracts(["check-access", "--secret-file", link], ledger: ledger)
        if shared.status != 2 || !shared.isCleanFailure || !shared.stderr.contains("link") {
            failures.append("a link to a 0644 secret file was not refused naming the link: \(shared)")
        }
        let direct = try await world.contracts(["check-access", "--secret-file", target], ledger: ledger)
        if direct.status != 2 || !direct.isCleanFailure || !direct.stderr.contains("644") {
            failures.append("a 0644 secret file was not refused with its mode: \(direct)")
        }
        try? FileManager.default.removeItem(atPath: link)
        try? FileManager.default.removeItem(atPath: target)
        return failures
    }

    /// A FIFO, a folder and SQLite's special names are refused at once, in one line.
    private func specialPaths(_ world: CampaignWorld, base: String) async throws -> [String] {
        var failures: [String] = []
        let fifo = world.path("fifo-\(UUID().uuidString.prefix(8))")
        guard mkfifo(fifo, 0o644) == 0 else { return ["cannot make a FIFO: \(String(cString: strerror(errno)))"] }
        for line in [["init", "--primary", "autotask"], ["list"]] {
            let outcome = try await world.contracts(line, ledger: fifo, timeout: .seconds(20))
            if outcome.timedOut || !outcome.isCleanFailure { failures.append("`\(line[0])` on a FIFO: \(outcome)") }
        }
        for path in [":memory:", "file:ledger.sqlite?mode=memory", "file:" + base] {
            let outcome = try await world.contracts(["init", "--primary", "autotask"], ledger: path)
            if outcome.status != 2 || !outcome.isCleanFailure { failures.append("--ledger \(path): \(outcome)") }
        }
        let folder = try await world.contracts(["list"], ledger: world.folder.path)
        if folder.status != 3 || !folder.isCleanFailure { failures.append("a folder as the ledger: \(folder)") }
        try? FileManager.default.removeItem(atPath: fifo)
        return failures
    }
}
