import BikePDCACore

/// One month of the national set: its days and the counts every station gets.
///
/// Counts are worked out over all 1,151 stations whatever the set includes, so a station's records do not depend
/// on which other prefectures are written.
struct NationalMonth {
    let month: YearMonth
    let days: [LocalDate]
    /// Weekdays busier than weekends, for stops outside operations.
    let enforcementDays: WeightedTable
    /// Accidents: fewer on Sundays.
    let accidentDays: WeightedTable
    /// Enforcement records of each station.
    let enforcementCounts: [Int]
    /// Accidents of each station outside its zones.
    let backgroundAccidents: [Int]
    /// Expected accidents inside each zone.
    let zoneAccidentRates: [Double]

    init(month: YearMonth, geography: NationalGeography, configuration: NationalConfiguration) {
        self.month = month
        days = (month.firstDay.dayNumber...month.lastDay.dayNumber).map(LocalDate.init(dayNumber:))
        enforcementDays = WeightedTable(
            days.map { day in
                switch day.isoWeekday {
                case 6: 0.8
                case 7: 0.6
                default: 1.1
                }
            })
        accidentDays = WeightedTable(days.map { $0.isoWeekday == 7 ? 0.7 : ($0.isoWeekday == 6 ? 0.85 : 1.1) })
        let weights = geography.stations.map(\.weight)
        let enforcement =
            Double(NationalConfiguration.enforcementPerYear) * configuration.rowScale / 12
            * NationalTimeline.enforcementFactor(month)
        enforcementCounts = Apportionment.split(enforcement, weights: weights)
        let accidentFactor = NationalTimeline.accidentFactor(month)
        zoneAccidentRates = geography.zones.map { zone in
            let effect = zone.isDesignated(by: month) ? 1 - zone.accidentReduction : 1
            return zone.baselineAccidentsPerMonth * configuration.rowScale * accidentFactor * effect
        }
        let accidents =
            Double(NationalConfiguration.accidentsPerYear) * configuration.rowScale / 12 * accidentFactor
        backgroundAccidents = Apportionment.split(
            max(0, accidents - zoneAccidentRates.reduce(0, +)), weights: weights)
    }
}
