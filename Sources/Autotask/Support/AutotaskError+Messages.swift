import Foundation

/// The errors the client raises, each with a message that says what to do.
extension AutotaskError {
    /// The steps that give an API user's security level read access to contracts.
    public static let contractAccessSteps = """
        In Autotask: 1. Admin > Security > Security Levels. 2. Edit (pencil icon) the security level of the \
        API user. 3. Open Contracts (+): in Object Permissions set View = All, and set Contract Visibility = \
        Full. 4. Click Save and Close.
        """

    static func authenticationFailed(userName: String, endpoint: String, rediscovered: Bool, attempts: Int)
        -> AutotaskError
    {
        AutotaskError(
            code: .authenticationFailed,
            message: "Autotask rejected the secret of API user \(userName) (HTTP 401"
                + (rediscovered ? ", also after looking the zone up again" : "")
                + "). Check that the secret you supplied (environment variable or secret file) is the API "
                + "user's current one; in Autotask: Admin > Resources (Users) > edit the API user > Security "
                + "> Generate Secret, then store the new secret and try again.",
            httpStatus: 401,
            endpoint: endpoint,
            attempts: attempts
        )
    }

    static func unknownUser(userName: String, status: Int, messages: [String]) -> AutotaskError {
        AutotaskError(
            code: .unknownUserOrIntegrationCode,
            message: "Autotask does not recognise the API user \(userName) or the integration code (HTTP \(status)"
                + serverSuffix(messages)
                + "). Check the user name (the API user's email address) and the API tracking identifier "
                + "(integration code) in Autotask: Admin > Resources (Users) > edit the API user > Security.",
            httpStatus: status,
            serverMessages: messages
        )
    }

    static func badDiscoveryURL(status: Int, messages: [String]) -> AutotaskError {
        AutotaskError(
            code: .invalidConfiguration,
            message: "The zone discovery URL did not serve zoneInformation (HTTP \(status)). Use the default "
                + "https://webservices.autotask.net/atservicesrest/ or give the zone URL directly.",
            httpStatus: status,
            serverMessages: messages,
            endpoint: "zoneInformation"
        )
    }

    static func permissionDenied(endpoint: String, status: Int?, messages: [String]) -> AutotaskError {
        let isContract = endpoint.lowercased().hasPrefix("contract")
        let steps =
            isContract
            ? " " + contractAccessSteps
            : " Give the API user's security level View access to \(endpoint) (Admin > Security > Security Levels)."
        return AutotaskError(
            code: .permissionDenied,
            message: "The Autotask API user is not allowed to read \(endpoint)"
                + (status.map { " (HTTP \($0)" + serverSuffix(messages) + ")" } ?? "") + "." + steps,
            httpStatus: status,
            serverMessages: messages,
            endpoint: endpoint
        )
    }

    static func throttled(endpoint: String, retryAfter: Duration?, messages: [String]) -> AutotaskError {
        let wait = retryAfter.map { " and asked to wait \(seconds($0)) s" } ?? ""
        return AutotaskError(
            code: .throttled,
            message: "Autotask throttled the requests to \(endpoint) (HTTP 429)\(wait). The tenant may have "
                + "reached its hourly request threshold (10,000 requests per rolling 60 minutes across all "
                + "integrations); wait and try again later.",
            httpStatus: 429,
            serverMessages: messages,
            endpoint: endpoint,
            retryAfter: retryAfter
        )
    }

    static func threadLimit(endpoint: String, messages: [String], status: Int) -> AutotaskError {
        AutotaskError(
            code: .threadLimit,
            message: "Autotask refused a request to \(endpoint) because too many requests were in flight for "
                + "this integration (Itgenatr005, HTTP \(status)). Another program may be using the same "
                + "integration code; lower the concurrency or try again later.",
            httpStatus: status,
            serverMessages: messages,
            endpoint: endpoint
        )
    }

    static func unreachable(endpoint: String, url: String, underlying: String) -> AutotaskError {
        let components = URLComponents(string: url)
        let host = components?.host ?? "?"
        let port = components?.port ?? (components?.scheme == "http" ? 80 : 443)
        return AutotaskError(
            code: .unreachable,
            message: "Cannot reach Autotask at \(host):\(port) (\(underlying)). Check the network connection, "
                + "proxy and firewall, and the zone URL.",
            endpoint: endpoint
        )
    }

    static func unusableURL(endpoint: String, url: String) -> AutotaskError {
        let components = URLComponents(string: url)
        let place = components.flatMap { c in c.scheme.map { "\($0)://\(c.host ?? "")" } } ?? "the zone URL"
        return AutotaskError(
            code: .invalidConfiguration,
            message: "The Autotask URL for \(endpoint) (\(place)) cannot be used; give an https URL such as "
                + "https://webservices5.autotask.net/atservicesrest/ with `contracts connect`.",
            endpoint: endpoint
        )
    }

