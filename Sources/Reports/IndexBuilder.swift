import BikePDCACore
import Rendering

/// Builds `index.html`: links to every report written in one run.
public enum IndexBuilder {
    /// One report of the run.
    public struct Entry: Sendable, Hashable {
        /// The group it is listed under.
        public enum Group: Sendable, Hashable, CaseIterable {
            /// The prefecture report.
            case prefecture
            /// Station reports.
            case station
            /// Zone reports.
            case zone
            /// Before–after comparisons.
            case compare
        }

        /// Which list it is in.
        public var group: Group
        /// The link text, e.g. the zone's name.
        public var title: String
        /// The HTML file name beside `index.html`.
        public var fileName: String
        /// A line beside the link (station, kind); empty for none.
        public var note: String

        /// Creates an entry; `note` defaults to empty.
        public init(group: Group, title: String, fileName: String, note: String = "") {
            self.group = group
            self.title = title
            self.fileName = fileName
            self.note = note
        }
    }

    /// The index of `entries` (listed in the order given, grouped), for a run over `period`.
    public static func document(_ entries: [Entry], period: ReportingPeriod, settings: ReportSettings)
        -> ReportDocument
    {
        let w = Wording(language: settings.language)
        let periodText = "\(period.start)..\(period.end)"
        let sections = Entry.Group.allCases.compactMap { group -> ReportSection? in
            let links = entries.filter { $0.group == group }
                .map { ReportLink(title: $0.title, fileName: $0.fileName, note: $0.note) }
            guard !links.isEmpty else { return nil }
            let title: String
            switch group {
            case .prefecture: title = w("県全体", "Prefecture")
            case .station: title = w("警察署別 (\(links.count)署)", "Stations (\(links.count))")
            case .zone: title = w("重点地区・路線別 (\(links.count)か所)", "Zones (\(links.count))")
            case .compare: title = w("事前事後評価", "Before–after evaluations")
            }
            return ReportSection(title: title, blocks: [.links(links)])
        }
        return ReportDocument(
            title: w("自転車指導取締り PDCA レポート一覧", "Bicycle guidance and enforcement PDCA reports"),
            subtitle: w(
                "期間 \(periodText) · \(entries.count)件のレポート。各表は同じ名前で始まる CSV ファイルにもあります。",
                "\(periodText) · \(entries.count) reports. Every table is also a CSV file starting with the report's name."
            ),
            language: settings.language, generatedAt: settings.generatedAt, sections: sections)
    }
}

extension IndexBuilder.Entry {
    /// The prefecture report's entry, titled as the report.
    public static func prefecture(_ document: ReportDocument, fileName: String) -> Self {
        Self(group: .prefecture, title: document.title, fileName: fileName)
    }

    /// A station report's entry: 「中央警察署」 (its code beside it).
    public static func station(_ station: Station, fileName: String, language: ReportLanguage) -> Self {
        Self(
            group: .station, title: language == .ja ? "\(station.nameJA)警察署" : (station.nameEN ?? station.nameJA),
            fileName: fileName, note: station.id)
    }

    /// A zone's before–after report (事前事後評価): its name and id, its station.
    public static func compare(_ zone: Zone, station: Station?, fileName: String, language: ReportLanguage) -> Self {
        let w = Wording(language: language)
        let stationName = station.map { w.isJapanese ? "\($0.nameJA)警察署" : ($0.nameEN ?? $0.nameJA) } ?? zone.stationID
        return Self(
            group: .compare, title: "\(zone.name) (\(zone.id))", fileName: fileName,
            note: w(
                "\(stationName) · 指定 \(zone.designatedFrom) の前後",
                "\(stationName) · around designation \(zone.designatedFrom)"))
    }

    /// A zone report's entry: its name and id, its station and kind, and 「指定終了」 when its designation ended
    /// before `period`.
    public static func zone(
        _ zone: Zone, station: Station?, period: ReportingPeriod, fileName: String, language: ReportLanguage
    ) -> Self {
        let w = Wording(language: language)
        var note =
            w.isJapanese
            ? "\(station.map { "\($0.nameJA)警察署" } ?? zone.stationID) · \(zone.kind.labelJA)"
            : "\(station.map { $0.nameEN ?? $0.nameJA } ?? zone.stationID) · \(zone.kind.rawValue)"
        if zone.isLifted(before: period) { note += " · " + w.lifted(zone) }
        return Self(group: .zone, title: "\(zone.name) (\(zone.id))", fileName: fileName, note: note)
    }
}
