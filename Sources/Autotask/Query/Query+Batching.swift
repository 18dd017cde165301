/// Splitting `in` lists longer than the limit into batches.
///
/// Every query operator is monotone in an `in` list (`and` and `or` only combine conditions), so the
/// union of the batches' results is the result of the whole list wherever it stands; the client merges
/// batches by id without duplicates. Counts are additive only when the list stands under `and` alone.
extension Query {
    /// The queries to run instead of this one: itself, batches, or none when an empty `in` list under
    /// `and` makes the query match nothing.
    func batches(inListLimit limit: Int) -> [Query] {
        if QueryFilter.and(filter).matchesNothing { return [] }
        var pending = [self]
        var done: [Query] = []
        while let query = pending.popLast() {
            if let variants = QueryFilter.and(query.filter).splittingFirstLongList(limit: limit) {
                for variant in variants.reversed() {
                    var copy = query
                    copy.filter = variant.items
                    pending.append(copy)
                }
            } else {
                done.append(query)
            }
        }
        return done
    }

    /// Whether every `in` list longer than `limit` stands under `and` groups only, so counts add up.
    func longListsAreConjunctive(limit: Int) -> Bool {
        QueryFilter.and(filter).longListsAreConjunctive(limit: limit, underOr: false)
    }
}

extension QueryFilter {
    /// Whether a condition can never match: an empty `in` list reached through `and` groups only.
    var matchesNothing: Bool {
        switch op {
        case .in: return value?.count == 0
        case .and: return items.contains { $0.matchesNothing }
        default: return false
        }
    }

    /// Variants of this filter where the first `in` list longer than `limit` is cut into batches;
    /// `nil` when there is none.
    func splittingFirstLongList(limit: Int) -> [QueryFilter]? {
        if op == .in, case .array(let values) = value, values.count > limit {
            var seen = Set<FilterValue>()
            let unique = values.filter { seen.insert($0).inserted }
            return stride(from: 0, to: unique.count, by: limit).map { start in
                with(value: .array(Array(unique[start..<min(start + limit, unique.count)])))
            }
        }
        guard op.isGroup else { return nil }
        for (index, item) in items.enumerated() {
            guard let variants = item.splittingFirstLongList(limit: limit) else { continue }
            return variants.map { variant in
                var newItems = items
                newItems[index] = variant
                return with(items: newItems)
            }
        }
        return nil
    }

    func longListsAreConjunctive(limit: Int, underOr: Bool) -> Bool {
        switch op {
        case .in: return !(underOr && (value?.count ?? 0) > limit)
        case .and: return items.allSatisfy { $0.longListsAreConjunctive(limit: limit, underOr: underOr) }
        case .or: return items.allSatisfy { $0.longListsAreConjunctive(limit: limit, underOr: true) }
        default: return true
        }
    }
}
