import Foundation

/// Looks for the secret in every file of a campaign's folder: ledgers, -wal files, stdout, stderr, logs.
///
/// A secret can land in a file written out rather than as is, so the scan looks for every form a program
/// might print it in: as is, JSON-escaped (`\n`, `\u0001`, `\/`), Swift-escaped (`\n`, `\u{01}`), and
/// percent-encoded (upper- and lower-case hex).
enum SecretScan {
    /// One line per file that holds a form of a secret.
    static func scan(folder: URL, secrets: [String]) -> [String] {
        let needles = secrets.flatMap(forms(of:)).map { (form: $0, bytes: Data($0.utf8)) }
        var found: [String] = []
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        for case let url as URL in files {
            guard let bytes = FileManager.default.contents(atPath: url.path) else { continue }
            for needle in needles where bytes.range(of: needle.bytes) != nil {
                found.append("a form of the secret (\(describe(needle.form))) appears in \(url.lastPathComponent)")
                break
            }
        }
        return found
    }

    /// One line per file that holds the secret in any form.
    static func scan(folder: URL, secret: String) -> [String] {
        scan(folder: folder, secrets: [secret])
    }

    /// The forms a program might write a secret in.
    static func forms(of secret: String) -> [String] {
        var forms: Set<String> = [secret]
        for escapingSlashes in [true, false] {
            let encoder = JSONEncoder()
            if !escapingSlashes { encoder.outputFormatting = [.withoutEscapingSlashes] }
            if let data = try? encoder.encode([secret]), let text = String(data: data, encoding: .utf8) {
                forms.insert(String(text.dropFirst(2).dropLast(2)))
            }
        }
        forms.insert(String(String(reflecting: secret).dropFirst().dropLast()))
        var upper = ""
        var lower = ""
        for byte in secret.utf8 {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || [0x2D, 0x2E, 0x5F, 0x7E].contains(byte)
            {
                upper.unicodeScalars.append(Unicode.Scalar(byte))
                lower.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                upper += String(format: "%%%02X", byte)
                lower += String(format: "%%%02x", byte)
            }
        }
        forms.insert(upper)
        forms.insert(lower)
        return forms.filter { !$0.isEmpty }.sorted()
    }

    private static func describe(_ form: String) -> String {
        form.contains("%") ? "percent-encoded" : form.contains("\\") ? "escaped" : "as is"
    }
}
