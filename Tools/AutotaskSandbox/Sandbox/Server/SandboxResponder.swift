import HTTPTypes
import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage plus the peer address (the admin API is loopback only).
struct SandboxRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}

/// Answers every request: routing is done here, case-insensitively, rather than by Hummingbird's router.
struct SandboxResponder: HTTPResponder {
    let core: SandboxCore

    func respond(to request: Request, context: SandboxRequestContext) async throws -> Response {
        var request = request
        let path = request.uri.path
        guard let route = SandboxRoute(path: path) else {
            let admission = core.admit(
                .admin([]), endpoint: SandboxEndpoint("", .other), integrationCode: nil, now: .now)
            let base = core.baseURL.withLock { $0 }
            let reply = Reply.message(404, "No HTTP resource was found that matches the request URI '\(base)\(path)'.")
            core.finish(admission, status: reply.status)
            return reply.response
        }
        let body = try await request.collectBody(upTo: 16 * 1024 * 1024)
        let bodyText = String(buffer: body)
        let parameters = URLCoding.parameters(request.uri.query)
        if case .admin(let segments) = route {
            guard Self.isLoopback(context.remoteAddress) else {
                return Reply.errors(403, ["The sandbox admin API answers loopback clients only."]).response
            }
            return handleAdmin(method: request.method, segments: segments, body: bodyText).response
        }
        guard let endpoint = route.endpoint else { return Reply.message(404, "Not found.").response }
        guard route.methods.contains(request.method) else {
            let admission = core.admit(route, endpoint: endpoint, integrationCode: nil, now: .now)
            let reply = Reply.message(
                405, "The requested resource does not support http method '\(request.method.rawValue)'.")
            core.finish(admission, status: reply.status)
            return reply.response
        }
        switch route {
        case .versionInformation, .zoneInformation:
            let admission = core.admit(route, endpoint: endpoint, integrationCode: nil, now: .now)
            let reply = answerUnauthenticated(route, parameters: parameters)
            core.finish(admission, status: reply.status)
            return reply.response
        default:
            break
        }
        if let refusal = authenticate(request.headers) {
            let admission = core.admit(route, endpoint: endpoint, integrationCode: nil, now: .now)
            core.finish(admission, status: refusal.status)
            return refusal.response
        }
        let admission = core.admit(
            route, endpoint: endpoint, integrationCode: core.credentials.integrationCode, now: .now)
        let reply = await answer(
            route, admission: admission, method: request.method, parameters: parameters, body: bodyText)
        core.finish(admission, status: reply.status)
        return reply.response
    }

    /// Applies the admission's delay and fault, then answers.
    private func answer(
        _ route: SandboxRoute, admission: Admission, method: HTTPRequest.Method, parameters: [String: String],
        body: String
    ) async -> Reply {
        if admission.delay > .zero { try? await Task.sleep(for: admission.delay) }
        if let rejection = admission.rejection { return rejection }
        let faults = core.control.withLock { $0.faults }
        switch admission.fault {
        case .serverError:
            return Reply.errors(500, ["An unexpected error occurred on the server (injected by the sandbox)."])
        case .throttled:
            return Reply.errors(
                429, ["Too many requests (injected by the sandbox)."], retryAfter: faults.throttleRetryAfterSeconds)
        case .slow:
            try? await Task.sleep(for: faults.slowDelay)
        default:
            break
        }
        var reply = answerAuthenticated(route, method: method, parameters: parameters, body: body)
        guard reply.status == 200 else { return reply }
        switch admission.fault {
        case .malformed:
            if let colon = reply.body.firstIndex(of: ":") { reply.body.replaceSubrange(colon...colon, with: "=") }
        case .truncated:
            let cut = reply.body.utf8.count * 3 / 5
            reply.body = String(decoding: Array(reply.body.utf8.prefix(max(1, cut))), as: UTF8.self)
        default:
            break
        }
        return reply
    }

    /// Checks the three Autotask headers: unknown user 500, bad secret 401, bad integration code 500.
    private func authenticate(_ headers: HTTPFields) -> Reply? {
        let userName = HTTPField.Name("UserName").flatMap { headers[$0] }
        let secret = HTTPField.Name("Secret").flatMap { headers[$0] }
        let code = HTTPField.Name("ApiIntegrationCode").flatMap { headers[$0] }
        guard let userName, userName.lowercased() == core.credentials.userName.lowercased() else {
            return Reply.errors(500, ["The user name is not a known API user of this zone."])
        }
        guard let secret, secret == core.credentials.secret else {
            return Reply.errors(401, ["Authentication failed: the user name and secret do not match."])
        }
        guard let code, code == core.credentials.integrationCode else {
            return Reply.errors(500, ["The API integration code is not valid for this user."])
        }
        return nil
    }

    private func answerUnauthenticated(_ route: SandboxRoute, parameters: [String: String]) -> Reply {
        let base = core.baseURL.withLock { $0 }
        if case .versionInformation = route { return .json(#"{"apiVersions":["1.0"]}"#) }
        guard let user = parameters["user"], !user.trimmingSpaces.isEmpty,
            user.trimmingSpaces.lowercased() == core.credentials.userName.lowercased()
        else { return Reply.errors(500, ["Zone information could not be found for the user."]) }
        return .json(
            .object([
                .init(key: "zoneName", value: .string("Sandbox")),
                .init(key: "url", value: .string(base + "/atservicesrest/")),
                .init(key: "webUrl", value: .string(base + "/")), .init(key: "ci", value: .int(0)),
            ]))
    }

    static func isLoopback(_ address: SocketAddress?) -> Bool {
        guard let address else { return true }
        guard let ip = address.ipAddress else { return address.protocol == .unix }
        return ip.hasPrefix("127.") || ip == "::1" || ip.hasPrefix("::ffff:127.")
    }
}
