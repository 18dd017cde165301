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
        let id = UUID().uuidString
        let outURL = folder.appendingPathComponent("out-\(id)")
        let errURL = folder.appendingPathComponent("err-\(id)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let exited = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in
            exited.continuation.yield()
            exited.continuation.finish()
        }
        try process.run()
        for await _ in exited.stream { break }
        try out.close()
        try err.close()
        return CLIRun(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
