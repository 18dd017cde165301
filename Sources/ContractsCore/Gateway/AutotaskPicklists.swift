import Autotask
import Foundation

/// The labels of the picklist values a contract import needs, read from `entityInformation/fields`.
///
/// Picklists vary per Autotask tenant, so labels are always read, never assumed; an unknown value
/// falls back to its raw text.
public struct AutotaskPicklists: Sendable {
    private var labels: [String: [String: String]]

    /// Reads the picklists of Contracts, Services and ConfigurationItems (three requests).
    public static func load(from client: AutotaskClient) async throws -> AutotaskPicklists {
        var labels: [String: [String: String]] = [:]
        for (entity, fields) in [
            ("Contracts", ["contractType", "contractCategory", "status", "contractPeriodType"]),
            ("Services", ["periodType"]), ("ConfigurationItems", ["configurationItemType"]),
        ] {
            for field in try await client.fields(entity)
            where fields.contains(where: { $0.lowercased() == field.name.lowercased() }) {
                var values: [String: String] = [:]
                for item in field.picklistValues ?? [] { values[item.value] = item.label }
                labels["\(entity).\(field.name.lowercased())"] = values
            }
        }
        return AutotaskPicklists(labels: labels)
    }

    /// Picklists with no labels (every value shows as its raw text).
    public static let empty = AutotaskPicklists(labels: [:])

    /// The label of a picklist value of `entity.field`, or the raw value when unknown.
    public func label(_ entity: String, _ field: String, _ value: PicklistValue?) -> String? {
        guard let value else { return nil }
        return labels["\(entity).\(field.lowercased())"]?[value.rawValue] ?? value.rawValue
    }
}
