import Foundation
import Testing

@testable import Rendering

@Suite struct CSVRendererTests {
    static let table = ReportTable(
        caption: "部門別",
        columns: [
            ReportColumn("部門"), ReportColumn("件数", alignment: .trailing), ReportColumn("構成比"),
            ReportColumn("時間"),
        ],
        rows: [
            [.text("交通, 第1係"), .integer(1_234), .percent(0.5345, digits: 1), .decimal(-0.004, digits: 2)],
            [.text("地域"), .missing],
        ],
        totals: [.text("計"), .integer(1_234), .percent(1, digits: 1), .decimal(836.75, digits: 1)],
        denominatorNote: "件数 (分母: 当該期間の全取締件数)")

    @Test func writesBOMCRLFAndPlainNumbersByDefault() {
        let bytes = CSVRenderer().csv(for: Self.table)
        let expected =
            "\u{FEFF}部門,件数,構成比 (%),時間\r\n\"交通, 第1係\",1234,53.5,0.00\r\n地域,,,\r\n計,1234,100.0,836.8\r\n\r\n"
            + "件数 (分母: 当該期間の全取締件数)\r\n"
        #expect(bytes == Array(expected.utf8))
    }

    @Test("numbers stay numbers (a negative percentage too); only formula-like text is neutralised")
    func numbersAreNumbersAndTextIsNeutralised() {
        let table = ReportTable(
            caption: "増減",
            columns: [
                ReportColumn("名前"), ReportColumn("増減率"), ReportColumn("実施率 %"), ReportColumn("差"),
                ReportColumn("青切符"),
            ],
            rows: [
                [
                    .text("=HYPERLINK(\"x\")"), .percent(-0.109, digits: 1), .percent(-0.5, digits: 1), .integer(-3),
                    .notApplicable("制度開始前"),
                ],
                [.text("-減少"), .percent(0.25, digits: 1), .missing, .decimal(-0.25, digits: 2), .integer(4)],
                [.text("+1"), .missing, .missing, .missing, .missing],
                [.text("@SUM(A1)"), .missing, .missing, .missing, .missing],
                [.text("\tタブ"), .missing, .missing, .missing, .missing],
                [.link("中央警察署", fileName: "station_58101.html"), .missing, .missing, .missing, .missing],
                [.text("中央 -1"), .missing, .missing, .missing, .missing],
            ],
            denominatorNote: "-分母")
        let text = String(decoding: CSVRenderer(writesByteOrderMark: false).csv(for: table), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        // A percentage column gets "(%)" unless its heading already says %; the values are plain numbers.
        #expect(lines[0] == "名前,増減率 (%),実施率 %,差,青切符")
        #expect(lines[1] == "\"'=HYPERLINK(\"\"x\"\")\",-10.9,-50.0,-3,")
        #expect(lines[2] == "'-減少,25.0,,-0.25,4")
        #expect(lines[3] == "'+1,,,,")
        #expect(lines[4] == "'@SUM(A1),,,,")
        #expect(lines[5] == "'\tタブ,,,,")
        #expect(lines[6] == "中央警察署,,,,")
        #expect(lines[7] == "中央 -1,,,,")
        #expect(lines[9] == "'-分母")
    }

    @Test func canLeaveOutTheBOM() {
        let bytes = CSVRenderer(writesByteOrderMark: false).csv(for: Self.table)
        #expect(Array(bytes.prefix(3)) == Array("部".utf8))
    }

    @Test func oneFilePerTableWithSafeUniqueNames() throws {
        var document = SampleReport.document(language: .ja)
        document.sections[0].blocks.append(
            .table(
                ReportTable(
                    caption: "../../etc/passwd", columns: [], rows: [],
                    denominatorNote: "")))
        let files = CSVRenderer().files(for: document, baseName: "zone/../K001")
        #expect(
            files.map(\.fileName) == [
                "zone_K001_01_指定前後の事故件数.csv", "zone_K001_02_etc_passwd.csv",
                "zone_K001_03_部門別の取締件数と従事時間.csv",
            ])
        let folder = URL(fileURLWithPath: "/tmp/out", isDirectory: true)
        for file in files {
            #expect(
                folder.appendingPathComponent(file.fileName).standardized.deletingLastPathComponent().path == "/tmp/out"
            )
        }
    }

    @Test(arguments: [
        ("../../etc/passwd", "etc_passwd"),
        ("..", "report"),
        (".", "report"),
        ("", "report"),
        ("/", "report"),
        ("a/b\\c", "a_b_c"),
        ("..\\..\\Windows\\system32", "Windows_system32"),
        ("zone/../K001", "zone_K001"),
        ("a_.b", "a_b"),
        ("C:\\boot.ini", "C_boot.ini"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("com1", "_com1"),
        ("name\u{202E}gpj.exe", "name_gpj.exe"),
        ("tab\there\nnew\u{0}nul\u{7F}", "tab_here_new_nul"),
        (".hidden", "hidden"),
        ("a....b..c", "a.b.c"),
        ("駅前通り（上り）／下り", "駅前通り（上り）_下り"),
        ("重点地区 第1号: 横浜駅西口*?<>|\"", "重点地区_第1号_横浜駅西口"),
        ("  spaced  ", "spaced"),
        ("～令和7年度～", "～令和7年度～"),
    ])
    func safeFileNameNeutralisesHostileNames(_ input: String, _ expected: String) {
        let name = safeFileName(input)
        #expect(name == expected)
        #expect(!name.contains("/") && !name.contains("\\") && !name.contains(".."))
        #expect(!name.hasPrefix("."))
        #expect(name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
        let folder = URL(fileURLWithPath: "/tmp/out", isDirectory: true)
        #expect(
            folder.appendingPathComponent(name + ".csv").standardized.deletingLastPathComponent().path == "/tmp/out")
    }

    @Test func safeFileNameCutsLongNamesOnACharacterBoundary() {
        let name = safeFileName(String(repeating: "駅", count: 100))
        // 150 bytes: 47 kanji (141 bytes), `~` and eight hex digits of the whole name's hash.
        #expect(name.hasPrefix(String(repeating: "駅", count: 47) + "~"))
        #expect(name.utf8.count == 150)
        #expect(name.suffix(8).allSatisfy { $0.isHexDigit })
    }

    @Test("two long ids that share their first 150 bytes get two file names")
    func longIDsSharingAPrefixStayApart() {
        let first = safeFileName("zone_" + String(repeating: "重", count: 50) + "1")
        let second = safeFileName("zone_" + String(repeating: "重", count: 50) + "2")
        #expect(first != second)
        #expect(first.utf8.count <= 150 && second.utf8.count <= 150)
        // Short names are untouched.
        #expect(safeFileName("zone_58101-D01") == "zone_58101-D01")
    }

    @Test("every table of a document with a 48-kanji id gets its own CSV file, numbered")
    func csvNamesOfALongBaseStayDistinct() {
        let tables = (1...7).map { number in
            ReportBlock.table(
                ReportTable(
                    caption: "表\(number) " + String(repeating: "長", count: 40), columns: [ReportColumn("a")],
                    rows: [[.integer(number)]], denominatorNote: ""))
        }
        let document = ReportDocument(
            title: "t", generatedAt: "2026-12-01", sections: [ReportSection(title: "s", blocks: tables)])
        let files = CSVRenderer().files(for: document, baseName: "zone_" + String(repeating: "重", count: 48))
        #expect(files.count == 7)
        #expect(Set(files.map(\.fileName)).count == 7)
        for (index, file) in files.enumerated() {
            #expect(file.fileName.contains("_0\(index + 1)_"))
            #expect(file.fileName.utf8.count <= 255)
        }
    }
}

