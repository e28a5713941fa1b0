import BikePDCACore

/// What to generate: the seed and the approximate size of the sample set.
public struct SampleConfiguration: Hashable, Sendable {
    /// The seed of every random draw; the same seed writes byte-identical files. Default 20230703 (the date of the
    /// NPA directive).
    public var seed: UInt64
    /// Approximate number of enforcement records over all 42 months (2023-04 … 2026-09). Default 150,000.
    public var enforcementRows: Int
    /// Approximate number of accidents over the same months. Default 6,000. Zone and hot-spot accident rates scale
    /// with it.
    public var accidentRows: Int

    /// Creates a configuration.
    public init(seed: UInt64 = 20_230_703, enforcementRows: Int = 150_000, accidentRows: Int = 6_000) {
        self.seed = seed
        self.enforcementRows = enforcementRows
        self.accidentRows = accidentRows
    }

    /// The configuration of the shipped sample set (`SampleData/`).
    public static let standard = SampleConfiguration()
}
