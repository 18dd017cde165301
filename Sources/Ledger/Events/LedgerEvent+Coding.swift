import Foundation

extension LedgerEvent {
    /// Encodes the event as canonical JSON: sorted keys, no whitespace, slashes unescaped,
    /// amounts and dates as strings, absent optionals left out.
    ///
    /// The same event always gives the same bytes, so the bytes can be hashed.
    public func encoded() -> EncodedEvent {
        EncodedEvent(type: type, schemaVersion: schemaVersion, payload: Self.canonicalJSON(payload))
    }

    /// Decodes a stored event, upcasting payloads written with an older schema version.
    ///
    /// Throws ``LedgerError`` with code `unknownEventType`, `unsupportedSchemaVersion` (a version
    /// below 1 or newer than this build knows) or `badPayload` (the JSON does not decode).
    ///
    /// The common event types are read by ``FastPayloadDecoder`` first; whatever it cannot read
    /// (malformed or non-canonical JSON it is not sure of, an older schema version, a type without
    /// a fast decoder) goes through `JSONDecoder`, which gives the same values and the errors.
    public static func decode(_ encoded: EncodedEvent) throws(LedgerError) -> LedgerEvent {
        if let event = FastPayloadDecoder.decode(encoded) { return event }
        return try decodeWithJSONDecoder(encoded)
    }

    /// Decodes a stored event with `JSONDecoder` only: the reference the fast path must agree with.
    static func decodeWithJSONDecoder(_ encoded: EncodedEvent) throws(LedgerError) -> LedgerEvent {
        guard let payloadType = payloadTypesByName[encoded.type] else {
            throw LedgerError(.unknownEventType, "unknown event type '\(encoded.type)'")
        }
        return try payloadType.decodeEvent(encoded)
    }

    /// Whether this build can read an event of this type and schema version.
    public static func canDecode(type: String, schemaVersion: Int) -> Bool {
        guard let current = currentSchemaVersions[type] else { return false }
        return (1...current).contains(schemaVersion)
    }

    static func canonicalJSON(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            // Payloads hold only strings, integers, booleans and nested payload values, so encoding
            // cannot fail; reaching this is a programming error.
            preconditionFailure("event payload failed to encode: \(error)")
        }
    }

    private static let payloadTypesByName: [String: any LedgerEventPayload.Type] = Dictionary(
        uniqueKeysWithValues: payloadTypes.map { ($0.eventType, $0) })
}

extension LedgerEventPayload {
    static func decodeEvent(_ encoded: EncodedEvent) throws(LedgerError) -> LedgerEvent {
        let version = encoded.schemaVersion
        guard version >= 1, version <= schemaVersion else {
            let hint = version > schemaVersion ? "; it was written by a newer version of the ledger" : ""
            throw LedgerError(
                .unsupportedSchemaVersion,
                "\(eventType) schema version \(version) is not supported (current: \(schemaVersion))\(hint)")
        }
        do {
            if version == schemaVersion {
                return try JSONDecoder().decode(Self.self, from: encoded.payload).event
            }
            return try upcast(from: version, payload: encoded.payload).event
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.badPayload, "\(eventType) v\(version) payload does not decode: \(Self.explain(error))")
        }
    }

    /// A one-line reason for a decoding failure.
    private static func explain(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        let (context, kind): (DecodingError.Context, String) =
            switch decodingError {
            case .keyNotFound(let key, let context): (context, "missing key '\(key.stringValue)'")
            case .typeMismatch(_, let context): (context, "wrong type")
            case .valueNotFound(_, let context): (context, "missing value")
            case .dataCorrupted(let context): (context, "invalid data")
            @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "invalid data")
            }
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        let detail =
            kind == "invalid data"
            ? context.debugDescription.split(whereSeparator: \.isNewline).first.map(String.init) ?? "" : ""
        return [kind, path.isEmpty ? nil : "at \(path)", detail.isEmpty ? nil : "(\(detail))"]
            .compactMap { $0 }.joined(separator: " ")
    }
}
