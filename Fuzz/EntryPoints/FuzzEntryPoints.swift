// What each fuzz target does with one input, shared by the libFuzzer executables (Fuzz/DatesFuzz,
// Fuzz/ImportersFuzz) and by the regression tests that replay the corpus and every input that once crashed.
import BikePDCACore
import CSVSupport
import Foundation
import Geo
import Importers

/// One fuzz input fed to the parsers; each must return a value or a typed error, never trap.
public enum FuzzEntryPoints {
    /// The date, time and period parsers on the input as UTF-8 text (invalid bytes replaced).
    public static func dates(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        _ = try? JapaneseDateParser.parseDate(text)
        _ = try? JapaneseDateParser.parseDate(text, options: DateParseOptions(pattern: "yyyyMMdd", defaultEra: .reiwa))
        _ = try? JapaneseDateParser.parseDate(text, options: DateParseOptions(pattern: "yy.M.d"))
        _ = try? JapaneseDateParser.parseTime(text)
        _ = try? PlanPeriod.parse(text)
        if let period = try? ReportingPeriod.parse(text) {
            _ = period.months
            _ = period.sameSpanPreviousYear()
        }
    }

    /// The readers of user files; the first byte picks one: 0 CSV (detected encoding), 1 CSV as CP932,
    /// 2 an enforcement file, 3 an accidents file, 4 a mapping profile, 5 GeoJSON. Files go to `directory`.
    public static func importers(_ data: Data, directory: URL) {
        guard let selectorByte = data.first else { return }
        let selector = selectorByte % 6
        let body = data.dropFirst()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(selector == 4 ? "profile.yaml" : "input.csv")
        switch selector {
        case 0, 1:
            guard (try? Data(body).write(to: file)) != nil else { return }
            let reader = try? CSVFileReader(path: file.path, encoding: selector == 1 ? .cp932 : nil)
            reader?.maximumFieldBytes = 1 << 20
            try? reader?.forEachRecord { _ in }
        case 2, 3:
            guard (try? Data(body).write(to: file)) != nil else { return }
            let reader = try? DatasetFileReader(
                path: file.path, dataset: selector == 2 ? .enforcement : .accidents, reference: reference)
            try? reader?.read(record: { _, _ in }, reject: { _ in })
        case 4:
            guard (try? Data(body).write(to: file)) != nil else { return }
            _ = try? MappingProfile.load(path: file.path, for: .enforcement)
        default:
            if let geometry = try? GeoJSON.geometry(from: String(decoding: body, as: UTF8.self)) {
                _ = GeoJSON.text(of: geometry)
                _ = ZoneShape(geometry: geometry)
            }
            _ = try? GeoJSON.featureCollection(from: Data(body))
        }
    }

    private static let reference = ReferenceData(
        stations: [Station(id: "58101", nameJA: "中央", nameEN: "Chuo")], zoneStations: ["Z1": "58101"])
}
