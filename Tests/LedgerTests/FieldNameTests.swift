import Testing

@testable import Ledger

@Suite("Field names")
struct FieldNameTests {
    @Test("each field's ordinal is its position in the catalogue, and fields sort in catalogue order")
    func ordinalIsCataloguePosition() {
        for (index, field) in FieldName.allCases.enumerated() {
            #expect(field.ordinal == index, "\(field)")
        }
        #expect(FieldName.allCases.shuffled().sorted() == FieldName.allCases)
    }

    @Test("distinct fields hash apart, so a set of every field holds them all")
    func distinctHashes() {
        #expect(Set(FieldName.allCases).count == FieldName.allCases.count)
        #expect(Set(FieldName.allCases.map(\.hashValue)).count == FieldName.allCases.count)
    }
}
