import Foundation
import TestSupport
import Testing

/// `metrics --ytd` is the fiscal year to date: the same figures as the explicit range of days it stands for.
@Suite("metrics --ytd on the sample prefecture", .serialized)
struct YearToDateTests {
    @Test("--ytd --as-of D prints what --period <1 April>..D prints")
    func asOf() throws {
        let sample = try LoadedSample.shared.get()
        for (asOf, range) in [
            ("2025-06-30", "2025-04-01..2025-06-30"), ("2026-01-20", "2025-04-01..2026-01-20"),
            ("令和8年4月10日", "2026-04-01..2026-04-10"),
        ] {
            let ytd = try CommandLineRun(
                ["metrics", "--ytd", "--as-of", asOf, "--format", "csv"], database: sample.databasePath)
            let period = try CommandLineRun(
                ["metrics", "--period", range, "--format", "csv"], database: sample.databasePath)
            #expect(ytd.status == 0, "\(ytd.stderr)")
            #expect(ytd.stdout == period.stdout, "\(asOf)")
            #expect(ytd.stdout.split(whereSeparator: \.isNewline).count > 10)
        }
    }

    // The test database holds the sample's fiscal 2025 enforcement (LoadedSample.fy2025EnforcementFiles).
    @Test("without --as-of it runs to the end of the latest month with enforcement records")
    func latestMonth() throws {
        let sample = try LoadedSample.shared.get()
        let ytd = try CommandLineRun(["metrics", "--ytd"], database: sample.databasePath)
        #expect(ytd.status == 0, "\(ytd.stderr)")
        #expect(
            ytd.stdout.contains("Period 2025-04-01..2026-03-31 (2025-04-01…2026-03-31)"), "\(ytd.stdout.suffix(600))")
        #expect(ytd.stdout.contains("accidents compared with 2024-04-01..2025-03-31"))
    }

    @Test("--ytd with --period, or --as-of alone, is a usage error")
    func usage() throws {
        let sample = try LoadedSample.shared.get()
        for arguments in [
            ["metrics", "--ytd", "--period", "FY2025"], ["metrics", "--as-of", "2025-06-30"], ["metrics"],
        ] {
            let run = try CommandLineRun(arguments, database: sample.databasePath)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
        }
    }
}
