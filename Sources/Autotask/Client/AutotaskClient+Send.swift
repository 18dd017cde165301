import Foundation
import Logging

extension AutotaskClient {
    /// Sends a request and decodes its answer, retrying what can be retried.
    ///
    /// Retries follow ``RetryPolicy``: 429 (honouring `Retry-After`), `Itgenatr005`, timeouts, connection
    /// errors, transient 5xx, and undecodable 200 bodies (a bounded number of times). A 401 under zone
    /// discovery looks the zone up again once before failing. Errors never contain the secret.
    func send<T>(
        _ request: Request,
        recorder: CallRecorder?,
        decode: (Response) throws -> T
    ) async throws -> T {
        try credentials.checkHeaderSafe()
        do {
            return try await sendUnredacted(request, recorder: recorder, decode: decode)
        } catch let error as AutotaskError {
            throw error.redacting(credentials.secret.value)
        }
    }

    private func sendUnredacted<T>(
        _ request: Request,
        recorder: CallRecorder?,
        decode: (Response) throws -> T
    ) async throws -> T {
        let policy = configuration.retry
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        var retries = 0
        var malformed = 0
        var attempts = 0
        var rediscovered = false
        while true {
            try Task.checkCancellation()
            let url = try await resolveURL(request)
            let started = clock.now
            attempts += 1
            record(endpoint: request.endpoint, recorder: recorder, requests: 1)
            var response: Response?
            let verdict: ResponseClassifier.Verdict
            do {
                let answer = try await perform(request, url: url)
                response = answer
                verdict = ResponseClassifier.classify(
                    status: answer.status,
                    body: answer.body,
                    retryAfter: answer.retryAfter,
                    endpoint: request.endpoint,
                    userName: credentials.userName,
                    isZoneLookup: request.isZoneLookup,
                    allowNotFound: request.allowNotFound
                )
            } catch {
                if Task.isCancelled || error is CancellationError { throw CancellationError() }
                verdict = transportVerdict(error, request: request, url: url)
            }
            elapsed += clock.now - started

            let failure: AutotaskError
            switch verdict {
            case .success:
                do {
                    return try decode(response!)
                } catch let error as AutotaskError {
                    throw error
                } catch {
                    malformed += 1
                    let detail = Self.describe(decodingError: error, bodySize: response?.body.count ?? 0)
                    let error = AutotaskError.malformed(endpoint: request.endpoint, detail: detail)
                    if malformed > policy.maxMalformedRetries {
                        throw error.exhausted(retries: retries, elapsed: elapsed, attempts: attempts)
                    }
                    failure = error
                }
            case .unauthorized:
                if case .discovery = configuration.zone, !rediscovered, !request.isZoneLookup {
                    rediscovered = true
                    forgetZone()
                    record(endpoint: request.endpoint, recorder: recorder, retries: 1)
                    configuration.logger?.notice(
                        "401 from \(request.endpoint); looking the zone up again",
                        metadata: ["autotask.endpoint": "\(request.endpoint)"]
                    )
                    continue
                }
                throw AutotaskError.authenticationFailed(
                    userName: credentials.userName,
                    endpoint: request.endpoint,
                    rediscovered: rediscovered,
                    attempts: attempts
                )
            case .fail(var error):
                error.attempts = attempts
                throw error
            case .retry(let error):
                failure = error
            }

            retries += 1
            if retries > policy.maxRetries {
                throw failure.exhausted(retries: retries - 1, elapsed: elapsed, attempts: attempts)
            }
            let delay = policy.delay(forRetry: retries, retryAfter: failure.retryAfter)
            if elapsed + delay > policy.maxTotalTime {
                throw failure.exhausted(retries: retries - 1, elapsed: elapsed, attempts: attempts)
            }
            record(endpoint: request.endpoint, recorder: recorder, retries: 1)
            configuration.logger?.notice(
                "retrying \(request.method.rawValue) \(Self.logPath(url)) in \(AutotaskError.seconds(delay)) s",
                metadata: ["autotask.endpoint": "\(request.endpoint)", "autotask.reason": "\(failure.code)"]
            )
            try await policy.sleep(delay)
            elapsed += delay
        }
    }

    /// The URL of a request: discovery, a path under the zone, or an absolute URL on the zone's host.
    func resolveURL(_ request: Request) async throws -> String {
        switch request.target {
        case .zoneLookup:
            guard case .discovery(let discovery) = configuration.zone else {
                throw AutotaskError(code: .invalidConfiguration, message: "Zone discovery is not configured.")
            }
            let root = Self.normalizedRoot(discovery.absoluteString)
            return root + "v1.0/zoneInformation?user=" + Self.percentEncoded(credentials.userName)
        case .path(let path, let query):
            let root = try await zoneRoot()
            var url = root + "v1.0/" + path
            if !query.isEmpty {
                url +=
                    "?"
                    + query.map { Self.percentEncoded($0.0) + "=" + Self.percentEncoded($0.1) }
                    .joined(separator: "&")
            }
            return url
        case .absolute(let given):
            let root = try await zoneRoot()
            let url = Self.absolute(given, root: root)
            guard Self.sameOrigin(url, root) else {
                throw AutotaskError.untrustedHost(endpoint: request.endpoint, url: url, zone: root)
            }
            return url
        }
    }

    static func absolute(_ url: String, root: String) -> String {
        if url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://") { return url }
        return URL(string: url, relativeTo: URL(string: root))?.absoluteString ?? url
    }

    static func sameOrigin(_ url: String, _ root: String) -> Bool {
        guard let a = URLComponents(string: url), let b = URLComponents(string: root) else { return false }
        func port(_ components: URLComponents) -> Int? {
            components.port ?? (components.scheme?.lowercased() == "http" ? 80 : 443)
        }
        return a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased()
            && port(a) == port(b)
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986).
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    static func describe(decodingError error: any Error, bodySize: Int) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
            DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(context.debugDescription)\(path.isEmpty ? "" : " at \(path)"), \(bodySize) bytes"
        default:
            return "\(bodySize) bytes could not be decoded"
        }
    }
}

extension AutotaskClient.Request {
    var isZoneLookup: Bool {
        if case .zoneLookup = target { return true }
        return false
    }
}
