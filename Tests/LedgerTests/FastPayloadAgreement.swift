import Foundation
import Testing

@testable import Ledger

/// The event types ``FastPayloadDecoder`` reads itself (tests only): every type but the rare ones
/// (a followed renewal, its setting, a rebuild), which `JSONDecoder` reads.
let fastEventTypes = Set(LedgerEvent.payloadTypes.map { $0.eventType }).subtracting([
    RenewalFollowed.eventType, RenewalFollowingSet.eventType, ProjectionsRebuilt.eventType,
])

/// Decodes `encoded` with the fast path, with `JSONDecoder` only, and with ``LedgerEvent/decode(_:)``,
/// and checks that they agree; returns what the fast path decoded.
///
/// Agreeing means: `decode` gives the same event or the same error (code and message) as
/// `JSONDecoder`; and when the fast path decodes, `JSONDecoder` decodes the same event, with the same
/// canonical bytes (so the same scalars and the same `Decimal` spelling) and the same summary.
@discardableResult
func expectAgreement(_ encoded: EncodedEvent, sourceLocation: SourceLocation = #_sourceLocation) -> LedgerEvent? {
    let slow = Result { () throws(LedgerError) in try LedgerEvent.decodeWithJSONDecoder(encoded) }
    let combined = Result { () throws(LedgerError) in try LedgerEvent.decode(encoded) }
    switch (combined, slow) {
    case (.failure(let error), .failure(let expected)) where error.message != expected.message:
        // JSONDecoder itself names one of several bad keys at random (FieldValues reads `allKeys`, a
        // dictionary's order): then the code must agree, and the message must be one JSONDecoder gives.
        #expect(error.code == expected.code, "\(encoded.payloadText)", sourceLocation: sourceLocation)
        let given = (0..<40).contains { _ in
            Result { () throws(LedgerError) in try LedgerEvent.decodeWithJSONDecoder(encoded) } == .failure(error)
        }
        #expect(given, "\(error.message) vs \(expected.message)", sourceLocation: sourceLocation)
    default:
        #expect(combined == slow, "\(encoded.type): \(encoded.payloadText)", sourceLocation: sourceLocation)
    }
    let fast = FastPayloadDecoder.decode(encoded)
    if let fast {
        #expect(
            slow == .success(fast), "fast path accepted what JSONDecoder decodes otherwise: \(encoded.payloadText)",
            sourceLocation: sourceLocation)
        if case .success(let event) = slow {
            #expect(fast.encoded() == event.encoded(), "\(encoded.payloadText)", sourceLocation: sourceLocation)
            #expect(fast.summary == event.summary, sourceLocation: sourceLocation)
        }
    }
    return fast
}

/// The bytes of a `Decimal`, to tell apart equal amounts stored differently (`1.5` and `1.50`).
func decimalBytes(_ amount: Decimal) -> [UInt8] {
    withUnsafeBytes(of: amount) { Array($0) }
}
