/// "Did you mean": the known name closest to a mistyped one.
enum Suggestion {
    /// The name in `names` closest to `typed` by edit distance, when it is close enough to be a likely typo.
    static func closest(to typed: String, among names: [String]) -> String? {
        let typed = typed.lowercased()
        // A prefix of exactly one longer name ("hist" for "history") is a likely abbreviation.
        let prefixed = names.filter { $0.hasPrefix(typed) }
        if typed.count >= 3, prefixed.count == 1 { return prefixed[0] }
        let scored = names.map { (name: $0, distance: distance(typed, $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let allowed = max(1, min(3, best.name.count / 3))
        return best.distance <= allowed ? best.name : nil
    }

    /// The Levenshtein distance between two strings.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
