/// Appends compact JSON to a string.
struct JSONWriter {
    var text = ""

    init(capacity: Int = 256) {
        text.reserveCapacity(capacity)
    }

    mutating func raw(_ fragment: String) {
        text += fragment
    }

    mutating func string(_ value: String) {
        text += "\""
        var plain = true
        for scalar in value.unicodeScalars where scalar == "\"" || scalar == "\\" || scalar.value < 0x20 {
            plain = false
            break
        }
        if plain {
            text += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        text.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        text += "\""
    }

    mutating func double(_ value: Double) {
        if value.isFinite {
            text += String(value)
        } else {
            text += "null"
        }
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .int(let number): text += String(number)
        case .double(let number): double(number)
        case .string(let string): self.string(string)
        case .array(let values):
            text += "["
            for (index, element) in values.enumerated() {
                if index > 0 { text += "," }
                write(element)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                string(member.key)
                text += ":"
                write(member.value)
            }
            text += "}"
        }
    }
}
