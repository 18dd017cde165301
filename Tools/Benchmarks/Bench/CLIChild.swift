import Foundation

/// Runs one of the package's built executables (beside `ledger-bench`) and waits for it without blocking a
/// thread, so the sandbox serving it in this process keeps answering.
enum CLIChild {
    /// Runs `product` with `arguments`, its output in files under `folder`; returns the exit status.
    static func run(
        _ product: String, _ arguments: [String], environment: [String: String], folder: URL
    ) async throws -> Int32 {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent(product)
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw BenchError("\(product) is not built beside ledger-bench; run `swift build` first")
        }
        let output = folder.appendingPathComponent("\(product)-output.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let (ended, continuation) = AsyncStream.makeStream(of: Void.self)
        process.terminationHandler = { _ in
            continuation.yield()
            continuation.finish()
        }
        try process.run()
        for await _ in ended { break }
        if process.terminationStatus != 0 {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            FileHandle.standardError.write(Data("\(product) failed:\n\(text.suffix(2_000))\n".utf8))
        }
        return process.terminationStatus
    }
}
