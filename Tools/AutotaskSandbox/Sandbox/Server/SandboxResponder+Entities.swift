import Hummingbird

extension SandboxResponder {
    /// Answers an authenticated API request.
    func answerAuthenticated(
        _ route: SandboxRoute, method: HTTPRequest.Method, parameters: [String: String], body: String
    ) -> Reply {
        let permissions = core.permissions
        if let kind = route.entity, kind.isContractScoped {
            switch (route, permissions) {
            case (.entityInformation, _), (.fields, _), (.userDefinedFields, _):
                break
            case (_, .forbidden):
                return Reply.errors(
                    403, ["The logged in Resource does not have permission to view \(kind.pluralName)."])
            case (_, .permission500):
                return Reply.errors(
                    500, ["The logged in Resource does not have the adequate permissions to query this entity type."])
            default:
                break
            }
        }
        var companies: Set<Int64>?
        var hidden = false
        if route.entity?.isContractScoped == true
            || {
                if case .child = route { return true }
                return false
            }()
        {
            switch permissions {
            case .restricted(let visible): companies = visible
            case .empty: hidden = true
            default: break
            }
        }
        switch route {
        case .thresholdInformation:
            let faults = core.control.withLock { $0.faults }
            let minutes = Int64(faults.thresholdWindow.components.seconds / 60)
            return .json(
                .object([
                    .init(key: "externalRequestThreshold", value: .int(Int64(faults.requestThreshold))),
                    .init(key: "requestThresholdTimeframe", value: .int(minutes)),
                    .init(key: "currentTimeframeRequestCount", value: .int(Int64(core.requestsInWindow(now: .now)))),
                ]))
        case .query(let kind):
            let search = method == .post && !body.trimmingSpaces.isEmpty ? body : parameters["search"]
            return queryPage(kind, search: search, token: nil, companies: companies, hidden: hidden)
        case .next(let kind):
            guard let token = parameters["paging"].flatMap(PagingToken.parse) else {
                return Reply.errors(500, ["The paging parameter is missing or not valid."])
            }
            let search = method == .post && !body.trimmingSpaces.isEmpty ? body : parameters["search"]
            return queryPage(kind, search: search, token: token, companies: companies, hidden: hidden)
        case .count(let kind):
            let search = method == .post && !body.trimmingSpaces.isEmpty ? body : parameters["search"]
            let schema = EntitySchema.of(kind)
            do {
                let query = try QueryRequest.parse(search, schema: schema, faithfulQuirks: core.faithfulQuirks)
                let count =
                    hidden ? 0 : core.data.withLock { $0.count(kind, where: query.condition, companies: companies) }
                return .json(#"{"queryCount":\#(count)}"#)
            } catch {
                return Reply.errors(error.status, [error.message])
            }
        case .get(let kind, let id):
            let row =
                hidden
                ? nil
                : core.data.withLock { data in
                    data[kind].row(id: id).flatMap { data.isVisible($0, kind: kind, companies: companies) ? $0 : nil }
                }
            return itemReply(kind, row)
        case .child(let contractID, let kind, let childID):
            return childReply(
                contractID: contractID, kind: kind, childID: childID, companies: companies, hidden: hidden)
        case .entityInformation(let kind):
            return .json(EntityInformation.info(EntitySchema.of(kind), permissions: permissions))
        case .fields(let kind):
            return .json(EntityInformation.fields(EntitySchema.of(kind)))
        case .userDefinedFields(let kind):
            return .json(EntityInformation.userDefinedFields(EntitySchema.of(kind)))
        default:
            return Reply.message(404, "Not found.")
        }
    }

    private func itemReply(_ kind: EntityKind, _ row: Row?) -> Reply {
        guard let row else { return .json(#"{"item":null}"#) }
        var writer = JSONWriter(capacity: 2048)
        writer.raw(#"{"item":"#)
        ItemEncoder(schema: EntitySchema.of(kind), include: nil).write(row, to: &writer)
        writer.raw("}")
        return .json(writer.text)
    }

    private func queryPage(
        _ kind: EntityKind, search: String?, token: PagingToken?, companies: Set<Int64>?, hidden: Bool
    ) -> Reply {
        let schema = EntitySchema.of(kind)
        let query: QueryRequest
        do {
            query = try QueryRequest.parse(search, schema: schema, faithfulQuirks: core.faithfulQuirks)
        } catch {
            return Reply.errors(error.status, [error.message])
        }
        let size = token?.pageSize ?? query.pageSize
        let after = token?.after ?? -1
        let page: (rows: [Row], more: Bool) =
            hidden
            ? ([], false)
            : core.data.withLock {
                $0.page(kind, where: query.condition, after: after, size: size, companies: companies)
            }
        return pageReply(
            kind, rows: page.rows, more: page.more, include: query.include, size: size, token: token,
            searchText: query.searchText)
    }

    private func pageReply(
        _ kind: EntityKind, rows: [Row], more: Bool, include: [Int]?, size: Int, token: PagingToken?,
        searchText: String
    ) -> Reply {
        let encoder = ItemEncoder(schema: EntitySchema.of(kind), include: include)
        var writer = JSONWriter(capacity: 256 + rows.count * 700)
        writer.raw(#"{"items":["#)
        for (offset, row) in rows.enumerated() {
            if offset > 0 { writer.raw(",") }
            encoder.write(row, to: &writer)
        }
        writer.raw(#"],"pageDetails":{"count":\#(rows.count),"requestCount":\#(size),"prevPageUrl":"#)
        let previous = token?.previousIDs ?? []
        if let last = previous.last {
            let back = PagingToken(pageSize: size, previousIDs: Array(previous.dropLast()), after: last)
            writer.string(nextURL(kind, token: back, searchText: searchText))
        } else {
            writer.raw("null")
        }
        writer.raw(#","nextPageUrl":"#)
        if more, case .int(let lastID) = rows.last?[0] {
            let forward = PagingToken(pageSize: size, previousIDs: previous + [token?.after ?? -1], after: lastID)
            writer.string(nextURL(kind, token: forward, searchText: searchText))
        } else {
            writer.raw("null")
        }
        writer.raw("}}")
        return .json(writer.text)
    }

    private func nextURL(_ kind: EntityKind, token: PagingToken, searchText: String) -> String {
        let base = core.baseURL.withLock { $0 }
        return base + "/atservicesrest/V1.0/\(kind.pluralName)/query/next?paging="
            + URLCoding.encode(token.serialized) + "&search=" + URLCoding.encode(searchText)
    }

    private func childReply(
        contractID: Int64, kind: EntityKind, childID: Int64?, companies: Set<Int64>?, hidden: Bool
    ) -> Reply {
        let schema = EntitySchema.of(kind)
        let contractField = schema.index("contractID")
        let condition = Condition.test(
            FilterTest(index: contractField, type: .integer, op: .eq, value: .number(Double(contractID))))
        if let childID {
            let row =
                hidden
                ? nil
                : core.data.withLock { data in
                    data[kind].row(id: childID).flatMap {
                        $0[contractField] == .int(contractID) && data.isVisible($0, kind: kind, companies: companies)
                            ? $0 : nil
                    }
                }
            return itemReply(kind, row)
        }
        let page: (rows: [Row], more: Bool) =
            hidden
            ? ([], false)
            : core.data.withLock { $0.page(kind, where: condition, after: -1, size: 500, companies: companies) }
        let search = #"{"filter":[{"op":"eq","field":"contractID","value":\#(contractID)}]}"#
        return pageReply(
            kind, rows: page.rows, more: page.more, include: nil, size: 500, token: nil, searchText: search)
    }
}
