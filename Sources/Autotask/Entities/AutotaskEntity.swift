/// A record type the client can query, with its plural path such as `Contracts`.
///
/// Conforming types decode leniently: unknown keys are ignored, keys match in any case, and every field
/// but `id` is optional.
public protocol AutotaskEntity: Decodable, Sendable, Identifiable where ID == Int64 {
    /// The entity's path segment in the REST API, such as `"Contracts"`.
    static var entityPath: String { get }
}
