import ArgumentParser
import Foundation
import Importers
import Store
import Workflows

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
            Serve.self, User.self,
        ]
    )
}

@main
enum Main {
    /// Runs the command; every failure becomes one line on stderr and an exit status here, in one place:
    /// 2 for usage errors, 1 for data, database and output errors.
    static func main() {
        do {
            var command = try BikePDCA.parseAsRoot()
            try command.run()
        } catch let error as WorkflowError {
            fail(error.description, status: error.isUsageError ? 2 : 1)
        } catch let error as StoreError {
            fail("error: \(error)", status: 1)
        } catch let error as ImportError {
            fail(error.description, status: 1)
        } catch {
            // ArgumentParser's messages quote what the user typed: escaped like every other message.
            let code = BikePDCA.exitCode(for: error)
            if code == .success {
                Console.out(BikePDCA.fullMessage(for: error))
                Foundation.exit(0)
            }
            fail(BikePDCA.fullMessage(for: error), status: code == .validationFailure ? 2 : code.rawValue)
        }
    }

    private static func fail(_ message: String, status: Int32) -> Never {
        Console.endProgress()
        Console.error(message)
        Foundation.exit(status)
    }
}
