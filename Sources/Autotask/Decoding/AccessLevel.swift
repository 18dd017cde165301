import Foundation

/// What an API user may do with an entity, from `entityInformation` (`userAccessFor*`).
///
/// Autotask documents the numbers 0 (None), 1 (All) and 2 (Restricted), and sends the names as strings.
public enum AccessLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// No access.
    case none = "None"
    /// Access to every record.
    case all = "All"
    /// Access to some records only: results may leave out what the user cannot see.
    case restricted = "Restricted"

    init?(number: Int64) {
        switch number {
        case 0: self = .none
        case 1: self = .all
        case 2: self = .restricted
        default: return nil
        }
    }

    init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let number = Int64(trimmed) {
            self.init(number: number)
            return
        }
        switch trimmed.lowercased() {
        case "none": self = .none
        case "all": self = .all
        case "restricted": self = .restricted
        default: return nil
        }
    }
}
