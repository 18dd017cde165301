/// A small, seedable SplitMix64 generator: the same seed gives the same sequence on every platform.
struct SandboxRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    /// A generator for one purpose (`salt`) derived from a seed, so streams do not overlap.
    init(seed: UInt64, salt: UInt64) {
        var mixer = SandboxRandom(seed: seed ^ (salt &* 0x9E37_79B9_7F4A_7C15))
        self.state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        if width == 0 { return range.lowerBound &+ Int(truncatingIfNeeded: next()) }
        return range.lowerBound + Int(next() % width)
    }

    /// A uniform double in `0..<1`.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(0...(elements.count - 1))]
    }
}
