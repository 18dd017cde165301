import Foundation

/// Checks a file before SQLite opens it: missing, a folder, not SQLite, or shorter than its header says.
enum LedgerFile {
    enum State {
        case missing
        case empty
        case sqlite
    }

    static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

    /// Whether this process may create files beside the ledger and owns it (or is root): otherwise a reader
    /// must not leave -shm files there that its owner could not open.
    static func canWriteBeside(path: String) -> Bool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard access(folder, W_OK) == 0 else { return false }
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return geteuid() == 0 || status.st_uid == geteuid()
    }

    /// The bytes free for this user on the disk holding the ledger (`Int.max` when unknown).
    static func freeBytes(beside path: String) -> Int {
        var stats = statvfs()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard statvfs(folder, &stats) == 0 else { return .max }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }

    /// Whether a non-empty `-wal` file lies beside the ledger.
    static func hasWAL(path: String) -> Bool {
        var status = stat()
        return stat(path + "-wal", &status) == 0 && status.st_size > 0
    }

    /// The file's state; with `checkSize`, a file shorter than its header says is refused as damaged.
    static func inspect(path: String, checkSize: Bool = true) throws -> State {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue {
            throw EventLogError(.cannotOpen, "\(path) is a folder, not a ledger file")
        }
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw EventLogError(
                .cannotOpen, "\(path) is not a regular file (a pipe, a device or a socket?); give a ledger file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw EventLogError(.cannotOpen, "cannot read \(path): check its permissions")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty { return .empty }
        guard header.count == 100, Array(header.prefix(16)) == sqliteMagic else {
            throw EventLogError(.notALedger, "\(path) is not a ledger: it is not an SQLite database")
        }
        let bytes = Array(header)
        var pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        if pageSize == 1 { pageSize = 65_536 }
        let pageCount = bytes[28..<32].reduce(0) { $0 << 8 | Int($1) }
        let changeCounter = bytes[24..<28].reduce(0) { $0 << 8 | Int($1) }
        let validFor = bytes[92..<96].reduce(0) { $0 << 8 | Int($1) }
        let size = (try? handle.seekToEnd()).map(Int.init) ?? 0
        if checkSize, pageCount > 0, changeCounter == validFor, size < pageSize * pageCount {
            throw EventLogError(
                .damaged,
                "\(path) is damaged: the file holds \(size) bytes but its header describes \(pageSize * pageCount) (truncated?); restore it from a backup"
            )
        }
        if checkSize, size % pageSize != 0 {
            throw EventLogError(.damaged, "\(path) is damaged: its size is not a whole number of pages (truncated?)")
        }
        return .sqlite
    }
}
