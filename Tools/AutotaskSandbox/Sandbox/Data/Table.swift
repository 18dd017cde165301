/// The records of one entity, kept sorted by id so that queries page by id (keyset paging).
struct Table: Sendable {
    let schema: EntitySchema
    private(set) var ids: [Int64] = []
    private(set) var rows: [Row] = []
    /// The id the next created record gets.
    var nextID: Int64

    init(schema: EntitySchema, firstID: Int64) {
        self.schema = schema
        self.nextID = firstID
    }

    var count: Int { ids.count }

    /// The position of `id`, if a record has it.
    func position(of id: Int64) -> Int? {
        let index = firstPosition(atLeast: id)
        return index < ids.count && ids[index] == id ? index : nil
    }

    /// The first position whose id is greater than `id`.
    func firstPosition(after id: Int64) -> Int {
        id == Int64.max ? ids.count : firstPosition(atLeast: id + 1)
    }

    private func firstPosition(atLeast id: Int64) -> Int {
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// The record with `id`.
    func row(id: Int64) -> Row? {
        position(of: id).map { rows[$0] }
    }

    /// Adds a record; its id (value 0) must be above every id already present.
    mutating func append(_ row: Row) {
        guard case .int(let id) = row[0] else { preconditionFailure("a row needs an id") }
        precondition(ids.last.map { $0 < id } ?? true, "rows must be appended in id order")
        ids.append(id)
        rows.append(row)
        nextID = max(nextID, id + 1)
    }

    /// Takes the next free id.
    mutating func allocateID() -> Int64 {
        let id = nextID
        nextID += 1
        return id
    }

    /// Removes the record with `id`; returns it.
    @discardableResult
    mutating func remove(id: Int64) -> Row? {
        guard let index = position(of: id) else { return nil }
        ids.remove(at: index)
        return rows.remove(at: index)
    }

    /// Sets one value of the record at `position`.
    mutating func set(_ value: FieldValue, at position: Int, field: Int) {
        rows[position][field] = value
    }

    /// Positions of the records whose `field` holds the integer `value`.
    func positions(where field: Int, equals value: Int64) -> [Int] {
        var found: [Int] = []
        for (index, row) in rows.enumerated() where row[field] == .int(value) {
            found.append(index)
        }
        return found
    }
}
