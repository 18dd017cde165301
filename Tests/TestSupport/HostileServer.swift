import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 server on loopback that answers as a hostile Autotask would: every request goes to a
/// handler, which may pass it on to a real server (the sandbox) and change what comes back.
///
/// One thread accepts, one thread serves each connection, and every answer closes its connection, so the
/// server needs no event loop. It is for tests and campaigns only.
public final class HostileServer: @unchecked Sendable {
    /// A request as received.
    public struct Request: Sendable {
        /// `GET`, `POST`, ...
        public var method: String
        /// The path and query, as sent.
        public var target: String
        /// The header fields, in order.
        public var headers: [(name: String, value: String)]
        /// The body.
        public var body: [UInt8]

        /// The first header of that name (any case).
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The path without the query.
        public var path: String { String(target.prefix { $0 != "?" }) }
    }

    /// An answer.
    public struct Response: Sendable {
        /// The status code.
        public var status: Int
        /// Header fields besides `Content-Length` and `Connection`.
        public var headers: [(name: String, value: String)]
        /// The body.
        public var body: [UInt8]

        /// An answer with a body.
        public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        /// A JSON answer.
        public static func json(_ status: Int, _ text: String, headers: [(name: String, value: String)] = [])
            -> Response
        {
            Response(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(text.utf8))
        }

        /// The body as text.
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// What the handler gets besides the request: a way to ask the upstream server the same thing.
    public struct Upstream: Sendable {
        let port: Int?
        let request: Request

        /// The upstream server's answer to the request (sent to `target` instead when given), or a 502 when
        /// there is no upstream.
        public func answer(target: String? = nil) -> Response {
            guard let port else { return .json(502, #"{"errors":["no upstream"]}"#) }
            var request = request
            if let target { request.target = target }
            return HostileServer.forward(request, to: port) ?? .json(502, #"{"errors":["upstream failed"]}"#)
        }
    }

    /// The port it listens on (127.0.0.1).
    public let port: Int
    private let listener: Int32
    private let handler: @Sendable (Request, Upstream) -> Response
    private let upstreamPort: Int?
    private let lock = NSLock()
    private var received: [Request] = []
    private var stopped = false

    /// `http://127.0.0.1:PORT/`.
    public var baseURL: String { "http://127.0.0.1:\(port)/" }

    /// Starts listening on a free loopback port; `upstreamPort` is the server ``Upstream/answer()`` asks.
    public init(upstreamPort: Int? = nil, handler: @escaping @Sendable (Request, Upstream) -> Response) throws {
        self.handler = handler
        self.upstreamPort = upstreamPort
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServerError("socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            close(descriptor)
            throw ServerError("bind/listen: \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = descriptor
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// Stops accepting; connections being served finish.
    public func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// Every request received so far.
    public var requests: [Request] { lock.withLock { received } }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = Self.readRequest(connection) else { return }
        lock.withLock { received.append(request) }
        let response = handler(request, Upstream(port: upstreamPort, request: request))
        Self.write(response, to: connection)
    }

    // MARK: Wire format

    static func readRequest(_ connection: Int32) -> Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        while headerEnd == nil {
            let count = read(connection, &chunk, chunk.count)
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
            headerEnd = find(separator, in: buffer)
            if buffer.count > 1 << 20 { return nil }
        }
        guard let end = headerEnd else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(buffer[(end + 4)...])
        let length =
            headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        while body.count < length {
            let count = read(connection, &chunk, chunk.count)
            guard count > 0 else { return nil }
            body += chunk[0..<count]
        }
        return Request(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
            body: Array(body.prefix(length)))
    }

    static func write(_ response: Response, to connection: Int32) {
        var head = "HTTP/1.1 \(response.status) \(response.status < 400 ? "OK" : "Error")\r\n"
        for (name, value) in response.headers
        where !["content-length", "connection", "transfer-encoding"].contains(name.lowercased()) {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(head.utf8) + response.body
        let total = bytes.count
        var offset = 0
        while offset < total {
            let written = bytes.withUnsafeBytes { pointer in
                Glibc.send(connection, pointer.baseAddress! + offset, total - offset, Int32(MSG_NOSIGNAL))
            }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Sends the request to the upstream port and reads its whole answer.
    static func forward(_ request: Request, to port: Int) -> Response? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return nil }
        var head = "\(request.method) \(request.target) HTTP/1.1\r\n"
        for (name, value) in request.headers where !["connection", "content-length"].contains(name.lowercased()) {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(request.body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(head.utf8) + request.body
        let total = bytes.count
        var offset = 0
        while offset < total {
            let written = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress! + offset, total - offset, Int32(MSG_NOSIGNAL))
            }
            if written <= 0 { return nil }
            offset += written
        }
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count <= 0 { break }
            answer += chunk[0..<count]
        }
        return parseResponse(answer)
    }

    static func parseResponse(_ bytes: [UInt8]) -> Response? {
        guard let end = find([13, 10, 13, 10], in: bytes) else { return nil }
        var lines = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(bytes[(end + 4)...])
        let chunked = headers.contains {
            $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased().contains("chunked")
        }
        if chunked { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = find([13, 10], in: Array(bytes[index...])) else { break }
            let sizeText = String(decoding: bytes[index..<(index + lineEnd)], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16), size > 0 else { break }
            let start = index + lineEnd + 2
            guard start + size <= bytes.count else { break }
            result += bytes[start..<(start + size)]
            index = start + size + 2
        }
        return result
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start }
        }
        return nil
    }

    struct ServerError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