    static func timeout(endpoint: String, url: String, timeout: Duration) -> AutotaskError {
        let host = URLComponents(string: url)?.host ?? "?"
        return AutotaskError(
            code: .timeout,
            message: "A request to \(endpoint) at \(host) took longer than \(seconds(timeout)) s. Autotask may be "
                + "slow or near its request threshold; try again later or raise the request timeout.",
            endpoint: endpoint
        )
    }

    static func server(endpoint: String, status: Int, messages: [String], final: Bool) -> AutotaskError {
        AutotaskError(
            code: .server,
            message: "Autotask answered a request to \(endpoint) with HTTP \(status)" + serverSuffix(messages) + "."
                + (final ? "" : " This is usually temporary; try again later."),
            httpStatus: status,
            serverMessages: messages,
            endpoint: endpoint
        )
    }

    static func invalidQuery(endpoint: String, status: Int?, messages: [String]) -> AutotaskError {
        AutotaskError(
            code: .invalidQuery,
            message: "Autotask refused the query on \(endpoint)"
                + (status.map { " (HTTP \($0)" + serverSuffix(messages) + ")" } ?? serverSuffix(messages))
                + ". Check the field names (see entityInformation/fields), the operators and the values.",
            httpStatus: status,
            serverMessages: messages,
            endpoint: endpoint
        )
    }

    static func malformed(endpoint: String, detail: String) -> AutotaskError {
        AutotaskError(
            code: .malformedResponse,
            message: "Autotask's answer from \(endpoint) was not the expected JSON (\(detail)). It may have been "
                + "cut off by the network; try again.",
            endpoint: endpoint
        )
    }

    static func endlessPaging(endpoint: String, pages: Int, records: Int, counted: Int?) -> AutotaskError {
        AutotaskError(
            code: .malformedResponse,
            message: "Autotask kept sending next pages for \(endpoint): \(pages) pages, \(records) records"
                + (counted.map { ", but it counts \($0) for the query" } ?? "")
                + "; the client stopped so as not to spend the hourly request limit. Try again later.",
            endpoint: endpoint
        )
    }

    static func notFound(endpoint: String, messages: [String]) -> AutotaskError {
        AutotaskError(
            code: .notFound,
            message: "Autotask has no resource at \(endpoint) (HTTP 404" + serverSuffix(messages)
                + "). Check the entity name and the zone URL.",
            httpStatus: 404,
            serverMessages: messages,
            endpoint: endpoint
        )
    }

    static func untrustedHost(endpoint: String, url: String, zone: String) -> AutotaskError {
        let host = URLComponents(string: url)?.host ?? "?"
        let zoneHost = URLComponents(string: zone)?.host ?? "?"
        return AutotaskError(
            code: .untrustedHost,
            message: "Autotask sent a next-page URL on \(host) for \(endpoint), but the zone is \(zoneHost); the "
                + "client only sends credentials to the zone's host, so it stopped.",
            endpoint: endpoint
        )
    }

    static func untrustedZone(_ url: String) -> AutotaskError {
        let components = URLComponents(string: url)
        let printable = { (text: String) in
            text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x21 && $0.value < 0x7F }
        }
        let place =
            components.flatMap { c in
                c.scheme.map { "\($0)://\(c.host ?? "")" }
            }.flatMap { printable($0) && $0.count <= 120 ? $0 : nil } ?? "an unusable address"
        return AutotaskError(
            code: .untrustedHost,
            message: "Zone discovery answered with a zone at \(place), which is not an https address under "
                + "autotask.net; the client sends credentials only to Autotask's hosts, so nothing was sent there. "
                + "Check the discovery URL, or give the zone with `contracts connect --zone-url URL`.",
            endpoint: "zoneInformation"
        )
    }

    static func budgetExceeded(needed: Int, threshold: ThresholdInformation) -> AutotaskError {
        AutotaskError(
            code: .budgetExceeded,
            message: "This job needs about \(needed) requests, but Autotask's request threshold has "
                + "\(threshold.remaining) left (\(threshold.currentTimeframeRequestCount) of "
                + "\(threshold.externalRequestThreshold) used in the last \(threshold.requestThresholdTimeframe) "
                + "minutes, shared by every integration of the tenant). Crossing it suspends the API for the "
                + "tenant; wait for the window to roll over, or narrow the job, and try again."
        )
    }

    /// The same error with a note that retries were exhausted.
    func exhausted(retries: Int, elapsed: Duration, attempts: Int) -> AutotaskError {
        var copy = self
        copy.message += " Gave up after \(retries) \(retries == 1 ? "retry" : "retries") in \(Self.seconds(elapsed)) s."
        copy.attempts = attempts
        return copy
    }

    private static func serverSuffix(_ messages: [String]) -> String {
        messages.isEmpty ? "" : ": " + messages.joined(separator: "; ")
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return value == value.rounded() ? String(Int64(value)) : String(format: "%.1f", value)
    }
}
