import Foundation
import ReliabilityCampaigns
import Testing

@testable import Autotask

@Suite("The Autotask client's own decoders under fuzz")
struct DecoderFuzzTests {
    @Test("a few hundred random and mutated bodies through the client's envelopes crash nothing")
    func envelopesSurviveFuzz() {
        let decoder = JSONDecoder()
        var decoded = 0
        let fed = DecoderFuzz(seed: 11).run(count: 600) { data in
            if (try? decoder.decode(ItemsPage<Contract>.self, from: data)) != nil { decoded += 1 }
            _ = try? decoder.decode(ItemsPage<ContractService>.self, from: data)
            _ = try? decoder.decode(ItemsPage<ConfigurationItem>.self, from: data)
            _ = try? decoder.decode(ItemEnvelope<Contract>.self, from: data)
            _ = try? decoder.decode(CountEnvelope.self, from: data)
            _ = ErrorBody.messages(from: Array(data))
        }
        #expect(fed == 600)
        #expect(decoded > 0, "some mutated bodies still decode leniently")
    }

    @Test("the real-shaped samples decode as the client decodes them")
    func samplesDecode() throws {
        let page = try JSONDecoder().decode(ItemsPage<Contract>.self, from: Data(DecoderFuzz.samples[0].utf8))
        #expect(page.items.first?.id == 1001)
    }
}
