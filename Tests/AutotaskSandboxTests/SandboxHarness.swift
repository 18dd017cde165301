import AsyncHTTPClient
import AutotaskSandbox
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP answer: status, headers and body text.
struct Answer: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: String

    /// The body parsed as a JSON object (nil when it is not one).
    var object: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
    }

    var isValidJSON: Bool {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) != nil
    }

    /// The `items` of a page.
    var items: [[String: Any]] {
        object?["items"] as? [[String: Any]] ?? []
    }

    /// The ids of a page's items.
    var ids: [Int] {
        items.compactMap { int($0["id"]) }
    }

    /// The first entry of an errors body.
    var error: String? {
        (object?["errors"] as? [Any])?.first as? String
    }
}

/// Reads an integer from a JSON number, whatever Foundation decoded it as.
func int(_ value: Any?) -> Int? {
    switch value {
    case let number as Int: return number
    case let number as Int64: return Int(number)
    case let number as Double: return Int(exactly: number)
    case let number as NSNumber: return number.intValue
    default: return nil
    }
}

/// A started sandbox and an HTTP client that speaks to it with the sandbox credentials.
struct SandboxHarness: Sendable {
    let sandbox: AutotaskSandbox

    /// Starts a sandbox, runs `body`, and stops the sandbox whatever happens.
    static func with(
        _ configuration: SandboxConfiguration = SandboxConfiguration(),
        _ body: (SandboxHarness) async throws -> Void
    ) async throws {
        let sandbox = try await AutotaskSandbox.start(configuration)
        do {
            try await body(SandboxHarness(sandbox: sandbox))
            try await sandbox.stop()
        } catch {
            try? await sandbox.stop()
            throw error
        }
    }

    /// The credentials headers; `overrides` replaces some (a nil value leaves the header out).
    func authHeaders(_ overrides: [String: String?] = [:]) -> [(String, String)] {
        let credentials = sandbox.credentials
        var headers: [(String, String)] = []
        let standard = [
            ("ApiIntegrationCode", credentials.integrationCode), ("UserName", credentials.userName),
            ("Secret", credentials.secret),
        ]
        for (name, value) in standard {
            if let override = overrides[name] {
                if let override { headers.append((name, override)) }
            } else {
                headers.append((name, value))
            }
        }
        return headers
    }

    /// Sends a request to a path under the base URL (or to an absolute URL).
    func send(
        _ method: HTTPMethod, _ path: String, body: String? = nil, auth: Bool = true,
        headers extra: [(String, String)] = []
    ) async throws -> Answer {
        let url = path.hasPrefix("http") ? path : sandbox.baseURL.absoluteString + path
        var request = HTTPClientRequest(url: url)
        request.method = method
        if auth { for (name, value) in authHeaders() { request.headers.add(name: name, value: value) } }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return Answer(status: Int(response.status.code), headers: response.headers, body: String(buffer: buffer))
    }

    func get(_ path: String, auth: Bool = true, headers: [(String, String)] = []) async throws -> Answer {
        try await send(.GET, path, auth: auth, headers: headers)
    }

    /// `GET /atservicesrest/V1.0/{entity}/query?search=...`.
    func query(_ entity: String, _ search: String) async throws -> Answer {
        try await get("/atservicesrest/V1.0/\(entity)/query?search=" + encode(search))
    }

    /// `POST /atservicesrest/V1.0/{entity}/query`.
    func postQuery(_ entity: String, _ search: String) async throws -> Answer {
        try await send(.POST, "/atservicesrest/V1.0/\(entity)/query", body: search)
    }

    /// The ids a filter (JSON array text) selects, by GET.
    func ids(_ entity: String, filter: String) async throws -> [Int] {
        try await query(entity, #"{"filter":\#(filter)}"#).ids
    }

    /// Follows `nextPageUrl` from a first page, with the same method (and body, for POST); returns every id.
    func allIDs(_ first: Answer, post body: String? = nil) async throws -> [Int] {
        var ids = first.ids
        var next = (first.object?["pageDetails"] as? [String: Any])?["nextPageUrl"] as? String
        while let url = next {
            let page = body == nil ? try await get(url) : try await send(.POST, url, body: body)
            ids += page.ids
            next = (page.object?["pageDetails"] as? [String: Any])?["nextPageUrl"] as? String
        }
        return ids
    }

    func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension SandboxConfiguration {
    /// The demo set on a fixed day, so dates and unit periods are repeatable.
    static func fixedDemo(seed: UInt64 = 1) -> SandboxConfiguration {
        SandboxConfiguration(dataset: .demo, seed: seed, today: fixedToday)
    }

    static let fixedToday = Date(timeIntervalSince1970: 1_765_000_000)  // 2025-12-06
}
