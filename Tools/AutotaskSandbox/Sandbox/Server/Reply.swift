import Hummingbird

/// An answer before it becomes a Hummingbird `Response`: a status, a JSON body and extra headers.
struct Reply: Sendable {
    var status: Int
    var body: String
    var retryAfter: Int?

    static func json(_ body: String, status: Int = 200) -> Reply {
        Reply(status: status, body: body)
    }

    static func json(_ value: JSONValue, status: Int = 200) -> Reply {
        Reply(status: status, body: value.serialized)
    }

    /// Autotask's error envelope: `{"errors":["..."]}`.
    static func errors(_ status: Int, _ messages: [String], retryAfter: Int? = nil) -> Reply {
        Reply(
            status: status,
            body: JSONValue.object([.init(key: "errors", value: .array(messages.map { .string($0) }))]).serialized,
            retryAfter: retryAfter)
    }

    /// ASP.NET's framework error: `{"Message":"..."}`.
    static func message(_ status: Int, _ message: String) -> Reply {
        Reply(status: status, body: JSONValue.object([.init(key: "Message", value: .string(message))]).serialized)
    }

    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
