import Foundation

/// Long output for people, through the user's pager when stdout is a terminal.
enum Pager {
    /// Prints `text` through `$PAGER` (`less -FRX` when unset) if stdout is a terminal, else as it is.
    ///
    /// When the pager cannot start (not installed) the text is printed directly.
    static func show(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard isatty(STDOUT_FILENO) == 1 else {
            print(text)
            return
        }
        let configured = environment["PAGER"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let command = configured.isEmpty ? "less -FRX" : configured
        guard command != "cat" else {
            print(text)
            return
        }
        fflush(nil)
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            print(text)
            return
        }
        try? pipe.fileHandleForWriting.write(contentsOf: Data((text + "\n").utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        // 126/127: the shell could not run the pager; the text has not been shown.
        if process.terminationReason == .exit, [126, 127].contains(process.terminationStatus) { print(text) }
    }
}
