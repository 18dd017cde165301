import Foundation

/// Decides what an HTTP answer means: success, a retryable failure, a final failure, or a 401.
enum ResponseClassifier {
    enum Verdict {
        case success
        case unauthorized
        case retry(AutotaskError)
        case fail(AutotaskError)
    }

    static let threadLimitCode = "itgenatr005"

    /// Classifies one answer. `isZoneLookup` marks the discovery call, where a 500 means an unknown user.
    static func classify(
        status: Int,
        body: [UInt8],
        retryAfter: Duration?,
        endpoint: String,
        userName: String,
        isZoneLookup: Bool,
        allowNotFound: Bool
    ) -> Verdict {
        if mentionsThreadLimit(status: status, body: body) {
            return .retry(.threadLimit(endpoint: endpoint, messages: ErrorBody.messages(from: body), status: status))
        }
        switch status {
        case 200..<300:
            return .success
        case 404 where allowNotFound:
            return .success
        case 401:
            return .unauthorized
        case 429:
            return .retry(
                .throttled(endpoint: endpoint, retryAfter: retryAfter, messages: ErrorBody.messages(from: body)))
        default:
            break
        }
        let messages = ErrorBody.messages(from: body)
        if isZoneLookup {
            if status == 500 || status == 400, !isTransient(messages: messages) {
                return .fail(.unknownUser(userName: userName, status: status, messages: messages))
            }
            if status == 404 || status == 405 {
                return .fail(.badDiscoveryURL(status: status, messages: messages))
            }
        }
        let text = messages.joined(separator: " ").lowercased()
        switch status {
        case 403:
            return .fail(.permissionDenied(endpoint: endpoint, status: status, messages: messages))
        case 404:
            return .fail(.notFound(endpoint: endpoint, messages: messages))
        case 400, 405, 413, 414, 422:
            return .fail(.invalidQuery(endpoint: endpoint, status: status, messages: messages))
        case 500:
            if isPermission(text) {
                return .fail(.permissionDenied(endpoint: endpoint, status: status, messages: messages))
            }
            if isInvalidQuery(text) {
                return .fail(.invalidQuery(endpoint: endpoint, status: status, messages: messages))
            }
            if isCredential(text) {
                return .fail(.unknownUser(userName: userName, status: status, messages: messages))
            }
            if isValidation(text) {
                return .fail(.server(endpoint: endpoint, status: status, messages: messages, final: true))
            }
            return .retry(.server(endpoint: endpoint, status: status, messages: messages, final: false))
        case 501, 505:
            return .fail(.server(endpoint: endpoint, status: status, messages: messages, final: true))
        case 500..<600, 408:
            return .retry(.server(endpoint: endpoint, status: status, messages: messages, final: false))
        default:
            return .fail(.server(endpoint: endpoint, status: status, messages: messages, final: true))
        }
    }

    /// Whether the answer carries Autotask's thread-limit code: anywhere in an error body, and in a
    /// 2xx body only within its error messages (a page's data may contain any text).
    private static func mentionsThreadLimit(status: Int, body: [UInt8]) -> Bool {
        guard body.count < 65_536 else { return false }
        if (200..<300).contains(status) {
            return ErrorBody.messages(from: body, textFallback: false).contains {
                $0.lowercased().contains(threadLimitCode)
            }
        }
        return String(decoding: body, as: UTF8.self).lowercased().contains(threadLimitCode)
    }

    private static func isTransient(messages: [String]) -> Bool {
        let text = messages.joined(separator: " ").lowercased()
        return text.contains("timeout") || text.contains("temporarily") || text.contains("unavailable")
    }

    static func isPermission(_ text: String) -> Bool {
        text.contains("adequate permission") || text.contains("required permission")
            || text.contains("not have permission") || text.contains("insufficient permission")
            || text.contains("not authorized to") || text.contains("access denied")
    }

    static func isInvalidQuery(_ text: String) -> Bool {
        text.contains("unable to find") || text.contains("invalid query") || text.contains("or' conditions")
            || text.contains("or conditions") || text.contains("user-defined field at a time")
            || text.contains("one user-defined field") || text.contains("one udf") || text.contains("not queryable")
            || text.contains("invalid filter") || text.contains("unknown field") || text.contains("invalid operator")
            || text.contains("cannot be parsed") || text.contains("search parameter")
            || text.contains("unable to parse")
            || text.contains("maxrecords") || text.contains("invalid filter value")
    }

    static func isCredential(_ text: String) -> Bool {
        if text.contains("integration code") || text.contains("integrationcode") || text.contains("tracking identifier")
        {
            return true
        }
        let mentionsUser =
            text.contains("user name") || text.contains("username") || text.contains("api user")
            || text.contains("user ")
        let saysUnknown =
            text.contains("unknown") || text.contains("not found") || text.contains("invalid")
            || text.contains("does not exist") || text.contains("not recognized") || text.contains("not recognised")
            || text.contains("not a known") || text.contains("not valid for")
        return mentionsUser && saysUnknown
    }

    static func isValidation(_ text: String) -> Bool {
        text.contains("already exists") || text.contains("is required") || text.contains("does not reference")
            || text.contains("validation") || text.contains("not allowed") || text.contains("read-only")
            || text.contains("no matching records")
    }

    /// The longest wait a `Retry-After` is read as: one day.
    static let maxRetryAfterSeconds: Double = 86_400

    /// Seconds from a `Retry-After` header: a number of seconds, or an HTTP date; at most a day.
    static func retryAfter(_ header: String?) -> Duration? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty, header.count <= 64 else {
            return nil
        }
        if let seconds = Double(header) {
            guard seconds.isFinite, seconds >= 0 else { return nil }
            // Clamped before converting: a huge value (1e17) would not fit an Int64 of milliseconds. The
            // retry budget then decides; a day is far past any budget.
            return .milliseconds(Int64((min(seconds, maxRetryAfterSeconds) * 1000).rounded()))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: header) else { return nil }
        let seconds = min(max(0, date.timeIntervalSinceNow), maxRetryAfterSeconds)
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
