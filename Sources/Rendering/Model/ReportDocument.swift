import BikePDCACore

/// The language a report is written in: Japanese by default, English with `--lang en`.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
    /// Japanese (日本語), the default.
    case ja
    /// English.
    case en
}

/// One report as plain values, ready to render as HTML (``HTMLRenderer``) and CSV (``CSVRenderer``).
///
/// Every string is shown as text: the renderers escape it, so record text (zone names, notes) can go in as it
/// is. The document states the order a reader meets things in: the KPI cards (``kpis``) first, then the
/// document-wide caveats, then the sections; each section prints its own caveats before its blocks, so a
/// caveat always comes before the results it qualifies.
public struct ReportDocument: Sendable, Hashable {
    /// The report's title (`<h1>` and the HTML `<title>`), e.g. 「駅前通り 自転車指導啓発重点路線 2025年度」.
    public var title: String
    /// A line under the title: station, period, data sources.
    public var subtitle: String
    /// The language of the fixed wording (axis labels, caveat kinds, "total"). Default ``ReportLanguage/ja``.
    public var language: ReportLanguage
    /// When the report was generated, as the caller wants it printed (from `--generated-at`, never the clock),
    /// so that the same input gives the same bytes.
    public var generatedAt: String
    /// The headline figures, printed first as cards.
    public var kpis: [ReportKPI]
    /// Caveats that qualify the whole report, printed after the KPI cards and before every section.
    public var caveats: [ReportCaveat]
    /// The body, in order.
    public var sections: [ReportSection]
    /// The date of the latest record in the report's scope (データ最終日), printed under the title with the note
    /// that recent figures are provisional (速報値); `nil` prints neither.
    public var dataThrough: LocalDate?
    /// The index of the report set this report belongs to (`index.html`), linked from the header; `nil` for a
    /// report written on its own.
    public var indexFileName: String?

    /// Creates a document; `language` defaults to Japanese and the lists to empty.
    public init(
        title: String,
        subtitle: String = "",
        language: ReportLanguage = .ja,
        generatedAt: String,
        kpis: [ReportKPI] = [],
        caveats: [ReportCaveat] = [],
        sections: [ReportSection] = []
    ) {
        self.title = title
        self.subtitle = subtitle
        self.language = language
        self.generatedAt = generatedAt
        self.kpis = kpis
        self.caveats = caveats
        self.sections = sections
    }

    /// Every table of the document, in reading order (what ``CSVRenderer`` writes, one file each).
    public var tables: [ReportTable] {
        sections.flatMap { section in
            section.blocks.compactMap { block in
                if case .table(let table) = block { return table }
                return nil
            }
        }
    }
}

/// A headline figure shown as a card at the top of a report (e.g. 「集中取締り実施率 92.3 %」).
public struct ReportKPI: Sendable, Hashable {
    /// What the figure is, e.g. 「自転車事故」.
    public var label: String
    /// The figure, formatted like a table cell (thousands separators, fixed decimals).
    public var value: ReportCell
    /// The unit printed after the value, e.g. 「件」 or `%`; empty for none.
    public var unit: String
    /// A short line under the value: the comparison or the denominator (「前年同期 41件」).
    public var note: String

    /// Creates a card; `unit` and `note` default to empty.
    public init(label: String, value: ReportCell, unit: String = "", note: String = "") {
        self.label = label
        self.value = value
        self.unit = unit
        self.note = note
    }
}

/// A warning printed in a box before the results it qualifies.
public struct ReportCaveat: Sendable, Hashable {
    /// What kind of warning this is; it picks the box's heading (「データ欠損」, 「件数僅少」…).
    public var kind: Kind
    /// The warning itself, e.g. 「2025年8月の取締りデータが未提出」.
    public var text: String

    /// Creates a caveat.
    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    /// The kinds of caveat a report prints.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Months or stations missing from the data (データ欠損).
        case dataGap = "data-gap"
        /// Too few events to conclude anything (件数僅少), e.g. from `CountReliability`.
        case lowCount = "low-count"
        /// A zone chosen for its high count will likely improve anyway (平均への回帰).
        case regressionToMean = "regression-to-mean"
        /// Any other note on method or data (注意).
        case other
    }
}

/// A titled part of a report: its caveats first, then its blocks in order.
public struct ReportSection: Sendable, Hashable {
    /// The section heading (`<h2>`), e.g. 「Check: 事故の推移」.
    public var title: String
    /// Caveats printed under the heading, before every block of the section.
    public var caveats: [ReportCaveat]
    /// The section's content, in order.
    public var blocks: [ReportBlock]

    /// Creates a section; `caveats` defaults to none.
    public init(title: String, caveats: [ReportCaveat] = [], blocks: [ReportBlock]) {
        self.title = title
        self.caveats = caveats
        self.blocks = blocks
    }
}

/// One piece of a section's content.
public enum ReportBlock: Sendable, Hashable {
    /// A paragraph of text.
    case paragraph(String)
    /// A row of KPI cards inside a section.
    case kpis([ReportKPI])
    /// A table (also written as a CSV file).
    case table(ReportTable)
    /// One chart, full width. A chart that only draws the numbers of a table in the same section
    /// (`restatesTable`) is left out of the printed page, where the table says it all and paper is short.
    case chart(ReportChart, restatesTable: Bool = false)
    /// Charts side by side (two heat maps, accidents beside enforcement); they wrap on narrow pages.
    case charts([ReportChart])
    /// Links to other reports of the same run (for `index.html`).
    case links([ReportLink])
}

/// A link from one report to another file written beside it.
///
/// Only a plain file name in the same folder becomes a link (``HTMLRenderer`` checks it against
/// ``safeFileName(_:)``); anything else, such as a URL or a path with `/`, is printed as text.
public struct ReportLink: Sendable, Hashable {
    /// The text shown.
    public var title: String
    /// A file name in the same folder, e.g. `zone_K001.html`.
    public var fileName: String
    /// A short line beside the link (period, station); empty for none.
    public var note: String

    /// Creates a link; `note` defaults to empty.
    public init(title: String, fileName: String, note: String = "") {
        self.title = title
        self.fileName = fileName
        self.note = note
    }
}

extension ReportDocument {
    /// The document with each link's file name passed through `resolve`: a link to a file the run wrote keeps
    /// (or gets) that file's actual name, a link to a file it did not write becomes plain text, so a report never
    /// points at a missing file. Link cells of tables and ``ReportBlock/links(_:)`` entries are both resolved;
    /// the index link is kept only when `resolve` knows it.
    public func resolvingLinks(_ resolve: (String) -> String?) -> ReportDocument {
        var document = self
        document.indexFileName = indexFileName.flatMap(resolve)
        func cell(_ cell: ReportCell) -> ReportCell {
            guard case .link(let text, let fileName) = cell else { return cell }
            return resolve(fileName).map { .link(text, fileName: $0) } ?? .text(text)
        }
        for sectionIndex in document.sections.indices {
            for blockIndex in document.sections[sectionIndex].blocks.indices {
                switch document.sections[sectionIndex].blocks[blockIndex] {
                case .table(var table):
                    table.rows = table.rows.map { $0.map(cell) }
                    table.totals = table.totals.map { $0.map(cell) }
                    document.sections[sectionIndex].blocks[blockIndex] = .table(table)
                case .links(let links):
                    document.sections[sectionIndex].blocks[blockIndex] = .links(
                        links.map { link in
                            var link = link
                            link.fileName = resolve(link.fileName) ?? ""
                            return link
                        })
                default:
                    break
                }
            }
        }
        return document
    }
}
