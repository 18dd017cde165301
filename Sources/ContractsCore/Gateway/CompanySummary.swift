/// A company as `contracts companies` lists it.
public struct CompanySummary: Sendable, Hashable, Codable {
    /// The Autotask company id.
    public var id: Int
    /// The company's name.
    public var name: String
    /// The company's number, when it has one.
    public var number: String?

    /// Makes a summary.
    public init(id: Int, name: String, number: String? = nil) {
        self.id = id
        self.name = name
        self.number = number
    }
}
