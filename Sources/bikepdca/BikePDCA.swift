import ArgumentParser
import Foundation

/// The `bikepdca` command: bicycle guidance and enforcement, run as a Plan–Do–Check–Act cycle.
struct BikePDCA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bikepdca",
        abstract: "Bicycle guidance and enforcement in priority zones, run as a PDCA cycle.",
        discussion: """
            Start with `bikepdca init`, then import stations, zones and the monthly records:

              bikepdca import stations SampleData/stations.csv
              bikepdca import zones SampleData/zones.geojson
              bikepdca import enforcement SampleData/enforcement/*.csv
              bikepdca import accidents SampleData/accidents/*.csv
              bikepdca import activities SampleData/activities/*.csv
              bikepdca import plans SampleData/plans/*.csv
              bikepdca status

            Then check and act, and write the reports (HTML and CSV under Reports/):

              bikepdca metrics --period FY2025
              bikepdca report zone 58101-R01 --period FY2025
              bikepdca report all --period FY2025

            The database is --db, else $BIKEPDCA_DB, else ./bikepdca.sqlite.
            Exit status: 0 success, 1 data errors (nothing was written for a failed file), 2 usage errors.
            """,
        subcommands: [
            Init.self, Import.self, Status.self, Assign.self, QA.self, Metrics.self, Compare.self, Hotspots.self,
            Act.self, Report.self, Violations.self, Sample.self,
        ]
    )
}

@main
enum Main {
    static func main() {
        do {
            var command = try BikePDCA.parseAsRoot()
            try command.run()
        } catch {
            let code = BikePDCA.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((BikePDCA.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            BikePDCA.exit(withError: error)
        }
    }
}
