import Foundation
import TestSupport
import Testing

@testable import Ledger

@Suite("Fast payload decoding")
struct FastPayloadDecodingTests {
    @Test("generated events of every type decode fast to exactly what JSONDecoder builds")
    func generatedEvents() {
        var generator = EventGenerator(seed: 1)
        for type in LedgerEvent.payloadTypes.map({ $0.eventType }) {
            for _ in 0..<150 {
                let event = generator.event(of: type)
                let encoded = event.encoded()
                let fast = expectAgreement(encoded)
                #expect(fastEventTypes.contains(type) == (fast != nil), "\(type): \(encoded.payloadText)")
                #expect(fast == nil || fast == event)
                #expect((try? LedgerEvent.decode(encoded)) == event)
            }
        }
    }

    @Test("the sample events decode fast, and the fast path does not upcast older schema versions")
    func samplesAndVersions() throws {
        for event in sampleEvents {
            let fast = expectAgreement(event.encoded())
            #expect(fastEventTypes.contains(event.type) == (fast != nil), "\(event.type)")
        }
        let v1 = EncodedEvent(
            type: "FieldEdited", schemaVersion: 1,
            payload: Data(#"{"field":"endDate","new":"2026-12-31","old":null}"#.utf8)
        )
        #expect(FastPayloadDecoder.decode(v1) == nil)
        #expect(
            try LedgerEvent.decode(v1) == FieldEdited(field: .endDate, from: .empty, to: .date(day("2026-12-31"))).event
        )
        // A v2-looking payload stored as v1 is read by the upcaster, which refuses it.
        let mislabelled = EncodedEvent(
            type: "FieldEdited", schemaVersion: 1, payload: Data(#"{"field":"endDate","from":null,"to":null}"#.utf8))
        #expect(FastPayloadDecoder.decode(mislabelled) == nil)
        expectAgreement(mislabelled)
        for version in [0, 2, 3] {
            let newer = EncodedEvent(
                type: "AutotaskFieldChanged", schemaVersion: version,
                payload: Data(#"{"field":"name","from":null,"syncRun":1,"to":"x"}"#.utf8))
            #expect(FastPayloadDecoder.decode(newer) == nil)
            #expect(refusal { try LedgerEvent.decode(newer) }?.code == .unsupportedSchemaVersion)
            expectAgreement(newer)
        }
        expectAgreement(EncodedEvent(type: "ContractDeleted", schemaVersion: 1, payload: Data("{}".utf8)))
    }

    @Test("reordered keys, whitespace, escaped strings and unknown members decode as JSONDecoder decodes them")
    func nonCanonicalSpellings() throws {
        var generator = EventGenerator(seed: 2)
        var random = SeededGenerator(seed: 3)
        let styles: [JSONValue.Style] = [
            .init(keyOrder: 1), .init(keyOrder: 2, whitespace: true), .init(escapeAll: true),
            .init(unknownMembers: true), .init(keyOrder: 2, whitespace: true, escapeAll: true, unknownMembers: true),
        ]
        for type in LedgerEvent.payloadTypes.map({ $0.eventType }) {
            for _ in 0..<40 {
                let event = generator.event(of: type)
                let document = try JSONValue.parse(event.encoded().payload)
                for style in styles {
                    let text = document.rendered(style, using: &random)
                    let encoded = EncodedEvent(type: type, schemaVersion: event.schemaVersion, payload: Data(text.utf8))
                    let fast = expectAgreement(encoded)
                    // Unknown members inside `fields` are refused (unknown field), by both paths.
                    let fieldsRefused = style.unknownMembers && text.contains(#""fields""#)
                    if fastEventTypes.contains(type) && !fieldsRefused {
                        #expect(fast == event, "\(type): \(text)")
                    }
                }
            }
        }
    }

    @Test("amounts decode to the same Decimal as Decimal(string:locale:), with the same description")
    func amounts() {
        var random = SeededGenerator(seed: 4)
        var texts = EventGenerator.amounts
        for _ in 0..<2_000 {
            let digits = Int.random(in: 1...24, using: &random)
            var text = String((0..<digits).map { _ in "0123456789".randomElement(using: &random)! })
            if Bool.random(using: &random) {
                text.insert(".", at: text.index(text.startIndex, offsetBy: Int.random(in: 0..<digits, using: &random)))
            }
            texts.append(Bool.random(using: &random) ? "-" + text : text)
        }
        for text in texts {
            let payload = #"{"field":"price","from":"\#(text)","syncRun":1,"to":null}"#
            let encoded = EncodedEvent(type: "AutotaskFieldChanged", schemaVersion: 1, payload: Data(payload.utf8))
            let fast = expectAgreement(encoded)
            guard FieldValue.isPlainDecimal(text) else {
                #expect(fast == nil, "\(text)")
                continue
            }
            let expected = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
            guard case .autotaskFieldChanged(let changed) = fast, let amount = changed.from.money else {
                Issue.record("\(text) did not decode fast")
                continue
            }
            #expect(decimalBytes(amount) == decimalBytes(expected), "\(text)")
            #expect(changed.from.description == FieldValue.money(expected).description, "\(text)")
        }
    }

    @Test("a SyncStarted with thousands of contracts to check decodes fast")
    func largeSyncStarted() {
        let ids = (1...5_000).map { ContractID.numbered($0) } + ["caf\u{E9}", "a\"b", ""]
        let event = SyncStarted(run: 7, trigger: .nightly, scope: .all, contractsToCheck: ids).event
        #expect(expectAgreement(event.encoded()) == event)
    }
}
