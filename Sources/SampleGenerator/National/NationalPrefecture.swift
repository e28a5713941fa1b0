import BikePDCACore

/// One of Japan's 47 prefectures as the national data set lays it out: its NPA prefecture codes, the city its
/// police stations are placed around, its population and its number of police stations.
///
/// The NPA numbers prefectures its own way (都道府県コード, not the JIS codes): 20 青森 … 30 東京 … 97 沖縄.
/// Hokkaido has five codes, one per 方面 (regional police area): 10 札幌, 11 函館, 12 旭川, 13 釧路, 14 北見, as
/// the NPA's code tables and accident files use them; the data set follows the NPA and gives each Hokkaido
/// station the code of its 方面, so Hokkaido is one prefecture with five areas and every other prefecture has one.
public struct NationalPrefecture: Hashable, Sendable {
    /// A part of a prefecture with its own NPA prefecture code: the whole prefecture, or one of Hokkaido's 方面.
    public struct Area: Hashable, Sendable {
        /// The NPA prefecture code (2 digits) of the area's stations.
        public let npaCode: String
        /// The city the stations are placed around (the prefectural capital, or the seat of a Hokkaido 方面).
        public let cityJA: String
        /// The city's English name.
        public let cityEN: String
        /// The city's centre (its prefectural or 方面 office, to about 100 m).
        public let centre: Coordinate
        /// Residents in thousands (2020 census, rounded; Hokkaido's split over its 方面 is approximate). Records
        /// are shared out in proportion.
        public let populationThousands: Int
        /// Police stations (警察署): as many as the NPA's 2024 station code table lists for the code (expressway
        /// units and other non-station codes left out).
        public let stationCount: Int
    }

    /// The prefecture's Japanese name, e.g. 東京都.
    public let nameJA: String
    /// The prefecture's English name, e.g. Tokyo.
    public let nameEN: String
    /// One area, or Hokkaido's five.
    public let areas: [Area]

    /// The police stations of all its areas.
    public var stationCount: Int { areas.reduce(0) { $0 + $1.stationCount } }
    /// Its NPA prefecture codes (one, or Hokkaido's five).
    public var npaCodes: [String] { areas.map(\.npaCode) }
}
