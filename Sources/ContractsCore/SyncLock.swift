import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock that keeps a second sync off a ledger: `flock` on `<ledger>.sync-lock`.
///
/// The kernel releases it when the process dies, so a killed sync never leaves it held; the file
/// holds the pid of the holder, for the refusal message.
final class SyncLock {
    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The lock file of a ledger.
    static func path(forLedger ledger: String) -> String { ledger + ".sync-lock" }

    /// Takes the lock, waiting up to `waitSeconds` for another sync to release it, then refusing.
    static func acquire(ledgerPath: String, waitSeconds: Double = 0) throws -> SyncLock {
        let path = path(forLedger: ledgerPath)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SyncError(
                .lockUnavailable, "cannot create the sync lock \(path): \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(max(0, waitSeconds))
        var locked = flock(descriptor, LOCK_EX | LOCK_NB) == 0
        while !locked && Date() < deadline {
            usleep(100_000)
            locked = flock(descriptor, LOCK_EX | LOCK_NB) == 0
        }
        guard locked else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &buffer, 31, 0)
            close(descriptor)
            let pid = count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : ""
            let holder = Int(pid.trimmingCharacters(in: .whitespacesAndNewlines)).map { " (process \($0))" } ?? ""
            throw SyncError(
                .busy,
                "the ledger is busy: another sync is already running on \(ledgerPath)\(holder)"
                    + (waitSeconds > 0 ? " after waiting \(Int(waitSeconds)) s" : "")
                    + "; wait for it to finish (or give --wait SECONDS), then try again"
            )
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
        return SyncLock(descriptor: descriptor)
    }

    /// Releases the lock.
    func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
