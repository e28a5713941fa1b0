import BikePDCACore
import Foundation

/// `errors/enforcement_with_errors.csv`: twenty canonical enforcement rows, six of them with one deliberate
/// error each, and `errors/README.md` saying where each error is.
enum ErrorExample {
    /// A deliberate error: its physical line, 1-based column, and what is wrong.
    struct Mistake {
        let line: Int
        let column: Int
        let value: String
        let problem: String
    }

    static let path = "errors/enforcement_with_errors.csv"

    static let mistakes = [
        Mistake(line: 4, column: 2, value: "2025-02-30", problem: "impossible date: February 2025 has 28 days"),
        Mistake(line: 7, column: 2, value: "平成31年5月1日", problem: "平成 ended on 2019-04-30 (that day is 令和元年5月1日)"),
        Mistake(line: 10, column: 4, value: "58199", problem: "unknown station: みなと県 has stations 58101 … 58109"),
        Mistake(
            line: 13, column: 9, value: "駐輪違反", problem: "unknown violation: not a code, name or alias in the catalogue"
        ),
        Mistake(
            line: 16, column: 10, value: "blue",
            problem: "blue ticket dated 2025-11-10, before blue tickets began on 2026-04-01"),
        Mistake(
            line: 19, column: 8, value: "",
            problem: "latitude 35.171234 (column 7) given without a longitude: coordinates come both or neither"),
    ]

    static func write(world: SampleWorld, to directory: URL) throws(SampleGeneratorError) -> [SampleSummary.File] {
        var random = SampleRandom(seed: world.configuration.seed, stream: "errors")
        func point(_ station: Int) -> (String, String) {
            let coordinate = LocalFrame.coordinate(
                world.backgroundPoint(station: station, spread: 1_000, random: &random))
            var latitude: [UInt8] = []
            latitude.appendFixed(coordinate.latitude, decimals: 6)
            var longitude: [UInt8] = []
            longitude.appendFixed(coordinate.longitude, decimals: 6)
            return (String(decoding: latitude, as: UTF8.self), String(decoding: longitude, as: UTF8.self))
        }
        let (lat1, lon1) = point(4)
        let (lat2, lon2) = point(3)
        let (lat3, lon3) = point(1)
        // record_id, date, time, station, department, zone_id, latitude, longitude, violation, outcome, vehicle,
        // age_band, operation_id
        let rows: [[String]] = [
            [
                "X0001", "2025-06-02", "07:45", "58101", "traffic", "58101-D01", "", "", "stop", "warning", "bicycle",
                "20-29", "",
            ],
            [
                "X0002", "2025-06-02", "08:10", "58101", "community", "58101-D01", "", "", "signal", "warning",
                "bicycle", "u16", "",
            ],
            [
                "X0003", "2025-02-30", "17:20", "58102", "traffic", "", lat3, lon3, "phone", "warning", "bicycle",
                "16-19", "",
            ],
            [
                "X0004", "2025-06-03", "17:35", "58104", "community", "", lat2, lon2, "lane", "warning", "bicycle",
                "30-39", "",
            ],
            [
                "X0005", "2025-06-03", "18:05", "58104", "traffic", "58104-R01", "", "", "no-light", "warning",
                "bicycle", "40-49", "",
            ],
            ["X0006", "平成31年5月1日", "08:00", "58103", "traffic", "", "", "", "stop", "warning", "bicycle", "50-64", ""],
            [
                "X0007", "2025-06-04", "07:50", "58103", "community", "58103-D01", "", "", "psc-rules", "warning",
                "bicycle", "16-19", "",
            ],
            [
                "X0008", "2025-06-04", "16:40", "58105", "traffic", "", lat1, lon1, "two-riders", "warning", "bicycle",
                "u16", "",
            ],
            [
                "X0009", "2025-06-05", "08:20", "58199", "traffic", "", "", "", "signal", "warning", "bicycle", "20-29",
                "",
            ],
            ["X0010", "2025-06-05", "21:15", "58101", "traffic", "", "", "", "drink", "red", "bicycle", "40-49", ""],
            [
                "X0011", "2025-06-06", "07:30", "58106", "community", "58106-D01", "", "", "side-by-side", "warning",
                "bicycle", "16-19", "",
            ],
            [
                "X0012", "2025-06-06", "08:45", "58107", "traffic", "", "", "", "駐輪違反", "warning", "bicycle", "30-39",
                "",
            ],
            [
                "X0013", "2025-06-09", "17:10", "58108", "community", "", "", "", "sidewalk-obstruction", "warning",
                "e-scooter", "20-29", "",
            ],
            [
                "X0014", "2025-06-09", "18:30", "58109", "traffic", "58109-R01", "", "", "phone", "warning", "bicycle",
                "20-29", "",
            ],
            ["X0015", "2025-11-10", "08:05", "58101", "traffic", "", "", "", "phone", "blue", "bicycle", "30-39", ""],
            [
                "X0016", "2025-06-10", "07:55", "58102", "traffic", "58102-D01", "", "", "stop", "warning", "bicycle",
                "65+", "",
            ],
            [
                "X0017", "2025-06-10", "16:50", "58104", "community", "", "", "", "signal", "warning", "bicycle",
                "50-64", "",
            ],
            [
                "X0018", "2025-06-11", "08:15", "58101", "traffic", "", "35.171234", "", "lane", "warning", "bicycle",
                "20-29", "",
            ],
            [
                "X0019", "2025-06-11", "17:45", "58105", "community", "58105-D01", "", "", "stop", "warning", "bicycle",
                "u16", "",
            ],
            [
                "X0020", "2026-04-15", "08:00", "58101", "traffic", "58101-R01", "", "", "signal", "blue", "bicycle",
                "30-39", "",
            ],
        ]
        let csv = try SampleFiles.write(
            in: directory, path: path, encoding: .utf8, dataset: .enforcement, role: .errorExample
        ) { (output) throws(SampleGeneratorError) -> Int in
            try output.write(CSVRow(EnforcementFileFormat.canonicalHeader))
            for row in rows {
                try output.write(CSVRow(row))
            }
            return rows.count
        }
        let readme = try SampleFiles.write(
            in: directory, path: "errors/README.md", encoding: .utf8, dataset: nil, role: .documentation
        ) { (output) throws(SampleGeneratorError) -> Int? in
            var text = """
                # enforcement_with_errors.csv

                Twenty enforcement rows in the canonical format (UTF-8, English headers, DATASETS.md). Fourteen are \
                valid; six carry one deliberate error each. Importing the file must report exactly these six, as \
                `file:line:column: error: …` (line 1 is the header), and import nothing from those rows.

                | line | column | value | error |
                |---|---|---|---|

                """
            let names = EnforcementFileFormat.canonicalHeader
            for mistake in mistakes {
                let value = mistake.value.isEmpty ? "(empty)" : "`\(mistake.value)`"
                text +=
                    "| \(mistake.line) | \(mistake.column) (`\(names[mistake.column - 1])`) | \(value) | "
                    + "\(mistake.problem) |\n"
            }
            text += """

                The last row (line 21) is a valid blue ticket: 2026-04-15, aged 30–39, a signal violation. Line 11 \
                is a valid red ticket for drink riding.

                """
            try output.write(text: text)
            return nil
        }
        return [csv, readme]
    }
}
