import HTTPTypes

extension SandboxResponder {
    /// The admin API under `/sandbox/...` (no Autotask auth; loopback only). See `AutotaskSandbox` for the routes.
    func handleAdmin(method: HTTPRequest.Method, segments: [String], body: String) -> Reply {
        let lowered = segments.map { $0.lowercased() }
        let json: JSONValue
        if body.trimmingSpaces.isEmpty {
            json = .object([])
        } else {
            do {
                json = try JSONParser.parse(body)
            } catch {
                return Reply.errors(400, ["The body is not valid JSON."])
            }
        }
        let ids = lowered.compactMap { Int64($0) }
        let route = method.rawValue + " " + lowered.map { Int64($0) == nil ? $0 : "{id}" }.joined(separator: "/")
        do throws(SandboxAdminError) {
            if method == .patch, lowered.count == 2, let id = ids.first, lowered[0] != "faults" {
                guard let kind = EntityKind(name: lowered[0]) else {
                    throw SandboxAdminError("Unknown entity \(segments[0]).")
                }
                guard let members = json.objectMembers else {
                    throw SandboxAdminError("The body must be a JSON object.")
                }
                return Self.changesReply(
                    try core.mutate { data, now throws(SandboxAdminError) in
                        try data.edit(kind, id: id, fields: members, now: now)
                    })
            }
            let id = ids.first ?? 0
            switch route {
            case "GET ":
                return .json(.object([.init(key: "routes", value: .array(Self.adminRoutes.map { .string($0) }))]))
            case "GET log":
                return .json(core.requestLog().json)
            case "DELETE log":
                core.resetRequestLog()
                return .json(core.requestLog().json)
            case "GET permissions":
                return .json(Self.permissionsJSON(core.permissions))
            case "PUT permissions", "POST permissions":
                let ids = Set((json["companyIDs"]?.arrayValue ?? []).compactMap(Lenient.int))
                guard let mode = json["mode"]?.text,
                    let permissions = SandboxPermissions(modeName: mode, companyIDs: ids)
                else { throw SandboxAdminError("mode must be full, empty, forbidden, permission500 or restricted.") }
                core.setPermissions(permissions)
                return .json(Self.permissionsJSON(permissions))
            case "GET faults":
                return .json(core.control.withLock { $0.faults }.json)
            case "PUT faults", "POST faults", "PATCH faults":
                let base = method == .put ? SandboxFaults() : core.control.withLock { $0.faults }
                let faults = try base.applying(json)
                core.setFaults(faults)
                return .json(faults.json)
            case "POST night":
                let changes = try core.mutate { data, now in data.advanceNight(now: now) }
                let night = core.data.withLock { $0.nights }
                return Self.changesReply(changes, extra: [.init(key: "night", value: .int(Int64(night)))])
            case "POST contracts/{id}/renew":
                let result = try core.mutate { data, now throws(SandboxAdminError) in
                    try data.renew(contractID: id, now: now)
                }
                return Self.changesReply(result.changes, extra: [.init(key: "contractID", value: .int(result.newID))])
            case "POST contracts/{id}/deactivate":
                return Self.changesReply(
                    try core.mutate { data, now throws(SandboxAdminError) in
                        try data.deactivate(contractID: id, now: now)
                    })
            case "DELETE contracts/{id}":
                return Self.changesReply(
                    try core.mutate { data, now throws(SandboxAdminError) in
                        try data.deleteContract(contractID: id, now: now)
                    })
            case "POST configurationitems/{id}/link":
                guard let contractID = json["contractID"].flatMap(Lenient.int) else {
                    throw SandboxAdminError("The body needs contractID.")
                }
                let serviceID = json["contractServiceID"].flatMap(Lenient.int)
                return Self.changesReply(
                    try core.mutate { data, now throws(SandboxAdminError) in
                        try data.link(
                            configurationItemID: id, contractID: contractID, contractServiceID: serviceID,
                            now: now)
                    })
            case "POST configurationitems/{id}/unlink":
                return Self.changesReply(
                    try core.mutate { data, now throws(SandboxAdminError) in
                        try data.unlink(configurationItemID: id, now: now)
                    })
            case "POST contractservices/{id}/units", "PUT contractservices/{id}/units":
                guard let units = json["units"].flatMap(Lenient.int) else {
                    throw SandboxAdminError("The body needs units.")
                }
                return Self.changesReply(
                    try core.mutate { data, now throws(SandboxAdminError) in
                        try data.setUnits(contractServiceID: id, units: Int(units), now: now)
                    })
            default:
                return Reply.message(
                    404, "No sandbox admin route \(method.rawValue) /sandbox/\(segments.joined(separator: "/")).")
            }
        } catch {
            return Reply.errors(400, [error.message])
        }
    }

    static let adminRoutes = [
        "GET /sandbox/log", "DELETE /sandbox/log", "GET|PUT /sandbox/permissions", "GET|PUT|PATCH /sandbox/faults",
        "POST /sandbox/night", "PATCH /sandbox/{entity}/{id}", "POST /sandbox/contracts/{id}/renew",
        "POST /sandbox/contracts/{id}/deactivate", "DELETE /sandbox/contracts/{id}",
        "POST /sandbox/configurationItems/{id}/link", "POST /sandbox/configurationItems/{id}/unlink",
        "POST /sandbox/contractServices/{id}/units",
    ]

    private static func changesReply(_ changes: [SandboxChange], extra: [JSONMember] = []) -> Reply {
        .json(.object(extra + [.init(key: "changes", value: .array(changes.map(\.json)))]))
    }

    static func permissionsJSON(_ permissions: SandboxPermissions) -> JSONValue {
        var members = [JSONMember(key: "mode", value: .string(permissions.modeName))]
        if case .restricted(let ids) = permissions {
            members.append(.init(key: "companyIDs", value: .array(ids.sorted().map { .int($0) })))
        }
        return .object(members)
    }
}
