import Foundation

/// An error from the Autotask client: a code a program can switch on, and a message a person can act on.
///
/// Like GRDB's `DatabaseError`, the set of codes is open: ``Code`` is a struct with static members, and
/// a code can be matched directly in a `catch` clause:
///
/// ```swift
/// do { try await client.checkContractAccess() }
/// catch AutotaskError.Code.permissionDenied { ... }
/// ```
///
/// No error ever contains the API secret: messages built from server answers are scrubbed.
public struct AutotaskError: Error, Sendable, Hashable {
    /// What went wrong, as a value a program can test.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's name, such as `"permissionDenied"`.
        public let rawValue: String

        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The code's name.
        public var description: String { rawValue }

        /// Matches an error against a code, for `catch AutotaskError.Code.x` clauses.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? AutotaskError)?.code == code
        }

        /// Autotask rejected the secret (HTTP 401).
        public static let authenticationFailed = Code(rawValue: "authenticationFailed")
        /// Autotask does not know the user name or the integration code (HTTP 500 on login).
        // swift-format-ignore: DontRepeatTypeInStaticProperties
        public static let unknownUserOrIntegrationCode = Code(rawValue: "unknownUserOrIntegrationCode")
        /// The API user's security level does not allow the call (HTTP 403, or a 500 about permissions).
        public static let permissionDenied = Code(rawValue: "permissionDenied")
        /// Autotask throttled the requests (HTTP 429); ``AutotaskError/retryAfter`` says for how long.
        public static let throttled = Code(rawValue: "throttled")
        /// Too many concurrent requests to one endpoint (Autotask code `Itgenatr005`).
        public static let threadLimit = Code(rawValue: "threadLimit")
        /// The host could not be reached (DNS, refused or dropped connection).
        public static let unreachable = Code(rawValue: "unreachable")
        /// A request took longer than the configured timeout.
        public static let timeout = Code(rawValue: "timeout")
        /// Autotask answered with a server error.
        public static let server = Code(rawValue: "server")
        /// Autotask refused the query (unknown field, too many conditions, bad syntax).
        public static let invalidQuery = Code(rawValue: "invalidQuery")
        /// The response body was not the JSON expected.
        public static let malformedResponse = Code(rawValue: "malformedResponse")
        /// The job would cross the tenant's hourly request threshold.
        public static let budgetExceeded = Code(rawValue: "budgetExceeded")
        /// The credentials could not be loaded (missing variable, unsafe file permissions).
        public static let invalidCredentials = Code(rawValue: "invalidCredentials")
        /// A URL from Autotask pointed to another host; credentials are only sent to the zone's host.
        public static let untrustedHost = Code(rawValue: "untrustedHost")
        /// The resource path does not exist (HTTP 404 outside a lookup by id).
        public static let notFound = Code(rawValue: "notFound")
        /// The client configuration is unusable (for example a malformed URL).
        public static let invalidConfiguration = Code(rawValue: "invalidConfiguration")
    }

    /// What went wrong.
    public var code: Code
    /// A sentence a person can act on.
    public var message: String
    /// The HTTP status, when the error comes from a response.
    public var httpStatus: Int?
    /// The messages Autotask returned in its `errors` (or `Message`) body, secret removed.
    public var serverMessages: [String]
    /// The endpoint (entity path) of the failing request, such as `Contracts`.
    public var endpoint: String?
    /// How long Autotask asked to wait (`Retry-After`), for ``Code/throttled``.
    public var retryAfter: Duration?
    /// How many HTTP requests were made for the failing call, retries included.
    public var attempts: Int

    /// Creates an error.
    public init(
        code: Code,
        message: String,
        httpStatus: Int? = nil,
        serverMessages: [String] = [],
        endpoint: String? = nil,
        retryAfter: Duration? = nil,
        attempts: Int = 0
    ) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.serverMessages = serverMessages
        self.endpoint = endpoint
        self.retryAfter = retryAfter
        self.attempts = attempts
    }

    /// A copy with every occurrence of `secret` replaced, so that no text can reveal it: the secret as is,
    /// and as JSON, Swift and percent escapes write it.
    func redacting(_ secret: String) -> AutotaskError {
        guard !secret.isEmpty else { return self }
        let forms = Self.writtenForms(of: secret)
        func scrub(_ text: String) -> String {
            forms.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
        }
        var copy = self
        copy.message = scrub(message)
        copy.serverMessages = serverMessages.map(scrub)
        return copy
    }

    /// The ways a text can be written out: as is, JSON-escaped, Swift-escaped, percent-encoded; longest first.
    static func writtenForms(of text: String) -> [String] {
        var forms: Set<String> = [text]
        if let data = try? JSONEncoder().encode([text]), let json = String(data: data, encoding: .utf8) {
            forms.insert(String(json.dropFirst(2).dropLast(2)))
        }
        forms.insert(String(String(reflecting: text).dropFirst().dropLast()))
        let percent = AutotaskClient.percentEncoded(text)
        forms.insert(percent)
        var lowerHex = ""
        var rest = Substring(percent)
        while let index = rest.firstIndex(of: "%") {
            lowerHex += rest[..<index]
            let escape = rest[index...].prefix(3)
            lowerHex += escape.lowercased()
            rest = rest[escape.endIndex...]
        }
        forms.insert(lowerHex + rest)
        return forms.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }
}

extension AutotaskError: CustomStringConvertible, LocalizedError {
    /// The code and the message.
    public var description: String { "Autotask error (\(code)): \(message)" }

    /// The message.
    public var errorDescription: String? { message }
}
