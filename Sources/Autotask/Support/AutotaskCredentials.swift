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
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw AutotaskError(
                code: .invalidCredentials,
                message: "Cannot read the Autotask secret file \(path): it does not exist or is not accessible."
            )
        }
        let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard permissions & 0o077 == 0 else {
            let mode = String(permissions & 0o777, radix: 8)
            throw AutotaskError(
                code: .invalidCredentials,
                message: "The Autotask secret file \(path) can be read by other users (mode \(mode)). "
                    + "Restrict it to its owner with `chmod 600 \(path)` and try again."
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
        return AutotaskCredentials(userName: userName, integrationCode: integrationCode, secret: value)
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
