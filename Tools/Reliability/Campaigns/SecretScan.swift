import Foundation

/// Looks for the secret in every file of a campaign's folder: ledgers, -wal files, stdout, stderr, logs.
enum SecretScan {
    /// One line per file that holds the secret.
    static func scan(folder: URL, secret: String) -> [String] {
        let needle = Data(secret.utf8)
        var found: [String] = []
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        for case let url as URL in files {
            guard let bytes = FileManager.default.contents(atPath: url.path) else { continue }
            if bytes.range(of: needle) != nil { found.append("the secret appears in \(url.lastPathComponent)") }
        }
        return found
    }
}
