/// What an append expects of a stream's current version (optimistic concurrency).
public enum ExpectedVersion: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The stream must not exist yet.
    case noStream
    /// The stream's last version must be exactly this (1 or more).
    case exact(Int64)
    /// Any version, including no stream.
    case any

    public var description: String {
        switch self {
        case .noStream: return "no stream"
        case .exact(let version): return "version \(version)"
        case .any: return "any version"
        }
    }

    func matches(current: Int64) -> Bool {
        switch self {
        case .noStream: return current == 0
        case .exact(let version): return current == version
        case .any: return true
        }
    }
}
