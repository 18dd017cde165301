/// Why an import was refused after Autotask was read: what came back does not fit the request.
///
/// Its message is one line that says what to do; the CLI treats it as bad input.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The one-line message.
    public var message: String

    /// The message.
    public var description: String { message }

    static func otherCompany(_ what: String, belongsTo company: Int, asked: Int) -> ImportError {
        ImportError(
            message: "Autotask \(what) belongs to company \(company), not \(asked); "
                + "use --company \(company) or check the id with `contracts browse --company \(asked)`")
    }
}
