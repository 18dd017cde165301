import Foundation
import Testing

@testable import ContractsCore

@Suite("Contract id order")
struct IDOrderTests {
    @Test("contract ids sort as Foundation's numeric comparison sorts them, LC-2 before LC-10")
    func agreesWithNumericComparison() {
        var ids = (1...300).map { "LC-\($0 * 37 % 1_000)" }
        ids += ["LC-7", "X-1", "X-10", "X-2", "Kundenvertrag", "LC-", "LC-x", "lc-3", "LC-99999999999"]
        let reference = ids.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        #expect(ids.shuffled().sorted(by: LedgerStore.idOrder) == reference)
        #expect(LedgerStore.idOrder("LC-2", "LC-10"))
        #expect(!LedgerStore.idOrder("LC-10", "LC-2"))
    }
}
