import Autotask
import Foundation
import TestSupport

/// Campaign 5a: random and mutated real-shaped JSON fed to the Autotask entity decoders; none may crash.
///
/// The client decodes a page as `{"items":[...],"pageDetails":{...}}` of lenient entities; this feeds the public
/// entity types through the same shape. The test target adds the client's own envelopes (`@testable`).
public struct DecoderFuzz: Sendable {
    /// Real-shaped bodies: one per entity kind, with the keys, types and quirks the sandbox serves.
    public static let samples: [String] = [
        #"{"items":[{"id":1001,"companyID":101,"contractName":"Acme Managed IT","contractNumber":"CN-1","contractType":7,"contractCategory":"2","status":1,"startDate":"2025-01-01T00:00:00Z","endDate":"2026-12-31T00:00:00","contractPeriodType":"m","estimatedRevenue":"1234.50","setupFee":0,"renewedContractID":null,"lastModifiedDateTime":"2026-01-02T03:04:05.123Z","userDefinedFields":[{"name":"Tier","value":"Gold"}]}],"pageDetails":{"count":1,"requestCount":500,"prevPageUrl":null,"nextPageUrl":null}}"#,
        #"{"items":[{"id":3001,"contractID":1001,"serviceID":201,"unitPrice":"45.00","unitCost":20,"adjustedPrice":null,"invoiceDescription":"Managed workstation","quoteItemID":null,"internalDescription":""}],"pageDetails":{"count":1,"requestCount":500,"nextPageUrl":"http://127.0.0.1:1/atservicesrest/V1.0/ContractServices/query/next?paging=x"}}"#,
        #"{"items":[{"id":5001,"companyID":101,"contractID":1001,"contractServiceID":3001,"referenceTitle":"ACME-WS-01","serialNumber":"SN1","productID":401,"isActive":true,"configurationItemType":2,"installDate":"2024-05-01T00:00:00Z","warrantyExpirationDate":null}],"pageDetails":{"count":1}}"#,
        #"{"items":[{"id":101,"companyName":"Acme Dental Group","companyNumber":"101","isActive":true,"companyType":1,"phone":"555-0101"}],"pageDetails":{"count":1}}"#,
        #"{"items":[{"id":7001,"contractID":1001,"contractServiceID":3001,"serviceID":201,"startDate":"2026-01-01T00:00:00Z","endDate":"2026-01-31T00:00:00Z","units":"5","price":225,"cost":100}]}"#,
    ]

    /// Values swapped in for a real value: other types, extremes, and dates out of range.
    static let oddValues: [String] = [
        "null", "true", "[]", "{}", "\"\"", "-1", "0", "1e400", "-1e400", "9223372036854775808", "1.5e-400",
        "\"9223372036854775808\"", "\"NaN\"", "\"0000-00-00T00:00:00Z\"", "\"99999-12-31T00:00:00Z\"",
        "\"2025-02-30\"", "\"-0001-01-01T00:00:00Z\"", "\"\\u0000\"", "\"\u{1F4A5}\"", "[[[[[[[[[[]]]]]]]]]]",
        "\"'); DROP TABLE events;--\"", "18446744073709551616", "-0", "1e-7", "\"1,5\"", "\"  12  \"",
    ]

    let seed: UInt64

    /// Makes inputs from the seed.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// Generates `count` bodies and feeds each to `decode`; returns how many were fed.
    public func run(count: Int, decode: (Data) -> Void) -> Int {
        var random = SeededGenerator(seed: seed)
        for index in 0..<count {
            decode(Self.input(index, &random))
        }
        return count
    }

    /// The public decoders as the client uses them: a page of each entity type, and a zone answer.
    public static func decodePublicTypes(_ data: Data) {
        let decoder = JSONDecoder()
        _ = try? decoder.decode(Page<Contract>.self, from: data)
        _ = try? decoder.decode(Page<ContractService>.self, from: data)
        _ = try? decoder.decode(Page<ConfigurationItem>.self, from: data)
        _ = try? decoder.decode(Page<Company>.self, from: data)
        _ = try? decoder.decode(Page<ContractServiceUnit>.self, from: data)
        _ = try? decoder.decode(ZoneInformation.self, from: data)
    }

    struct Page<Item: Decodable>: Decodable {
        var items: [Item]
    }

    static func input(_ index: Int, _ random: inout SeededGenerator) -> Data {
        let sample = samples[Int.random(in: 0..<samples.count, using: &random)]
        switch index % 5 {
        case 0:
            var bytes = Array(sample.utf8)
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            return Data(bytes)
        case 1:
            let bytes = Array(sample.utf8)
            return Data(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
        case 2:
            return Data(
                (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
        case 3:
            let depth = Int.random(in: 1...3_000, using: &random)
            return Data((String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)).utf8)
        default:
            return Data(swapValues(sample, &random).utf8)
        }
    }

    /// Replaces a few `:value` spots of a sample with odd values.
    static func swapValues(_ sample: String, _ random: inout SeededGenerator) -> String {
        var parts = sample.components(separatedBy: ":")
        guard parts.count > 2 else { return sample }
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = Int.random(in: 1..<parts.count, using: &random)
            let rest = parts[at]
            guard let end = rest.firstIndex(where: { $0 == "," || $0 == "}" }) else { continue }
            let odd = oddValues[Int.random(in: 0..<oddValues.count, using: &random)]
            parts[at] = odd + rest[end...]
        }
        return parts.joined(separator: ":")
    }
}
