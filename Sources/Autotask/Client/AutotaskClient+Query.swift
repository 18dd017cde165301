import Foundation

/// How a query is sent: a JSON body by POST (the default), or the same JSON in `search=` by GET.
public enum QueryMethod: String, Sendable, Hashable, CaseIterable {
    /// `POST /{Entity}/query` with the query as the body; next pages are POSTed the same body.
    case post
    /// `GET /{Entity}/query?search=...`; next pages are fetched by GET. Falls back to POST when the URL
    /// would be longer than ``AutotaskClient/maxGetURLLength``.
    case get
}

extension AutotaskClient {
    /// The longest `search=` URL sent by GET; longer queries go by POST.
    public static let maxGetURLLength = 2_000

    /// Runs a query and follows every page, splitting long `in` lists into batches.
    ///
    /// Batches run concurrently within the endpoint's limit; their results are merged in id order without
    /// duplicates.
    public func query<Entity: AutotaskEntity>(
        _ type: Entity.Type,
        _ query: Query = .all,
        method: QueryMethod = .post
    ) async throws -> QueryResult<Entity> {
        try await self.query(type, entity: Entity.entityPath, query, method: method)
    }

    /// Runs a query on the entity at `entity` (such as `"Contracts"`), decoding records as `Record`.
    public func query<Record: Decodable & Sendable & Identifiable>(
        _ type: Record.Type,
        entity: String,
        _ query: Query = .all,
        method: QueryMethod = .post
    ) async throws -> QueryResult<Record> where Record.ID == Int64 {
        try validate(query, endpoint: entity)
        let batches = query.batches(inListLimit: configuration.inListLimit)
        let recorder = CallRecorder()
        recorder.record { $0.batches = batches.count }
        var items: [Record] = []
        if batches.count == 1 {
            items = try await fetchPages(type, entity: entity, query: batches[0], method: method, recorder: recorder)
        } else if batches.count > 1 {
            try await withThrowingTaskGroup(of: [Record].self) { group in
                for batch in batches {
                    group.addTask {
                        try await self.fetchPages(
                            type, entity: entity, query: batch, method: method, recorder: recorder)
                    }
                }
                for try await part in group {
                    items += part
                }
            }
        }
        return QueryResult(items: Self.mergedByID(items), statistics: recorder.statistics)
    }

    /// Counts the records that match a query (`/{Entity}/query/count`).
    public func count<Entity: AutotaskEntity>(_ type: Entity.Type, _ query: Query = .all) async throws -> Int {
        try await count(entity: Entity.entityPath, query)
    }

    /// Counts the records of the entity at `entity` that match a query.
    ///
    /// Long `in` lists are split into batches whose counts are added; this is exact only when the list stands
    /// under `and` conditions, so a long list under `or` is refused with ``AutotaskError/Code/invalidQuery``.
    public func count(entity: String, _ query: Query = .all) async throws -> Int {
        try validate(query, endpoint: entity)
        let limit = configuration.inListLimit
        guard query.longListsAreConjunctive(limit: limit) else {
            throw AutotaskError.invalidQuery(
                endpoint: entity,
                status: nil,
                messages: ["an `in` list longer than \(limit) values under `or` cannot be counted in batches"]
            )
        }
        var total = 0
        for batch in query.batches(inListLimit: limit) {
            let request = Request(
                method: .post,
                target: .path("\(entity)/query/count"),
                body: try batch.countBody(),
                endpoint: entity
            )
            total += try await send(request, recorder: nil) { response in
                try JSONDecoder().decode(CountEnvelope.self, from: Data(response.body)).queryCount
            }
        }
        return total
    }

    /// Reads every page of one query (one batch), repeating the method and body on each `nextPageUrl`.
    func fetchPages<Record: Decodable & Sendable>(
        _ type: Record.Type,
        entity: String,
        query: Query,
        method: QueryMethod,
        recorder: CallRecorder
    ) async throws -> [Record] {
        let body = try query.jsonBody()
        var request = Request(method: .post, target: .path("\(entity)/query"), body: body, endpoint: entity)
        if method == .get {
            let search = String(decoding: body, as: UTF8.self)
            let root = try await zoneRoot()
            let length = root.utf8.count + entity.utf8.count + 20 + Self.percentEncoded(search).utf8.count
            if length <= Self.maxGetURLLength {
                request = Request(
                    method: .get, target: .path("\(entity)/query", query: [("search", search)]), endpoint: entity)
            }
        }
        return try await followPages(type, request: request, recorder: recorder) {
            try await self.count(entity: entity, query)
        }
    }

