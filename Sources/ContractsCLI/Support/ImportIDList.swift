import Foundation

/// The Autotask ids of `import --from-file`: contract ids, and service ids marked `service:`.
///
/// One id a line, or several separated by commas, spaces or tabs; `contract:1001` and `service:3006`
/// say which kind (a bare number is a contract); empty lines and lines starting with `#` are skipped.
/// A CSV with a header row (such as `contracts browse --format csv`) is read by its `contractID` column,
/// and its `contractServiceID` column when there is one.
struct ImportIDList: Sendable, Equatable {
    var contracts: [Int] = []
    var services: [Int] = []

    /// Reads the list from `path`, or from standard input when `path` is `-`.
    static func read(_ path: String) throws -> ImportIDList {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CLIError(.badInput, "cannot read \(path); give a readable file of Autotask ids (or - for stdin)")
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError(.badInput, "\(path == "-" ? "standard input" : path) is not UTF-8 text")
        }
        return try parse(text, source: path == "-" ? "standard input" : path)
    }

    /// Parses the text of a list; `source` names it in errors.
    static func parse(_ text: String, source: String) throws -> ImportIDList {
        var list = ImportIDList()
        var columns: (contract: Int?, service: Int?)?
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            }
            if columns == nil, list.contracts.isEmpty, list.services.isEmpty,
                let header = Self.header(fields)
            {
                columns = header
                continue
            }
            if let columns {
                if let column = columns.service, column < fields.count, !fields[column].isEmpty {
                    list.services.append(try id(fields[column], line: index + 1, source: source))
                } else if let column = columns.contract, column < fields.count {
                    list.contracts.append(try id(fields[column], line: index + 1, source: source))
                }
                continue
            }
            for field in fields where !field.isEmpty {
                let lower = field.lowercased()
                if lower.hasPrefix("service:") {
                    list.services.append(try id(String(field.dropFirst(8)), line: index + 1, source: source))
                } else if lower.hasPrefix("contract:") {
                    list.contracts.append(try id(String(field.dropFirst(9)), line: index + 1, source: source))
                } else {
                    list.contracts.append(try id(field, line: index + 1, source: source))
                }
            }
        }
        return list
    }

    private static func header(_ fields: [String]) -> (contract: Int?, service: Int?)? {
        guard fields.contains(where: { Int($0) == nil && !$0.contains(":") }) else { return nil }
        let lower = fields.map { $0.lowercased() }
        let contract = lower.firstIndex(of: "contractid") ?? lower.firstIndex(of: "id")
        let service = lower.firstIndex(of: "contractserviceid") ?? lower.firstIndex(of: "serviceid")
        return contract == nil && service == nil ? nil : (contract, service)
    }

    private static func id(_ text: String, line: Int, source: String) throws -> Int {
        guard let value = Int(text), value > 0 else {
            throw CLIError(
                .badInput,
                "\(source) line \(line): '\(text.prefix(30))' is not an Autotask id; write one id a line "
                    + "(contract:ID or service:ID to say which)")
        }
        return value
    }
}
