import Foundation

/// One measured figure of one scenario, with the issue's target for it when there is one.
struct BenchRow: Codable, Sendable {
    /// How a value is printed.
    enum Unit: String, Codable, Sendable {
        case count, perSecond, ratio, seconds, megabytes
    }

    /// A bound the value must meet.
    struct Target: Codable, Sendable {
        var atLeast: Double?
        var atMost: Double?

        func isMet(by value: Double) -> Bool {
            (atLeast.map { value >= $0 } ?? true) && (atMost.map { value <= $0 } ?? true)
        }

        var description: String {
            if let atLeast { return ">= \(BenchRow.format(atLeast, atLeast < 10 ? .ratio : .count))" }
            if let atMost { return "<= \(BenchRow.format(atMost, atMost < 10 ? .ratio : .count))" }
            return ""
        }
    }

    var scenario: String
    var figure: String
    var value: Double
    var unit: Unit
    var target: Target?

    init(
        _ scenario: String, _ figure: String, _ value: Double, _ unit: Unit, atLeast: Double? = nil,
        atMost: Double? = nil
    ) {
        self.scenario = scenario
        self.figure = figure
        self.value = value
        self.unit = unit
        target = atLeast == nil && atMost == nil ? nil : Target(atLeast: atLeast, atMost: atMost)
    }

    /// "met", "MISSED" or empty when there is no target.
    var verdict: String {
        guard let target else { return "" }
        return target.isMet(by: value) ? "met" : "MISSED"
    }

    var formattedValue: String { Self.format(value, unit) }

    static func format(_ value: Double, _ unit: Unit) -> String {
        switch unit {
        case .count, .perSecond: return grouped(Int(value.rounded()))
        case .ratio: return String(format: "%.2f", value)
        case .seconds: return String(format: "%.2f s", value)
        case .megabytes: return String(format: "%.1f MB", value)
        }
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// The rows as a Markdown table.
    static func table(_ rows: [BenchRow]) -> String {
        var lines = ["| scenario | figure | value | target | met |", "|---|---|---:|---|---|"]
        for row in rows {
            lines.append(
                "| \(row.scenario) | \(row.figure) | \(row.formattedValue) | \(row.target?.description ?? "") | \(row.verdict) |"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// The rows as pretty-printed JSON.
    static func json(_ rows: [BenchRow]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }
}

/// The process's peak resident memory so far, from `getrusage` (`ru_maxrss`, kilobytes on Linux).
func peakMemoryMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
