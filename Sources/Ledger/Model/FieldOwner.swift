import Foundation

/// Who may change a field: Autotask (only a sync changes it) or LCI (only an edit changes it).
public enum FieldOwner: String, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Autotask owns the field; a sync sets it and edits are refused.
    case autotask
    /// LCI owns the field; users edit it and a sync never touches it.
    case lci

    /// `Autotask` or `LCI`.
    public var description: String {
        switch self {
        case .autotask: "Autotask"
        case .lci: "LCI"
        }
    }
}
