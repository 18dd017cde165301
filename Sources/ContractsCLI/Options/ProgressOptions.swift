import ArgumentParser
import ContractsCore

extension ProgressReporter.Mode: ExpressibleByArgument {}

/// `--progress auto|json|none`: how a long command shows its progress on standard error.
struct ProgressOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Progress on standard error: auto draws a bar when it is a terminal and nothing otherwise, "
                + "json writes one JSON object a line, none writes nothing.",
            valueName: "auto|json|none"))
    var progress: ProgressReporter.Mode = .auto

    /// A reporter for `task`, counting `unit`.
    func reporter(task: String, unit: String) -> ProgressReporter {
        ProgressReporter(task: task, unit: unit, mode: progress)
    }
}
