import Foundation

/// Text as a terminal shows it: control characters escaped, widths in terminal cells.
enum TerminalText {
    /// The text with every control character shown as an escape (`\n`, `\t`, `\u{1B}`), so that nothing
    /// from Autotask can move the cursor, ring the bell or reorder the line; bidirectional overrides too.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return result
    }

    /// C0 and C1 controls, DEL, and the bidirectional embedding, override and isolate controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// The cells a terminal gives the text: two for East Asian wide and fullwidth characters (and emoji),
    /// none for combining marks and zero-width characters, one otherwise.
    static func width(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + width(of: $1) }
    }

    /// The cells one character (a grapheme cluster) takes.
    static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if character.unicodeScalars.contains("\u{FE0F}"), first.properties.isEmoji { return 2 }
        switch first.value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
            0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            break
        }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return 1
        }
    }

    /// The text cut to at most `width` cells, ending with `…` when cut.
    static func truncated(_ text: String, toWidth width: Int) -> String {
        guard self.width(text) > width else { return text }
        guard width > 1 else { return String(repeating: "…", count: max(0, width)) }
        var result = ""
        var used = 0
        for character in text {
            let cells = self.width(of: character)
            if used + cells > width - 1 { break }
            result.append(character)
            used += cells
        }
        return result + "…"
    }

    /// The terminal's width in cells: `$COLUMNS`, else the terminal of stdout, else 80.
    static func columns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return 80
    }
}

/// CSV cells that a spreadsheet cannot run as formulas.
enum CSVCell {
    /// The text of a cell, neutralised the way OWASP describes (CSV injection): a cell beginning with
    /// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows it as
    /// text instead of running it. Plain numbers (`-5`, `-12.50`) are left as they are: they are no formula.
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        if first == "-", text.dropFirst().wholeMatch(of: /\d+(\.\d+)?/) != nil { return text }
        return "'" + text
    }

    /// One RFC 4180 field: neutralised, then quoted when it holds a comma, a quote, a line break or edge spaces.
    static func field(_ text: String) -> String {
        let safe = neutralised(text)
        let needsQuotes =
            safe.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
            || safe.first?.isWhitespace == true || safe.last?.isWhitespace == true
        return needsQuotes ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
    }
}
