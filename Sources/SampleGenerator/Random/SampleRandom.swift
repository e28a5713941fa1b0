import BikePDCACore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The generator's own pseudo-random source: xoshiro256** seeded through SplitMix64.
///
/// Foundation's and the standard library's random APIs are not used, because their algorithms may change between
/// releases; this one is fixed, so the same seed writes byte-identical files on every platform and Swift version.
struct SampleRandom {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Seeds the four state words from SplitMix64, as the xoshiro authors recommend.
    init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// A generator for one named stream (e.g. `accidents`, month 7) derived from the configuration's seed.
    ///
    /// Separate streams keep one dataset's draws from shifting when another dataset changes.
    init(seed: UInt64, stream: String, index: Int = 0) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a: stable, unlike Swift's per-process Hasher.
        for byte in stream.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        var mixer = SplitMix64(state: seed ^ hash)
        let base = mixer.next()
        self.init(seed: base &+ UInt64(bitPattern: Int64(index)) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits (xoshiro256**).
    mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform double in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound`; `bound` must be positive. Lemire's multiply-shift, without rejection:
    /// the bias (< bound / 2^64) is irrelevant for sample data.
    mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `range`.
    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// `true` with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A standard normal deviate (Box–Muller).
    mutating func normal() -> Double {
        let u1 = 1.0 - unit()  // (0, 1]: log stays finite.
        let u2 = unit()
        return sqrt(-2.0 * log(u1)) * cos(2.0 * Double.pi * u2)
    }

    /// A Poisson deviate with mean `mean` (Knuth's method below 30, a rounded normal above).
    mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean >= 30 {
            return max(0, Int((mean + sqrt(mean) * normal()).rounded()))
        }
        let limit = exp(-mean)
        var product = unit()
        var count = 0
        while product > limit {
            product *= unit()
            count += 1
        }
        return count
    }

    /// One element of a non-empty array, uniformly.
    mutating func element<T>(of array: [T]) -> T {
        array[int(below: array.count)]
    }

    private func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}

/// SplitMix64, used only to expand a seed into xoshiro state.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A table of non-negative weights to draw indices from, in proportion to the weights.
struct WeightedTable: Sendable {
    private let cumulative: [Double]

    /// Creates a table; at least one weight must be positive.
    init(_ weights: [Double]) {
        var running = 0.0
        var sums: [Double] = []
        sums.reserveCapacity(weights.count)
        for weight in weights {
            running += max(0, weight)
            sums.append(running)
        }
        precondition(running > 0, "a weighted table needs a positive weight")
        cumulative = sums
    }

    /// The number of entries.
    var count: Int { cumulative.count }

    /// The sum of the weights.
    var total: Double { cumulative.last ?? 0 }

    /// Draws an index.
    func draw(_ random: inout SampleRandom) -> Int {
        let target = random.unit() * total
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
