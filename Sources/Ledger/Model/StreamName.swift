import Foundation

/// The kind of stream an event belongs to.
public enum StreamCategory: String, Sendable, Hashable, CaseIterable {
    /// The single `ledger` stream of settings.
    case ledger
    /// The single `browse` stream of import-dialog fetches.
    case browse
    /// One `contract/<id>` stream per LCI contract.
    case contract
    /// One `sync/<n>` stream per sync run.
    case sync
}

/// The name of an event stream: `ledger`, `browse`, `contract/<id>` or `sync/<n>`.
public enum StreamName: Hashable, Sendable, CustomStringConvertible {
    /// Settings: primary integration, Autotask connection.
    case ledger
    /// Fetches made to browse a company's contracts.
    case browse
    /// One LCI contract.
    case contract(ContractID)
    /// One sync run, numbered from 1.
    case sync(Int)

    /// The stream id as stored in the log.
    public var rawValue: String {
        switch self {
        case .ledger: "ledger"
        case .browse: "browse"
        case .contract(let id): "contract/\(id.rawValue)"
        case .sync(let run): "sync/\(run)"
        }
    }

    /// Parses a stored stream id; nil for anything else.
    public init?(rawValue: String) {
        // Fast path for the stream of almost every event: `contract/` followed by an ASCII character
        // (after which a grapheme always breaks, so this agrees with the character-based rules below).
        let bytes = rawValue.utf8
        if bytes.count > 9, bytes.starts(with: Self.contractPrefix),
            bytes[bytes.index(bytes.startIndex, offsetBy: 9)] < 0x80
        {
            self = .contract(ContractID(String(rawValue[bytes.index(bytes.startIndex, offsetBy: 9)...])))
            return
        }
        switch rawValue {
        case "ledger": self = .ledger
        case "browse": self = .browse
        default:
            if rawValue.hasPrefix("contract/"), rawValue.count > 9 {
                self = .contract(ContractID(String(rawValue.dropFirst(9))))
            } else if rawValue.hasPrefix("sync/"), let run = Int(rawValue.dropFirst(5)), run > 0,
                "sync/\(run)" == rawValue
            {
                self = .sync(run)
            } else {
                return nil
            }
        }
    }

    private static let contractPrefix = Array("contract/".utf8)

    /// The kind of stream.
    public var category: StreamCategory {
        switch self {
        case .ledger: .ledger
        case .browse: .browse
        case .contract: .contract
        case .sync: .sync
        }
    }

    /// The stream id as stored in the log.
    public var description: String { rawValue }
}
