import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock that keeps a second sync off a ledger: `flock` on the ledger file itself, so every path that
/// reaches the file (a symlink, another spelling) meets the same lock.
///
/// The kernel releases it when the process dies, so a killed sync never leaves it held. Beside the ledger,
/// `<ledger>.sync-lock` holds the pid of the holder, for the refusal message; it is opened without following
/// a symlink and only when it is a plain file of its own, so it can never be used to truncate another file.
final class SyncLock {
    private var descriptor: Int32
    private var pidDescriptor: Int32

    private init(descriptor: Int32, pidDescriptor: Int32) {
        self.descriptor = descriptor
        self.pidDescriptor = pidDescriptor
    }

    /// The pid file of a ledger.
    static func path(forLedger ledger: String) -> String { ledger + ".sync-lock" }

    /// Takes the lock, or refuses at once when another sync holds it.
    static func acquire(ledgerPath: String) throws -> SyncLock {
        let descriptor = open(ledgerPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SyncError(
                .lockUnavailable, "cannot open \(ledgerPath) to lock it: \(String(cString: strerror(errno)))")
        }
        let pidPath = path(forLedger: ledgerPath)
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            let holder = readPid(pidPath).map { " (process \($0))" } ?? ""
            throw SyncError(
                .busy,
                "the ledger is busy: another sync is already running on \(ledgerPath)\(holder); wait for it to finish, then try again"
            )
        }
        let pidDescriptor: Int32
        do {
            pidDescriptor = try openPidFile(pidPath)
        } catch {
            _ = flock(descriptor, LOCK_UN)
            close(descriptor)
            throw error
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(pidDescriptor, 0)
        _ = pwrite(pidDescriptor, pid, pid.count, 0)
        return SyncLock(descriptor: descriptor, pidDescriptor: pidDescriptor)
    }

    /// Opens the pid file without following a symlink, refusing anything but a plain file with one link.
    private static func openPidFile(_ path: String) throws -> Int32 {
        let pidDescriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard pidDescriptor >= 0 else {
            let reason = errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno))
            throw SyncError(
                .lockUnavailable,
                "cannot use the sync lock file \(path): \(reason); remove it (it is recreated) and try again")
        }
        var status = stat()
        guard fstat(pidDescriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_nlink == 1 else {
            close(pidDescriptor)
            throw SyncError(
                .lockUnavailable,
                "cannot use the sync lock file \(path): it is not a plain file of its own; remove it (it is "
                    + "recreated) and try again")
        }
        return pidDescriptor
    }

    private static func readPid(_ path: String) -> Int? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, 31, 0)
        guard count > 0 else { return nil }
        return Int(
            String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Releases the lock.
    func release() {
        guard descriptor >= 0 else { return }
        if pidDescriptor >= 0 {
            _ = ftruncate(pidDescriptor, 0)
            close(pidDescriptor)
            pidDescriptor = -1
        }
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
