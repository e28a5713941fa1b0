import BikePDCACore

/// The names a report set gives its files, so one report can link to another (a station's row to the station's
/// report, a zone's row to the zone's report). A run writes each report under ``baseName(station:)`` and its
/// kin and turns the links whose file it did not write into plain text.
public enum ReportLinks {
    /// The index of a report set.
    public static let index = "index.html"

    /// The base name of a station's report: `station_58101`.
    public static func baseName(station id: String) -> String { "station_\(id)" }
    /// The base name of a zone's report: `zone_58101-D01`.
    public static func baseName(zone id: String) -> String { "zone_\(id)" }
    /// The base name of a zone's before–after report: `compare_58101-D01`.
    public static func baseName(compare id: String) -> String { "compare_\(id)" }

    /// The HTML file of a station's report.
    public static func station(_ id: String) -> String { baseName(station: id) + ".html" }
    /// The HTML file of a zone's report.
    public static func zone(_ id: String) -> String { baseName(zone: id) + ".html" }
}
