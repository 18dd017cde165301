import Foundation

/// The three values that authenticate every Autotask REST call.
///
/// The secret is held in a wrapper that never prints: `description`, `debugDescription`, `dump` and
/// every error leave it out. Load it from an environment variable (``fromEnvironment(userName:integrationCode:variable:environment:)``)
/// or from a file only its owner can read (``fromFile(_:userName:integrationCode:)``), never from a
/// command-line argument.
public struct AutotaskCredentials: Sendable, Hashable {
    /// The API user's user name (an email address); also the key for zone discovery.
    public var userName: String
    /// The integration's tracking identifier, sent as `ApiIntegrationCode`.
    public var integrationCode: String
    let secret: RedactedSecret

    /// Creates credentials from values already in memory.
    public init(userName: String, integrationCode: String, secret: String) {
        self.userName = userName
        self.integrationCode = integrationCode
        self.secret = RedactedSecret(secret)
    }

    /// The name of the environment variable read by default for the secret.
    public static let defaultSecretVariable = "AUTOTASK_SECRET"

    /// Reads the secret from an environment variable.
    ///
    /// - Throws: ``AutotaskError`` with code ``AutotaskError/Code/invalidCredentials`` when the variable is
    ///   missing or empty.
    public static func fromEnvironment(
        userName: String,
        integrationCode: String,
        variable: String = defaultSecretVariable,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> AutotaskCredentials {
        let value = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !value.isEmpty else {
            throw AutotaskError(
                code: .invalidCredentials,
                message: "The environment variable \(variable) that should hold the Autotask API secret is "
                    + "missing or empty. Set it (for example `export \(variable)=...` in a shell profile "
                    + "only you can read), or keep the secret in a file readable only by you (chmod 600)."
            )
        }
        try checkHeaderSafe(value, what: "The Autotask API secret in the environment variable \(variable)")
        return AutotaskCredentials(userName: userName, integrationCode: integrationCode, secret: value)
    }

    /// Reads the secret from a file that only its owner can read or write.
    ///
    /// The file holds the secret alone; surrounding whitespace and a trailing newline are ignored.
    ///
    /// - Throws: ``AutotaskError`` with code ``AutotaskError/Code/invalidCredentials`` when the file is
    ///   missing, empty, or readable by its group or by others (the message says to `chmod 600` it).
    public static func fromFile(
        _ path: String,
        userName: String,
        integrationCode: String
    ) throws -> AutotaskCredentials {
        // The mode that matters is the file's, not a symlink's (always 777): stat follows the link.
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw AutotaskError(
                code: .invalidCredentials,
                message: "Cannot read the Autotask secret file \(path): it does not exist or is not accessible."
            )
        }
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path))
            .map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: path).deletingLastPathComponent()).path }
        let permissions = Int(status.st_mode) & 0o777
        guard permissions & 0o077 == 0 else {
            let mode = String(permissions, radix: 8)
            let shown = target ?? path
            throw AutotaskError(
                code: .invalidCredentials,
                message: "The Autotask secret file \(path)"
                    + (target.map { " (a symbolic link to \($0))" } ?? "")
                    + " can be read by other users (mode \(mode)). Restrict it to its owner with "
                    + "`chmod 600 \(shown)` and try again."
            )
        }
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else {
            throw AutotaskError(
                code: .invalidCredentials,
                message: "Cannot read the Autotask secret file \(path) as UTF-8 text."
            )
        }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else {
            throw AutotaskError(
                code: .invalidCredentials,
                message: "The Autotask secret file \(path) is empty; write the API user's secret into it."
            )
        }
        try checkHeaderSafe(value, what: "The Autotask API secret in \(path)")
        return AutotaskCredentials(userName: userName, integrationCode: integrationCode, secret: value)
    }
}

extension AutotaskCredentials {
    /// Checks that the user name, the integration code and the secret hold only what an HTTP header carries.
    ///
    /// The client calls it before its first request. The message names the value at fault, never its
    /// content, so it can be printed and recorded.
    ///
    /// - Throws: ``AutotaskError`` with code ``AutotaskError/Code/invalidCredentials``.
    public func checkHeaderSafe() throws {
        try Self.checkHeaderSafe(userName, what: "The Autotask API user name")
        try Self.checkHeaderSafe(integrationCode, what: "The Autotask integration code")
        try Self.checkHeaderSafe(secret.value, what: "The Autotask API secret")
    }

    /// What makes a value unfit for an HTTP header, or nil when it fits: control characters (line breaks
    /// included; a tab is allowed inside), white space at either end, or nothing at all.
    public static func headerProblem(_ value: String) -> String? {
        guard let first = value.utf8.first, let last = value.utf8.last else { return "is empty" }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\t"): continue
            case 0...0x1F, 0x7F:
                return "holds a control character (such as a line break), which an HTTP header cannot carry"
            default: continue
            }
        }
        let blanks: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t")]
        if blanks.contains(first) || blanks.contains(last) {
            return "begins or ends with white space, which an HTTP header would drop"
        }
        return nil
    }

    static func checkHeaderSafe(_ value: String, what: String) throws {
        guard let problem = headerProblem(value) else { return }
        throw AutotaskError(
            code: .invalidCredentials,
            message: "\(what) \(problem); nothing was sent to Autotask. Copy the value again, on one line "
                + "without control characters, and try again."
        )
    }
}

extension AutotaskCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The user name and integration code, with the secret redacted.
    public var description: String {
        "AutotaskCredentials(userName: \(userName), integrationCode: \(integrationCode), secret: <redacted>)"
    }

    /// Same as ``description``: the secret is redacted.
    public var debugDescription: String { description }

    /// A mirror without the secret, so that `dump` never shows it.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["userName": userName, "integrationCode": integrationCode, "secret": "<redacted>"],
            displayStyle: .struct
        )
    }
}

/// A string that never shows itself in descriptions or mirrors.
struct RedactedSecret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    let value: String

    init(_ value: String) { self.value = value }

    var description: String { "<redacted>" }
    var debugDescription: String { "<redacted>" }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