@Suite struct NumberFormatTests {
    @Test("ties round half away from zero (四捨五入) in reports and the metrics table alike")
    func tiesRoundAwayFromZero() {
        // 186.25 and 113.25 are exact in binary: printf's %.1f gave 186.2 and 113.2.
        #expect(NumberFormat.fixed(186.25, digits: 1, grouping: false) == "186.3")
        #expect(NumberFormat.fixed(-2.25, digits: 1) == "-2.3")
        #expect(NumberFormat.fixed(-0.04, digits: 1) == "0.0")
        #expect(NumberFormat.signedPercent(12.25) == "+12.3%")
        #expect(NumberFormat.signedPercent(-3) == "-3.0%")
        #expect(NumberFormat.signedPercent(0.04) == "0.0%")
    }

    @Test(arguments: [
        (0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567"), (-1_234, "-1,234"),
        (Int.min, "-9,223,372,036,854,775,808"),
    ])
    func groupsThousands(_ value: Int, _ expected: String) {
        #expect(NumberFormat.grouped(value) == expected)
    }

    @Test(arguments: [
        (0.125, 2, "0.13"), (-0.125, 2, "-0.13"), (-0.004, 2, "0.00"), (1_234.5, 2, "1,234.50"), (0.5, 0, "1"),
        (2.5, 0, "3"), (12.345_678, 3, "12.346"), (Double.infinity, 1, "∞"), (-Double.infinity, 1, "-∞"),
        (Double.nan, 1, "—"), (1e20, 2, "1e+20"),
    ])
    func printsFixedDecimals(_ value: Double, _ digits: Int, _ expected: String) {
        #expect(NumberFormat.fixed(value, digits: digits) == expected)
    }

    @Test func chartAxesUseRoundSteps() {
        #expect(ChartScale(largest: 30).ticks == [0, 10, 20, 30])
        #expect(ChartScale(largest: 3).ticks == [0, 1, 2, 3])
        #expect(ChartScale(largest: 0).maximum == 1)
        #expect(ChartScale(largest: 1_284).ticks == [0, 500, 1_000, 1_500])
        #expect(ChartScale(largest: 1.728, minimum: 0.1).ticks == [0, 0.5, 1, 1.5, 2])
        #expect(ChartScale(largest: 1.728, minimum: 0.1).digits == 1)
    }
}
