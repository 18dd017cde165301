import Hummingbird

/// A request's destination, parsed case-insensitively from its path.
enum SandboxRoute: Sendable {
    case versionInformation
    case zoneInformation
    case thresholdInformation
    case query(EntityKind)
    case next(EntityKind)
    case count(EntityKind)
    case get(EntityKind, Int64)
    case entityRoot(EntityKind)
    case entityInformation(EntityKind)
    case fields(EntityKind)
    case userDefinedFields(EntityKind)
    case child(contractID: Int64, EntityKind, childID: Int64?)
    case admin([String])

    /// Parses a raw path (percent-encoded); nil when nothing lives there.
    init?(path: String) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map {
            URLCoding.decode(String($0), plusAsSpace: false)
        }
        let lowered = segments.map { $0.lowercased() }
        if lowered.first == "sandbox" {
            self = .admin(Array(segments.dropFirst()))
            return
        }
        guard lowered.first == "atservicesrest", lowered.count >= 2 else { return nil }
        if lowered.count == 2, lowered[1] == "versioninformation" {
            self = .versionInformation
            return
        }
        guard lowered[1] == "v1.0", lowered.count >= 3 else { return nil }
        let rest = Array(lowered.dropFirst(2))
        if rest == ["zoneinformation"] {
            self = .zoneInformation
            return
        }
        if rest == ["thresholdinformation"] {
            self = .thresholdInformation
            return
        }
        guard let kind = EntityKind(name: segments[2]), kind.pluralName.lowercased() == rest[0] else { return nil }
        switch Array(rest.dropFirst()) {
        case []: self = .entityRoot(kind)
        case ["query"]: self = .query(kind)
        case ["query", "next"]: self = .next(kind)
        case ["query", "count"]: self = .count(kind)
        case ["entityinformation"]: self = .entityInformation(kind)
        case ["entityinformation", "fields"]: self = .fields(kind)
        case ["entityinformation", "userdefinedfields"]: self = .userDefinedFields(kind)
        case let tail where tail.count == 1:
            guard let id = Int64(tail[0]) else { return nil }
            self = .get(kind, id)
        case let tail where kind == .contracts && (tail.count == 2 || tail.count == 3):
            guard let contractID = Int64(tail[0]) else { return nil }
            let child: EntityKind
            switch tail[1] {
            case "services": child = .contractServices
            case "serviceunits": child = .contractServiceUnits
            case "servicebundles": child = .contractServiceBundles
            default: return nil
            }
            var childID: Int64?
            if tail.count == 3 {
                guard let parsed = Int64(tail[2]) else { return nil }
                childID = parsed
            }
            self = .child(contractID: contractID, child, childID: childID)
        default: return nil
        }
    }

    /// The methods the route answers; others get 405.
    var methods: [HTTPRequest.Method] {
        switch self {
        case .query, .next, .count: return [.get, .post]
        case .entityRoot: return []
        case .admin: return [.get, .post, .put, .patch, .delete]
        default: return [.get]
        }
    }

    /// The endpoint the request log counts it under; nil for the admin API.
    var endpoint: SandboxEndpoint? {
        switch self {
        case .versionInformation: return SandboxEndpoint("VersionInformation", .zone)
        case .zoneInformation: return SandboxEndpoint("ZoneInformation", .zone)
        case .thresholdInformation: return SandboxEndpoint("ThresholdInformation", .threshold)
        case .query(let kind): return SandboxEndpoint(kind.pluralName, .query)
        case .next(let kind): return SandboxEndpoint(kind.pluralName, .next)
        case .count(let kind): return SandboxEndpoint(kind.pluralName, .count)
        case .get(let kind, _): return SandboxEndpoint(kind.pluralName, .get)
        case .entityRoot(let kind): return SandboxEndpoint(kind.pluralName, .other)
        case .entityInformation(let kind), .fields(let kind), .userDefinedFields(let kind):
            return SandboxEndpoint(kind.pluralName, .entityInformation)
        case .child(_, let kind, _): return SandboxEndpoint(kind.pluralName, .child)
        case .admin: return nil
        }
    }

    /// The entity whose faults and thread limit apply, if any.
    var entity: EntityKind? {
        switch self {
        case .query(let kind), .next(let kind), .count(let kind), .get(let kind, _), .entityInformation(let kind),
            .fields(let kind), .userDefinedFields(let kind), .entityRoot(let kind), .child(_, let kind, _):
            return kind
        default: return nil
        }
    }

    /// Whether the answer is a page of items (which a truncation fault can cut).
    var isPage: Bool {
        switch self {
        case .query, .next: return true
        case .child(_, _, let childID): return childID == nil
        default: return false
        }
    }
}

/// Percent-encoding for URLs built by the sandbox and decoding of what clients send.
enum URLCoding {
    /// Decodes `%XX` escapes (and `+` as a space in query strings, as ASP.NET does).
    static func decode(_ text: String, plusAsSpace: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = hex(iterator[iterator.startIndex]), let low = hex(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else if byte == UInt8(ascii: "+"), plusAsSpace {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Encodes everything but unreserved characters (RFC 3986), for a query parameter value.
    static func encode(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count * 2)
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%"
                result.unicodeScalars.append(Unicode.Scalar(digits[Int(byte >> 4)]))
                result.unicodeScalars.append(Unicode.Scalar(digits[Int(byte & 0xF)]))
            }
        }
        return result
    }

    /// The decoded parameters of a raw query string, names lowercased (first occurrence wins).
    static func parameters(_ query: String?) -> [String: String] {
        var result: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(String(parts[0]), plusAsSpace: true).lowercased()
            let value = parts.count > 1 ? decode(String(parts[1]), plusAsSpace: true) : ""
            if result[name] == nil { result[name] = value }
        }
        return result
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
