/// Why something asked for cannot be imported, found while reading it from Autotask.
public struct ImportRefusal: Sendable, Hashable {
    /// What it is: `contract 1001` or `service 3006`.
    public var what: String
    /// Why, in words, with what to do.
    public var reason: String
    /// Whether the user named it (an unknown or wrong id is bad input) rather than a search finding it.
    public var named: Bool
}
