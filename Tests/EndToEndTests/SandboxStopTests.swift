import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The `autotask-sandbox` executable stops promptly on SIGTERM and SIGINT, even with a request in flight.
@Suite("autotask-sandbox stops on signals")
struct SandboxStopTests {
    @Test(
        "SIGTERM or SIGINT stops the sandbox within moments even while a slow request is in flight",
        arguments: [SIGTERM, SIGINT])
    func stopsOnSignalWithRequestInFlight(signal: Int32) async throws {
        let folder = try TemporaryDirectory()
        let sandbox = try StartedProcess(
            "autotask-sandbox", ["--port", "0", "--slow-rate", "1", "--slow-delay-ms", "120000"],
            environment: ProcessInfo.processInfo.environment, folder: folder.url)
        #expect(await sandbox.waitForOutput("Press Ctrl-C to stop."), "\(sandbox.stdout)\(sandbox.stderr)")
        let base = try #require(sandbox.stdout.firstMatch(of: /listening on (http:\/\/127\.0\.0\.1:\d+)/)?.1)

        // A request the sandbox holds for two minutes: a graceful stop that waited for it would hang.
        let (user, code, secret) = try Self.credentials(sandbox.stdout)
        var request = URLRequest(url: URL(string: "\(base)/atservicesrest/V1.0/Companies/query")!)
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"filter":[{"op":"gte","field":"id","value":0}]}"#.utf8)
        for (name, value) in [("UserName", user), ("ApiIntegrationCode", code), ("Secret", secret)] {
            request.setValue(value, forHTTPHeaderField: name)
        }
        let inFlight = Task { try? await URLSession.shared.data(for: request) }
        try await Task.sleep(for: .milliseconds(500))

        sandbox.send(signal)
        let ending = await sandbox.waitForExit(timeout: .seconds(10))
        inFlight.cancel()
        let ended = try #require(ending, "the sandbox still ran 10 s after the signal")
        #expect(ended.status == 0 && !ended.signaled, "\(sandbox.stdout)\(sandbox.stderr)")
        #expect(sandbox.stdout.contains("Autotask sandbox stopped"))
    }

    private static func credentials(_ banner: String) throws -> (String, String, String) {
        func value(_ name: String) throws -> String {
            let line = try #require(banner.split(separator: "\n").first { $0.contains("\(name):") })
            return String(line.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
        }
        return (try value("UserName"), try value("ApiIntegrationCode"), try value("Secret"))
    }
}
