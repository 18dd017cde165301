import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Draws the progress of a long command on standard error: a bar for a terminal, JSON lines for programs.
///
/// `auto` draws a bar with counts, requests, time and an estimate only when standard error is a
/// terminal, and writes nothing otherwise (a cron mail or a log file stays clean); `json` writes one
/// object a line (`{"task":"sync","done":200,"total":5000,...}`) whatever standard error is; `none`
/// writes nothing. Updates are drawn at most ten times a second, and always at the end of a stage.
public final class ProgressReporter: Sendable {
    /// How progress is shown.
    public enum Mode: String, Sendable, CaseIterable {
        /// A bar when standard error is a terminal, else nothing.
        case auto
        /// One JSON object a line.
        case json
        /// Nothing.
        case none
    }

    private enum Style {
        case bar
        case json
        case silent
    }

    private struct State {
        var stage: String?
        var lastDraw: ContinuousClock.Instant?
        var drewBar = false
    }

    private let task: String
    private let unit: String
    private let style: Style
    private let descriptor: Int32
    private let started = ContinuousClock.now
    private let state = Mutex(State())

    /// Makes a reporter for `task` (such as `import`) counting `unit` (such as `contracts`) on `descriptor`.
    public init(task: String, unit: String, mode: Mode, descriptor: Int32 = STDERR_FILENO) {
        self.task = task
        self.unit = unit
        self.descriptor = descriptor
        switch mode {
        case .auto: style = isatty(descriptor) == 1 ? .bar : .silent
        case .json: style = .json
        case .none: style = .silent
        }
    }

    /// Whether anything is drawn at all.
    public var isActive: Bool {
        if case .silent = style { return false }
        return true
    }

    /// Reports `done` of `total` items, with the HTTP requests made so far when known.
    public func update(done: Int, total: Int, requests: Int? = nil, stage: String? = nil) {
        guard isActive else { return }
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            let stageChanged = stage != nil && stage != state.stage
            let final = done >= total
            if !stageChanged, !final, let last = state.lastDraw, now - last < .milliseconds(100) { return nil }
            if stage != nil { state.stage = stage }
            state.lastDraw = now
            let elapsed = now - started
            switch style {
            case .bar:
                state.drewBar = true
                return bar(done: done, total: total, requests: requests, stage: state.stage, elapsed: elapsed)
            case .json:
                return json(done: done, total: total, requests: requests, stage: state.stage, elapsed: elapsed)
            case .silent:
                return nil
            }
        }
        if let line { write(line) }
    }

    /// Clears the bar (a terminal) so that what follows starts on a clean line.
    public func finish() {
        guard case .bar = style else { return }
        let drew = state.withLock { state in
            defer { state.drewBar = false }
            return state.drewBar
        }
        if drew { write("\r\u{1B}[2K") }
    }

    private func bar(
        done: Int, total: Int, requests: Int?, stage: String?, elapsed: Duration
    ) -> String {
        let seconds = Self.seconds(elapsed)
        if total <= 0 {
            // Nothing counted yet (reading): the stage, the requests and the time.
            var line = "\(task)\(stage.map { " (\($0))" } ?? "")"
            if let requests { line += ", \(requests) requests" }
            return "\r\u{1B}[2K" + line + String(format: ", %.1f s", seconds)
        }
        var tail = " \(done)/\(total) \(unit)"
        if let requests { tail += ", \(requests) requests" }
        tail += String(format: ", %.1f s", seconds)
        if let left = Self.estimate(done: done, total: total, seconds: seconds) {
            tail += String(format: ", ~%.0f s left", left.rounded(.up))
        }
        let head = "\(task)\(stage.map { " (\($0))" } ?? "") "
        let columns = Self.columns(of: descriptor)
        let width = max(10, min(40, columns - head.count - tail.count - 3))
        let filled = total > 0 ? min(width, width * done / total) : 0
        var line =
            head + "[" + String(repeating: "#", count: filled)
            + String(repeating: "-", count: width - filled) + "]" + tail
        if line.count > columns - 1 { line = String(line.prefix(max(1, columns - 1))) }
        return "\r\u{1B}[2K" + line
    }

    private func json(done: Int, total: Int, requests: Int?, stage: String?, elapsed: Duration) -> String {
        let seconds = Self.seconds(elapsed)
        var fields = ["\"task\":\(Self.quoted(task))"]
        if let stage { fields.append("\"stage\":\(Self.quoted(stage))") }
        fields += ["\"done\":\(done)", "\"total\":\(total)", "\"unit\":\(Self.quoted(unit))"]
        if let requests { fields.append("\"requests\":\(requests)") }
        fields.append("\"elapsedMs\":\(Int((seconds * 1000).rounded()))")
        if let left = Self.estimate(done: done, total: total, seconds: seconds) {
            fields.append("\"etaMs\":\(Int((left * 1000).rounded()))")
        }
        return "{" + fields.joined(separator: ",") + "}\n"
    }

    private func write(_ text: String) {
        FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(Data(text.utf8))
    }

    /// The seconds left at the rate so far, once something is done and something is left.
    static func estimate(done: Int, total: Int, seconds: Double) -> Double? {
        guard done > 0, total > done, seconds > 0 else { return nil }
        return seconds * Double(total - done) / Double(done)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    private static func columns(of descriptor: Int32) -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
