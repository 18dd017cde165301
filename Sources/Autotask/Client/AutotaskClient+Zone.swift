import Foundation

extension AutotaskClient {
    /// The zone URL the client talks to (such as `https://webservices5.autotask.net/atservicesrest/`),
    /// looked up and cached on first use under zone discovery.
    public func zoneURL() async throws -> URL {
        let root = try await zoneRoot()
        guard let url = URL(string: root) else {
            throw AutotaskError(code: .invalidConfiguration, message: "The zone URL \(root) is not a valid URL.")
        }
        return url
    }

    /// The zone URL in use, when known (given directly, or discovered by an earlier request); never asks.
    public var resolvedZoneURL: URL? {
        state.withLock { state in
            if case .resolved(let root) = state.zone { return URL(string: root) }
            return nil
        }
    }

    /// The zone's REST root, ending in `/`, discovering it once for concurrent callers.
    func zoneRoot() async throws -> String {
        enum Next {
            case done(String)
            case wait(Task<String, any Error>)
        }
        let next: Next = state.withLock { state in
            switch state.zone {
            case .resolved(let root):
                return .done(root)
            case .resolving(let task):
                return .wait(task)
            case .unknown:
                let task = Task { try await self.discoverZone() }
                state.zone = .resolving(task)
                return .wait(task)
            }
        }
        switch next {
        case .done(let root):
            return root
        case .wait(let task):
            do {
                let root = try await task.value
                state.withLock { state in
                    if case .resolving(let current) = state.zone, current == task { state.zone = .resolved(root) }
                }
                return root
            } catch {
                state.withLock { state in
                    if case .resolving(let current) = state.zone, current == task { state.zone = .unknown }
                }
                throw error
            }
        }
    }

    /// Forgets a discovered zone, so that the next request looks it up again.
    func forgetZone() {
        guard case .discovery = configuration.zone else { return }
        state.withLock { state in
            if case .resolved = state.zone { state.zone = .unknown }
        }
    }

    private func discoverZone() async throws -> String {
        let request = Request(target: .zoneLookup, endpoint: "zoneInformation")
        let zone = try await send(request, recorder: nil) { response in
            try JSONDecoder().decode(ZoneInformation.self, from: Data(response.body))
        }
        guard case .discovery(let discovery) = configuration.zone, Self.isTrustedZone(zone.url, discovery: discovery)
        else {
            throw AutotaskError.untrustedZone(zone.url)
        }
        configuration.logger?.info("Autotask zone: \(zone.zoneName ?? "?") at \(zone.url)")
        return Self.normalizedRoot(zone.url)
    }

    /// Whether a zone URL from discovery may receive the credentials: an https host under autotask.net;
    /// otherwise only the discovery URL's own host, or loopback when discovery is on loopback (the sandbox).
    static func isTrustedZone(_ url: String, discovery: URL) -> Bool {
        guard let zone = URLComponents(string: url.trimmingCharacters(in: .whitespaces)),
            let scheme = zone.scheme?.lowercased(), let host = zone.host?.lowercased(), !host.isEmpty,
            zone.user == nil, zone.password == nil
        else { return false }
        if scheme == "https" && (host == "autotask.net" || host.hasSuffix(".autotask.net")) { return true }
        guard scheme == "https" || scheme == "http" else { return false }
        let discoveryHost = discovery.host?.lowercased() ?? ""
        if host == discoveryHost { return scheme == "https" || discovery.scheme?.lowercased() == "http" }
        return isLoopback(host) && isLoopback(discoveryHost)
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
