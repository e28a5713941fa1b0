import BikePDCACore

/// What the national data set covers: the seed, the fiscal years, the prefectures and the record volume.
///
/// The stations and zones do not depend on it (they are the same in every national set); the records do, and a
/// smaller set holds exactly the full set's records of its months and prefectures.
public struct NationalConfiguration: Hashable, Sendable {
    /// Enforcement records a year over all 47 prefectures at ``rowScale`` 1 (about, with a trend and seasons).
    public static let enforcementPerYear = 1_500_000
    /// Bicycle accidents a year over all 47 prefectures at ``rowScale`` 1 (about, falling 3 % a year).
    public static let accidentsPerYear = 300_000

    /// The seed of every record draw; the same seed writes byte-identical files. Default: the sample set's.
    public var seed: UInt64
    /// The first fiscal year (April to March). Default 2016.
    public var firstFiscalYear: Int
    /// How many fiscal years, one file per dataset and year. Default 10.
    public var years: Int
    /// Only the first this many prefectures in NPA code order (北海道 first), or all 47 when `nil` (the default).
    public var prefectureLimit: Int?
    /// The share of the national record volumes to write (activities and plans are not scaled). Default 1.
    public var rowScale: Double

    /// Creates a configuration.
    public init(
        seed: UInt64 = SampleConfiguration.standard.seed, firstFiscalYear: Int = 2016, years: Int = 10,
        prefectureLimit: Int? = nil, rowScale: Double = 1
    ) {
        self.seed = seed
        self.firstFiscalYear = firstFiscalYear
        self.years = years
        self.prefectureLimit = prefectureLimit
        self.rowScale = rowScale
    }

    /// The full national set: 47 prefectures, fiscal 2016–2025.
    public static let standard = NationalConfiguration()

    /// The fiscal years covered, in order.
    public var fiscalYears: ClosedRange<Int> { firstFiscalYear...(firstFiscalYear + max(years, 1) - 1) }

    /// Throws when the configuration asks for something impossible.
    func validate() throws(SampleGeneratorError) {
        guard (1...50).contains(years) else {
            throw .invalidConfiguration("the national set covers 1 to 50 fiscal years, not \(years)")
        }
        guard firstFiscalYear >= 2000, firstFiscalYear + years - 1 <= 2099 else {
            throw .invalidConfiguration("the national set's fiscal years must lie within 2000–2099")
        }
        if let prefectureLimit, !(1...NationalPrefecture.all.count).contains(prefectureLimit) {
            throw .invalidConfiguration("the prefecture count must be 1 to 47, not \(prefectureLimit)")
        }
        guard rowScale.isFinite, rowScale >= 0, rowScale <= 100 else {
            throw .invalidConfiguration("the row scale must lie within 0–100")
        }
    }
}
