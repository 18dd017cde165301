import Foundation

/// Something the gateway asked Autotask for does not exist, or came back unusable.
///
/// Its message is one line that says what to do; the CLI treats it as bad input (an unknown id).
public struct AutotaskGatewayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The one-line message.
    public var message: String

    /// Makes an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }

    static func unknownCompany(_ id: Int) -> AutotaskGatewayError {
        AutotaskGatewayError(
            "Autotask has no company \(id) visible to the API user; `contracts companies` lists the companies")
    }

    static func unknownContract(_ id: Int) -> AutotaskGatewayError {
        AutotaskGatewayError(
            "Autotask has no contract \(id) visible to the API user; "
                + "`contracts browse --company ID` lists a company's contracts")
    }

    static func unknownService(_ id: Int) -> AutotaskGatewayError {
        AutotaskGatewayError(
            "Autotask has no contract service \(id) visible to the API user; "
                + "`contracts browse --company ID --show-services` lists a company's services")
    }

    static func incompleteContract(_ id: Int) -> AutotaskGatewayError {
        AutotaskGatewayError(
            "Autotask contract \(id) has no company, start date or end date, so it cannot be imported; "
                + "complete it in Autotask and try again")
    }
}
