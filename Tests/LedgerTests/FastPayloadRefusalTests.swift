import Foundation
import TestSupport
import Testing

@testable import Ledger

@Suite("Fast payload decoding of malformed payloads")
struct FastPayloadRefusalTests {
    /// Payloads the fast path must not accept unless JSONDecoder builds the same value.
    static let cases: [(type: String, payload: String)] = [
        ("AutotaskFieldChanged", #"{"field":"price","from":"1e5","syncRun":1,"to":null}"#),
        ("AutotaskFieldChanged", #"{"field":"price","from":"1,000","syncRun":1,"to":null}"#),
        ("AutotaskFieldChanged", #"{"field":"price","from":"1.","syncRun":1,"to":".5"}"#),
        ("AutotaskFieldChanged", #"{"field":"price","from":"+1","syncRun":1,"to":" 1"}"#),
        ("AutotaskFieldChanged", #"{"field":"price","from":1200,"syncRun":1,"to":null}"#),
        ("AutotaskFieldChanged", #"{"field":"price","from":"\u0031.5","syncRun":1,"to":null}"#),
        ("AutotaskFieldChanged", #"{"field":"endDate","from":"2025-02-30","syncRun":1,"to":null}"#),
        ("AutotaskFieldChanged", #"{"field":"endDate","from":"2025-2-3","syncRun":1,"to":null}"#),
        ("AutotaskFieldChanged", #"{"field":"status","from":"active","syncRun":1,"to":null}"#),
        ("AutotaskFieldChanged", #"{"field":"status","from":"Active","syncRun":1,"to":"Inactive"}"#),
        ("AutotaskFieldChanged", #"{"field":"units","from":1.0,"syncRun":1,"to":1e2}"#),
        ("AutotaskFieldChanged", #"{"field":"units","from":-0,"syncRun":01,"to":null}"#),
        ("AutotaskFieldChanged", #"{"field":"units","from":9223372036854775808,"syncRun":1,"to":null}"#),
        ("AutotaskFieldChanged", #"{"field":"units","from":-9223372036854775808,"syncRun":1,"to":null}"#),
        ("AutotaskFieldChanged", #"{"field":"tags","from":["a",null],"syncRun":1,"to":[]}"#),
        ("AutotaskFieldChanged", #"{"field":"tags","from":["a",],"syncRun":1,"to":[]}"#),
        ("AutotaskFieldChanged", #"{"field":"colour","from":null,"syncRun":1,"to":null}"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":null,"syncRun":"1","to":null}"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":null,"to":null}"#),
        ("AutotaskFieldChanged", #"{"field":"name","syncRun":1}"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":"a","from":"b","syncRun":1}"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":"a","syncRun":1,}"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":"\x","syncRun":1}"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":"\u12","syncRun":1}"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":"\ud800","syncRun":1}"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":"\udc00\ud800","syncRun":1}"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":"\ud83d\ude00 \u00e9\/","syncRun":1}"#),
        ("AutotaskFieldChanged", "{\"field\":\"name\",\"from\":\"tab\traw\",\"syncRun\":1}"),
        ("AutotaskFieldChanged", #"{"field":"name","from":"a","syncRun":1} x"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":"a","syncRun":1"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":"a","syncRun":1,"x":tru}"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":"a","syncRun":1,"x":[1,]}"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":"a","syncRun":1,"x":01}"#),
        ("AutotaskFieldChanged", #"{"field":"name","from":"a","syncRun":1,"x":"\ud800"}"#),
        ("AutotaskFieldChanged", #"{"fi\u0065ld":"name","from":"a","syncRun":1}"#),
        ("AutotaskFieldChanged", "\u{FEFF}{\"field\":\"name\",\"syncRun\":1}"),
        ("AutotaskFieldChanged", #"[{"field":"name","syncRun":1}]"#),
        ("AutotaskFieldChanged", #""#),
        ("AutotaskFieldChanged", #"null"#),
        ("AutoSyncSet", #"{"enabled":1}"#),
        ("AutoSyncSet", #"{"enabled":"true"}"#),
        ("AutoSyncSet", #"{"enabled":null}"#),
        ("AutoSyncSet", #"{"enabled":true,"enabled":false}"#),
        ("AssetLinked", #"{"asset":{"id":1,"name":"a"},"syncRun":1}"#),
        ("AssetLinked", #"{"asset":{"id":1,"isActive":true,"name":"a","type":7}}"#),
        ("AssetLinked", #"{"asset":{"id":1,"isActive":true,"name":"a","type":null},"syncRun":null}"#),
        ("AssetLinked", #"{"asset":null}"#),
        ("AssetUnlinked", #"{"assetID":2,"name":null,"syncRun":null}"#),
        ("AssetUnlinked", #"{"assetID":"2"}"#),
        (
            "ContractImported",
            #"{"companyID":1,"fields":{"price":"1e5"},"id":"LC-1","reference":{"contractID":1,"level":"contract"}}"#
        ),
        (
            "ContractImported",
            #"{"companyID":1,"fields":{"name":null},"id":"LC-1","reference":{"contractID":1,"contractServiceID":"x","level":"contract"}}"#
        ),
        (
            "ContractImported",
            #"{"companyID":1,"fields":{},"id":"LC-1","reference":{"contractID":1,"level":"service","serviceID":3}}"#
        ),
        (
            "ContractImported",
            #"{"companyID":1,"fields":{},"id":"LC-1","reference":{"contractID":1,"contractServiceID":2,"level":"service","serviceID":3}}"#
        ),
        (
            "ContractImported",
            #"{"companyID":1,"fields":{"name":"a","name":"b"},"id":"LC-1","reference":{"contractID":1,"level":"contract"}}"#
        ),
        (
            "ContractImported",
            #"{"companyID":1,"fields":{"colour":"red"},"id":"LC-1","reference":{"contractID":1,"level":"contract"}}"#
        ),
        (
            "ContractImported",
            #"{"companyID":1,"fields":[],"id":"LC-1","reference":{"contractID":1,"level":"Contract"}}"#
        ),
        ("SyncStarted", #"{"contractsToCheck":[],"run":1,"scope":{"kind":"all","contractID":5},"trigger":"nightly"}"#),
        ("SyncStarted", #"{"contractsToCheck":[],"run":1,"scope":{"kind":"contract"},"trigger":"nightly"}"#),
        ("SyncStarted", #"{"contractsToCheck":["LC-1",2],"run":1,"scope":{"kind":"all"},"trigger":"nightly"}"#),
        ("SyncStarted", #"{"contractsToCheck":[],"run":1,"scope":{"kind":"all"},"trigger":"hourly"}"#),
        ("SyncFetched", #"{"digest":"d","entity":"e","filter":"f","items":1,"pages":1}"#),
        (
            "SyncCompleted",
            #"{"changed":1,"checked":2,"durationMilliseconds":3,"missing":0,"requests":4,"unchanged":1}"#
        ),
        ("MissingInAutotask", #"{"reason":"stolen","syncRun":1}"#),
        ("RenewedInAutotask", #"{"newContractID":1.5,"syncRun":1}"#),
        ("FoundInAutotask", #"{"syncRun":1,"extra":{"deep":[[[[]]]]}}"#),
        ("FieldEdited", #"{"field":"notes","from":null,"reason":7,"to":"x"}"#),
        ("FieldEdited", #"{"field":"notes","new":"x","old":null}"#),
    ]

    @Test("malformed or unusual payloads give what JSONDecoder gives: the same value or the same error")
    func malformed() {
        for (type, payload) in Self.cases {
            expectAgreement(
                EncodedEvent(type: type, schemaVersion: type == "FieldEdited" ? 2 : 1, payload: Data(payload.utf8)))
        }
    }

    @Test("invalid UTF-8 in a string is refused as JSONDecoder refuses it")
    func invalidUTF8() {
        let prefix = Array(#"{"field":"name","from":""#.utf8)
        let suffix = Array(#"","syncRun":1}"#.utf8)
        let bad: [[UInt8]] = [
            [0xFF], [0xC3], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80],
        ]
        for bytes in bad {
            let encoded = EncodedEvent(
                type: "AutotaskFieldChanged", schemaVersion: 1, payload: Data(prefix + bytes + suffix))
            #expect(FastPayloadDecoder.decode(encoded) == nil)
            expectAgreement(encoded)
        }
    }

    @Test("a value of another JSON type anywhere in a payload gives what JSONDecoder gives")
    func wrongTypes() throws {
        var generator = EventGenerator(seed: 7)
        var random = SeededGenerator(seed: 8)
        let replacements: [JSONValue] = [
            .null, .bool(true), .number("0"), .number("-1"), .string(""), .string("Active"), .string("2025-01-01"),
            .string("12.5"), .array([]), .array([.string("LC-1")]), .object([]),
            .object([(key: "contractID", value: .number("1")), (key: "level", value: .string("contract"))]),
        ]
        for type in LedgerEvent.payloadTypes.map({ $0.eventType }) {
            for _ in 0..<15 {
                let event = generator.event(of: type)
                let document = try JSONValue.parse(event.encoded().payload)
                guard document.nodeCount < 200 else { continue }
                for node in 1..<document.nodeCount {
                    let changed = document.replacing(node: node, with: replacements.randomElement(using: &random)!)
                    let text = changed.rendered(JSONValue.Style(), using: &random)
                    expectAgreement(
                        EncodedEvent(type: type, schemaVersion: event.schemaVersion, payload: Data(text.utf8)))
                }
            }
        }
    }

    @Test("mutated payloads (truncated, bytes changed, inserted or removed) give what JSONDecoder gives")
    func mutations() {
        var generator = EventGenerator(seed: 5)
        var random = SeededGenerator(seed: 6)
        let inserts: [[UInt8]] = [
            Array(#"""#.utf8), Array(#"\"#.utf8), Array(",".utf8), Array("}".utf8), Array("]".utf8), Array(" ".utf8),
            Array("-".utf8), Array(".".utf8), Array("e".utf8), Array("0".utf8), Array("null".utf8), [0xFF], [0xC3],
            [0x00], Array(#"\u"#.utf8), Array(#"\ud800"#.utf8), Array(#"{"a":1}"#.utf8),
        ]
        var events = sampleEvents
        for type in LedgerEvent.payloadTypes.map({ $0.eventType }) {
            events += (0..<4).map { _ in generator.event(of: type) }
        }
        for event in events {
            let payload = Array(event.encoded().payload)
            guard payload.count < 4_000 else { continue }
            for _ in 0..<60 {
                var bytes = payload
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes.removeSubrange(index...)
                case 1: bytes[index] = UInt8.random(in: 0...255, using: &random)
                case 2: bytes.insert(contentsOf: inserts.randomElement(using: &random)!, at: index)
                default: bytes.remove(at: index)
                }
                expectAgreement(
                    EncodedEvent(type: event.type, schemaVersion: event.schemaVersion, payload: Data(bytes)))
            }
        }
    }
}
