import Foundation

/// The messages of an Autotask error answer.
///
/// Autotask writes `{"errors":["..."]}`; ASP.NET framework errors write `{"Message":"..."}`; some answers
/// carry objects with a `message`, and some plain text. All become a list of strings.
enum ErrorBody {
    /// The messages of a body; a body that is not a JSON error is taken as text unless `textFallback` is off.
    static func messages(from body: [UInt8], textFallback: Bool = true) -> [String] {
        guard !body.isEmpty else { return [] }
        let data = Data(body)
        if let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            let messages = collect(json)
            if !messages.isEmpty || !textFallback { return messages }
        }
        guard textFallback else { return [] }
        guard let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
            !text.isEmpty
        else { return [] }
        return [String(text.prefix(500))]
    }

    private static func collect(_ json: Any) -> [String] {
        if let text = json as? String { return [text] }
        if let list = json as? [Any] { return list.flatMap(collect) }
        guard let object = json as? [String: Any] else { return [] }
        var messages: [String] = []
        for (key, value) in object.sorted(by: { $0.key.lowercased() > $1.key.lowercased() }) {
            switch key.lowercased() {
            case "errors", "error":
                messages += collect(value)
            case "message", "messagedetail", "exceptionmessage", "detail", "title":
                if let text = value as? String { messages.append(text) }
            default:
                continue
            }
        }
        return messages
    }
}
