import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

extension AutotaskClient {
    /// One logical request: where it goes, with which method and body, and which endpoint it counts for.
    struct Request: Sendable {
        enum Method: String, Sendable {
            case get = "GET"
            case post = "POST"
        }

        enum Target: Sendable {
            /// `GET {discovery}v1.0/zoneInformation?user=...`, without credentials.
            case zoneLookup
            /// A path under `{zone}v1.0/`, with query parameters.
            case path(String, query: [(String, String)] = [])
            /// An absolute URL from Autotask, such as a `nextPageUrl`.
            case absolute(String)
        }

        var method: Method = .get
        var target: Target
        var body: [UInt8]?
        /// The endpoint (entity path) whose limit and statistics the request counts for.
        var endpoint: String
        /// Whether a 404 is an answer (a missing record) rather than an error.
        var allowNotFound = false
    }

    /// An HTTP answer, body read in full.
    struct Response: Sendable {
        var status: Int
        var body: [UInt8]
        var retryAfter: Duration?
    }

    /// Sends one HTTP request, holding a permit of the endpoint's semaphore while it is in flight.
    func perform(_ request: Request, url: String) async throws -> Response {
        var http = HTTPClientRequest(url: url)
        http.method = request.method == .get ? .GET : .POST
        http.headers.add(name: "Accept", value: "application/json")
        http.headers.add(name: "Content-Type", value: "application/json")
        if case .zoneLookup = request.target {
            // Zone discovery needs no credentials, and gets none.
        } else {
            http.headers.add(name: "ApiIntegrationCode", value: credentials.integrationCode)
            http.headers.add(name: "UserName", value: credentials.userName)
            http.headers.add(name: "Secret", value: credentials.secret.value)
        }
        if let body = request.body {
            http.body = .bytes(ByteBuffer(bytes: body))
        }
        let semaphore: AsyncSemaphore?
        if case .zoneLookup = request.target {
            semaphore = nil
        } else {
            semaphore = self.semaphore(for: request.endpoint)
        }
        try await semaphore?.acquire()
        defer { semaphore?.release() }
        let started = ContinuousClock.now
        let response = try await httpClient.execute(http, timeout: TimeAmount(configuration.requestTimeout))
        let buffer = try await response.body.collect(upTo: configuration.maxResponseBytes)
        let status = Int(response.status.code)
        let elapsed = ContinuousClock.now - started
        configuration.logger?.debug(
            "\(request.method.rawValue) \(Self.logPath(url)) -> \(status)",
            metadata: [
                "autotask.endpoint": "\(request.endpoint)", "autotask.seconds": "\(AutotaskError.seconds(elapsed))",
            ]
        )
        return Response(
            status: status,
            body: Array(buffer.readableBytesView),
            retryAfter: ResponseClassifier.retryAfter(response.headers.first(name: "Retry-After"))
        )
    }

    /// The path of a URL, without its query (which may hold long filters), for logs.
    static func logPath(_ url: String) -> String {
        URLComponents(string: url)?.path ?? "?"
    }

    /// What a transport error means: a timeout or a connection failure (both retryable), or a request that
    /// could never be sent (not retried).
    ///
    /// The error's own text is never used: it may quote a header value (the secret) or a URL. Each kind maps
    /// to a fixed phrase.
    func transportVerdict(_ error: any Error, request: Request, url: String) -> ResponseClassifier.Verdict {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .retry(.timeout(endpoint: request.endpoint, url: url, timeout: configuration.requestTimeout))
            case .invalidURL, .emptyHost, .emptyScheme, .missingSocketPath:
                return .fail(.unusableURL(endpoint: request.endpoint, url: url))
            default:
                break
            }
            switch error.shortDescription {
            case "Invalid header field values", "Invalid header field names":
                return .fail(
                    AutotaskError(
                        code: .invalidCredentials,
                        message: "The Autotask user name, integration code or secret holds a character an HTTP "
                            + "header cannot carry; nothing was sent. Copy the values again, on one line each.",
                        endpoint: request.endpoint))
            case "Unsupported scheme":
                return .fail(.unusableURL(endpoint: request.endpoint, url: url))
            case "Already shutdown", "Cancelled", "Request stream cancelled":
                return .fail(
                    AutotaskError(
                        code: .unreachable, message: "The request to \(request.endpoint) was cancelled.",
                        endpoint: request.endpoint))
            default:
                let phrase = error.shortDescription.isEmpty ? "connection failed" : error.shortDescription.lowercased()
                return .retry(.unreachable(endpoint: request.endpoint, url: url, underlying: phrase))
            }
        }
        if error is NIOTooManyBytesError {
            return .fail(
                .malformed(
                    endpoint: request.endpoint,
                    detail: "the body is larger than \(configuration.maxResponseBytes) bytes"
                )
            )
        }
        if let error = error as? IOError {
            let phrase = String(cString: strerror(error.errnoCode)).lowercased()
            return .retry(.unreachable(endpoint: request.endpoint, url: url, underlying: phrase))
        }
        return .retry(.unreachable(endpoint: request.endpoint, url: url, underlying: "connection failed"))
    }
}
