import Foundation
import Testing

@testable import Projections

@Suite("Event metadata")
struct EventMetadataTests {
    @Test("the sync run read quickly is the one full decoding gives, for written, escaped and broken metadata")
    func syncRunAgreesWithDecoding() {
        let texts = [
            EventMetadata(actor: "sync", commandID: "c-1", syncRun: 12).encoded(),
            EventMetadata(actor: "import", commandID: "c-2").encoded(),
            Data(#"{"actor":"alice","sync\u0052un":7}"#.utf8),
            Data(#"{"actor":"bob","note":"syncRun"}"#.utf8),
            Data(#"{"syncRun":"x"}"#.utf8),
            Data("not json".utf8),
            Data(),
        ]
        for data in texts {
            #expect(
                EventMetadata.syncRun(in: data) == EventMetadata.decode(data).syncRun,
                "\(String(decoding: data, as: UTF8.self))")
        }
        #expect(EventMetadata.syncRun(in: texts[0]) == 12)
        #expect(EventMetadata.syncRun(in: texts[2]) == 7)
    }
}