    /// How many pages a query may take before the client asks Autotask for its count.
    static let pagesBeforeCount = 30

    /// Reads a first page and every next page of a paged answer.
    ///
    /// A server that keeps sending next pages is stopped: an empty page that points to another, a next page
    /// URL seen before, more pages than ``AutotaskConfiguration/maxPagesPerQuery``, or (when `total` can
    /// count the query) more pages than the count needs, with two to spare for records added meanwhile.
    func followPages<Record: Decodable & Sendable>(
        _ type: Record.Type,
        request first: Request,
        recorder: CallRecorder,
        total: (() async throws -> Int)? = nil
    ) async throws -> [Record] {
        var request = first
        var items: [Record] = []
        var visited = Set<String>()
        var pages = 0
        var pageLimit = configuration.maxPagesPerQuery
        var firstPageSize = 0
        var counted: Int?
        while true {
            let page = try await send(request, recorder: recorder) { response in
                try JSONDecoder().decode(ItemsPage<Record>.self, from: Data(response.body))
            }
            record(endpoint: request.endpoint, recorder: recorder, pages: 1)
            pages += 1
            if pages == 1 { firstPageSize = page.items.count }
            items += page.items
            guard let next = page.pageDetails?.nextPageUrl else { return items }
            guard !page.items.isEmpty else {
                throw AutotaskError.malformed(endpoint: request.endpoint, detail: "an empty page points to a next page")
            }
            guard visited.insert(next).inserted else {
                throw AutotaskError.malformed(endpoint: request.endpoint, detail: "the next page URL repeats")
            }
            if pages >= Self.pagesBeforeCount, counted == nil, let total {
                let count = try await total()
                counted = count
                pageLimit = min(pageLimit, count / max(firstPageSize, 1) + 2)
            }
            guard pages < pageLimit else {
                throw AutotaskError.endlessPaging(
                    endpoint: request.endpoint, pages: pages, records: items.count, counted: counted)
            }
            request.target = .absolute(next)
        }
    }

    /// Refuses queries Autotask would refuse: conditions without a field, long `notIn` lists.
    func validate(_ query: Query, endpoint: String) throws {
        func check(_ filter: QueryFilter) throws {
            if filter.op.isGroup {
                guard !filter.items.isEmpty else {
                    throw AutotaskError.invalidQuery(
                        endpoint: endpoint,
                        status: nil,
                        messages: ["an `\(filter.op.rawValue)` group needs at least one condition"]
                    )
                }
                try filter.items.forEach(check)
                return
            }
            guard let field = filter.field, !field.isEmpty else {
                throw AutotaskError.invalidQuery(
                    endpoint: endpoint,
                    status: nil,
                    messages: ["a `\(filter.op.rawValue)` condition needs a field"]
                )
            }
            if filter.op == .notIn, let count = filter.value?.count, count > 500 {
                throw AutotaskError.invalidQuery(
                    endpoint: endpoint,
                    status: nil,
                    messages: ["`notIn` on \(field) has \(count) values; Autotask allows at most 500"]
                )
            }
        }
        try query.filter.forEach(check)
    }

    /// Records sorted by id, each id once (the first seen wins).
    static func mergedByID<Record: Identifiable>(_ items: [Record]) -> [Record] where Record.ID == Int64 {
        var seen = Set<Int64>()
        var unique: [Record] = []
        unique.reserveCapacity(items.count)
        for item in items where seen.insert(item.id).inserted {
            unique.append(item)
        }
        var sorted = true
        for index in unique.indices.dropFirst() where unique[index - 1].id > unique[index].id {
            sorted = false
            break
        }
        return sorted ? unique : unique.sorted { $0.id < $1.id }
    }
}
