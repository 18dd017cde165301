/// The position a page starts after, read from a `paging` token `{"pageSize":N,"previousIds":[...],"nextIds":[id]}`.
struct PagingToken: Sendable, Equatable {
    var pageSize: Int
    var previousIDs: [Int64]
    var after: Int64

    static func parse(_ text: String) -> PagingToken? {
        guard let json = try? JSONParser.parse(text), let size = json["pageSize"].flatMap(Lenient.int),
            (1...500).contains(size)
        else { return nil }
        let previous = (json["previousIds"]?.arrayValue ?? []).compactMap(Lenient.int)
        let after = json["nextIds"]?.arrayValue?.first.flatMap(Lenient.int) ?? -1
        return PagingToken(pageSize: Int(size), previousIDs: previous, after: after)
    }

    var serialized: String {
        JSONValue.object([
            JSONMember(key: "pageSize", value: .int(Int64(pageSize))),
            JSONMember(key: "previousIds", value: .array(previousIDs.map { .int($0) })),
            JSONMember(key: "nextIds", value: .array([.int(after)])),
        ]).serialized
    }
}
