import AutotaskSandbox
import Foundation

/// What every demo step can reach: the ledger path and the running sandbox.
struct DemoContext: Sendable {
    /// The demo's ledger file.
    var ledgerPath: String
    /// The embedded Autotask sandbox.
    var sandbox: AutotaskSandbox
}

/// One step of the demo: a title and what it does (usually one `contracts` command line).
struct DemoStep: Sendable {
    /// What a command step expects.
    enum Expectation: Sendable {
        /// Exit 0.
        case success
        /// Refused with this status (the demo shows the error line).
        case refusal(ExitStatus)
    }

    /// The heading printed before the step.
    var title: String
    /// The step's work; it prints what the user would see.
    var action: @Sendable (DemoContext) async throws -> Void

    /// A step that runs `contracts <arguments> --ledger <demo ledger>` with the real command code.
    static func command(_ title: String, _ arguments: [String], expect: Expectation = .success) -> DemoStep {
        DemoStep(title: title) { context in
            print("$ contracts " + arguments.map(quoted).joined(separator: " "))
            fflush(nil)
            let status = await Contracts.run(arguments: arguments + ["--ledger", context.ledgerPath])
            fflush(nil)
            let expected: Int32
            switch expect {
            case .success: expected = 0
            case .refusal(let refusal): expected = refusal.rawValue
            }
            guard status == expected else {
                throw CLIError(
                    .unexpected,
                    "the demo step `contracts \(arguments.joined(separator: " "))` exited with \(status), "
                        + "expected \(expected)")
            }
            if case .refusal = expect { print("(refused as expected, exit status \(status); the ledger is unchanged)") }
        }
    }

    /// A step that does something outside the CLI (such as changing the sandbox) and prints a line about it.
    static func note(_ title: String, _ body: @escaping @Sendable (DemoContext) async throws -> String) -> DemoStep {
        DemoStep(title: title) { context in print(try await body(context)) }
    }

    /// An argument as a shell would need it typed.
    static func quoted(_ argument: String) -> String {
        let safe = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_=./:@,".contains($0) }
        return safe && !argument.isEmpty ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
