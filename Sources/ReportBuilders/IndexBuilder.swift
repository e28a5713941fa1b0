import Reports

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

    /// The index of `entries` (listed in the order given, grouped), for a run over `periodText`.
    public static func document(_ entries: [Entry], periodText: String, settings: ReportSettings) -> ReportDocument {
        let w = Wording(language: settings.language)
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
