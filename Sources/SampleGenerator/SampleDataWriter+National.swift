import BikePDCACore
import Foundation

extension SampleDataWriter {
    /// Writes the national data set into `directory` (created if needed; existing files are overwritten): all 47
    /// prefectures (``NationalPrefecture/all``), 1,151 police stations and 1,900 priority zones, and for each
    /// fiscal year one file per dataset: about 1.5 million enforcement records and 300,000 accidents a year at row
    /// scale 1, with the stations' operations and plans.
    ///
    /// Files, all UTF-8 with DATASETS.md's English headers and ISO dates: `stations.csv`, `zones.csv` and
    /// `zones.geojson` (the same zones), and `enforcement/enforcement_FY2016.csv`, `accidents/accidents_FY2016.csv`,
    /// `activities/activities_FY2016.csv`, `plans/plans_FY2016.csv` for each year. Records are written row by row
    /// through 1 MiB buffers, so memory does not grow with the row count. The same configuration writes the same
    /// bytes; a set with fewer years or prefectures holds exactly the full set's records of those.
    public static func writeNationalSet(
        to directory: URL, configuration: NationalConfiguration = .standard
    ) throws(SampleGeneratorError) -> SampleSummary {
        try configuration.validate()
        for folder in ["", "enforcement", "accidents", "activities", "plans"] {
            try SampleFiles.createDirectory(folder.isEmpty ? directory : directory.appendingPathComponent(folder))
        }
        let geography = NationalGeography.shared
        let prefectures = configuration.prefectureLimit ?? NationalPrefecture.all.count
        let stations = geography.stations.indices.filter { geography.stations[$0].prefectureIndex < prefectures }
        let zones = stations.flatMap { geography.stations[$0].zoneIndices }
        var files = try ReferenceDataset.write(
            stations: stations.map { geography.stations[$0].station }, zones: zones.map { geography.zones[$0].zone },
            to: directory)
        let writer = NationalFiscalYearWriter(geography: geography, configuration: configuration, stations: stations)
        for fiscalYear in configuration.fiscalYears {
            files += try writer.write(fiscalYear: fiscalYear, to: directory)
        }
        return SampleSummary(files: files)
    }
}
