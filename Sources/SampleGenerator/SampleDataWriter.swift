import BikePDCACore
import Foundation

/// Writes the sample data set of the fictional みなと県 (see ``SamplePrefecture``) and large benchmark files.
///
/// Output depends only on the configuration: the same seed writes byte-identical files.
public enum SampleDataWriter {
    /// Writes the whole sample set into `directory` (created if needed; existing files are overwritten):
    /// stations, zones (CSV and GeoJSON), 42 monthly enforcement files, and accidents, activities and plans per
    /// fiscal year, an error example, a foreign-layout file with its mapping profile, and a README.
    public static func writeSampleSet(
        to directory: URL, configuration: SampleConfiguration = .standard
    ) throws(SampleGeneratorError) -> SampleSummary {
        guard configuration.enforcementRows >= 0, configuration.accidentRows >= 0 else {
            throw .invalidConfiguration("row counts must not be negative")
        }
        for folder in ["", "enforcement", "accidents", "activities", "plans", "errors", "mapping"] {
            try SampleFiles.createDirectory(folder.isEmpty ? directory : directory.appendingPathComponent(folder))
        }
        let world = SampleWorld(configuration: configuration)
        var files: [SampleSummary.File] = []
        files += try ReferenceDataset.write(world: world, to: directory)
        files += try EnforcementDataset.write(world: world, to: directory)
        files += try AccidentDataset.write(world: world, to: directory)
        files += try ActivityDataset.write(world: world, to: directory)
        files += try PlanDataset.write(world: world, to: directory)
        files += try ErrorExample.write(world: world, to: directory)
        files += try MappingExample.write(world: world, to: directory)
        files.append(try SampleReadme.write(world: world, files: files, to: directory))
        return SampleSummary(files: files)
    }
}
