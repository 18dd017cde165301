import Foundation
import TestSupport

/// What one run of the `contracts` executable printed and how it exited.
struct CLIRun: Sendable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }

    /// The lines of stderr that are not empty.
    var errorLines: [Substring] { stderr.split(whereSeparator: \.isNewline) }
}

/// Runs a built executable (`contracts` unless told otherwise) with an environment of the test's choosing.
struct ContractsExecutable: Sendable {
    let url: URL
    let folder: URL
    var environment: [String: String]

    init(folder: URL, environment: [String: String], product: String = "contracts") throws {
        url = try BuiltProducts.executable(product)
        self.folder = folder
        self.environment = environment
    }

    /// Runs `contracts <arguments>` and waits for it; output goes through files so no pipe can fill up.
    ///
    /// The wait does not block a thread: the sandbox serving the command runs in this process.
    func run(_ arguments: [String]) async throws -> CLIRun {
        let ending = try await ChildProcess.run(url, arguments, environment: environment, folder: folder)
        defer {
            try? FileManager.default.removeItem(at: ending.stdoutURL)
            try? FileManager.default.removeItem(at: ending.stderrURL)
        }
        return CLIRun(status: ending.status, stdout: try ending.stdout(), stderr: try ending.stderr())
    }

}
