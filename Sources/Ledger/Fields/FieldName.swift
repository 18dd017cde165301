import Foundation

/// A contract field, named as users type it in `contracts edit ID --set FIELD=VALUE`.
///
/// The first thirteen come from Autotask and are owned by Autotask on an imported contract; the
/// rest are LCI's own. ``allCases`` lists them in this order, which is also the order in which
/// decisions emit one event per field.
public enum FieldName: String, CaseIterable, Hashable, Comparable, Sendable, Codable, CodingKeyRepresentable,
    CustomStringConvertible
{
    // Autotask-owned on an imported contract.
    case name
    case number
    case companyID
    case companyName
    case type
    case category
    case status
    case startDate
    case endDate
    case billingCycle
    case price
    case units
    case description
    // LCI-owned everywhere.
    case notes
    case renewalReminder
    case impact
    case vendor
    case location
    case tags
    case owner

    /// The fields Autotask owns on an imported contract, in catalogue order.
    public static let autotaskFields: [FieldName] = allCases.filter(\.isAutotaskField)

    /// The fields LCI owns on every contract, in catalogue order.
    public static let lciFields: [FieldName] = allCases.filter { !$0.isAutotaskField }

    /// The values `status` takes.
    public static let statusChoices = ["Active", "Inactive"]

    /// The values `impact` takes.
    public static let impactChoices = ["Unspecified", "Low", "Medium", "High"]

    /// Whether the field comes from Autotask (and so is owned by Autotask on an imported contract).
    public var isAutotaskField: Bool {
        switch self {
        case .name, .number, .companyID, .companyName, .type, .category, .status, .startDate, .endDate,
            .billingCycle, .price, .units, .description:
            true
        case .notes, .renewalReminder, .impact, .vendor, .location, .tags, .owner:
            false
        }
    }

    /// Whether every contract must have a value (it cannot be cleared).
    public var isRequired: Bool {
        self == .name || self == .companyID || self == .status
    }

    /// The kind of value the field holds.
    public var kind: FieldKind {
        switch self {
        case .name, .companyName: .text(maxLength: 500)
        case .number, .type, .category, .billingCycle: .text(maxLength: 200)
        case .vendor, .location, .owner: .text(maxLength: 200)
        case .description, .notes: .text(maxLength: 10_000)
        case .companyID: .integer(1...Int(Int32.max))
        case .units: .integer(0...1_000_000_000)
        case .price: .money
        case .startDate, .endDate, .renewalReminder: .date
        case .status: .choice(Self.statusChoices)
        case .impact: .choice(Self.impactChoices)
        case .tags: .list(maxItems: 50, maxItemLength: 100)
        }
    }

    /// Finds a field by name, ignoring case and surrounding spaces (`enddate` finds ``endDate``).
    public static func named(_ text: String) -> FieldName? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let exact = FieldName(rawValue: trimmed) { return exact }
        let folded = trimmed.lowercased()
        return allCases.first { $0.rawValue.lowercased() == folded }
    }

    /// The field name as typed.
    public var description: String { rawValue }

    /// Catalogue order.
    public static func < (lhs: FieldName, rhs: FieldName) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    /// The position in ``allCases`` (catalogue order), for tables indexed by field.
    public var ordinal: Int {
        switch self {
        case .name: 0
        case .number: 1
        case .companyID: 2
        case .companyName: 3
        case .type: 4
        case .category: 5
        case .status: 6
        case .startDate: 7
        case .endDate: 8
        case .billingCycle: 9
        case .price: 10
        case .units: 11
        case .description: 12
        case .notes: 13
        case .renewalReminder: 14
        case .impact: 15
        case .vendor: 16
        case .location: 17
        case .tags: 18
        case .owner: 19
        }
    }

    /// Hashes the catalogue position, not the name: fields key the values of every contract state,
    /// and hashing a small integer is much cheaper than hashing the raw string.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ordinal)
    }
}
