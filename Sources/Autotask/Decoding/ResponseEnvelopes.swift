/// The paging block of a query answer.
struct PageDetails: Decodable, Sendable {
    var count: Int?
    var requestCount: Int?
    var prevPageUrl: String?
    var nextPageUrl: String?

    init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        count = object.int("count")
        requestCount = object.int("requestCount")
        prevPageUrl = object.string("prevPageUrl")
        nextPageUrl = object.string("nextPageUrl").flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// `{"items":[...],"pageDetails":{...}}`: one page of a query.
struct ItemsPage<Item: Decodable>: Decodable {
    var items: [Item]
    var pageDetails: PageDetails?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        guard let itemsKey = container.allKeys.first(where: { $0.stringValue.lowercased() == "items" }) else {
            throw DecodingError.keyNotFound(
                AnyCodingKey("items"),
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "no items in the answer")
            )
        }
        items = try container.decode([Item].self, forKey: itemsKey)
        let pageKey = container.allKeys.first { $0.stringValue.lowercased() == "pagedetails" }
        pageDetails = try pageKey.flatMap { try container.decodeIfPresent(PageDetails.self, forKey: $0) }
    }
}

/// `{"item":{...}}` or `{"item":null}`: one record by id.
struct ItemEnvelope<Item: Decodable>: Decodable {
    var item: Item?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        guard let key = container.allKeys.first(where: { $0.stringValue.lowercased() == "item" }) else {
            throw DecodingError.keyNotFound(
                AnyCodingKey("item"),
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "no item in the answer")
            )
        }
        item = try container.decodeIfPresent(Item.self, forKey: key)
    }
}

/// `{"queryCount": n}`.
struct CountEnvelope: Decodable {
    var queryCount: Int

    init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        guard let count = object.int("queryCount") else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "no queryCount in the answer")
            )
        }
        queryCount = count
    }
}

/// `{"info": {...}}`.
struct InfoEnvelope: Decodable {
    var info: EntityInformation

    init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        guard let info = object.decode(EntityInformation.self, "info") else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "no info in the answer")
            )
        }
        self.info = info
    }
}

/// `{"fields": [...]}`.
struct FieldsEnvelope: Decodable {
    var fields: [FieldInformation]

    init(from decoder: any Decoder) throws {
        let object = try LenientObject(from: decoder)
        guard let fields = object.array(of: FieldInformation.self, "fields") else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "no fields in the answer")
            )
        }
        self.fields = fields
    }
}
