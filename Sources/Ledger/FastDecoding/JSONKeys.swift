import Foundation

/// The keys (or enumeration values) a fast decoder looks for, matched against raw UTF-8 bytes.
///
/// A key's index in the table is what ``JSONReader/readObject(_:_:)`` passes on; at most 64 keys.
struct JSONKeys: Sendable {
    private let names: [[UInt8]]

    /// A table of these names, in this order.
    init(_ names: String...) {
        self.init(names)
    }

    /// A table of these names, in this order.
    init(_ names: [String]) {
        precondition(names.count <= 64 && !names.contains(""), "at most 64 non-empty keys")
        self.names = names.map { Array($0.utf8) }
    }

    /// The index of the name spelled by `bytes`, if there is one.
    @inline(__always)
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        for index in names.indices where names[index].count == bytes.count {
            let equal = names[index].withUnsafeBufferPointer { name in
                memcmp(name.baseAddress!, base, bytes.count) == 0
            }
            if equal { return index }
        }
        return nil
    }
}
