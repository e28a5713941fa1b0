import Foundation
import Rendering
import TestFolders
import Testing
import Workflows

/// Report files: unique names by construction, whole files, never through a planted link.
@Suite("Report files in the output folder")
struct ReportFileWriterTests {
    static func document(_ title: String) -> ReportDocument {
        ReportDocument(
            title: title, generatedAt: "2026-12-01",
            sections: [
                ReportSection(
                    title: "s",
                    blocks: [
                        .table(
                            ReportTable(
                                caption: "表", columns: [ReportColumn("a")], rows: [[.text(title)]],
                                denominatorNote: ""))
                    ])
            ])
    }

    @Test(
        "two zone ids sharing their first 150 bytes: both written, no hang", .timeLimit(.minutes(1)))
    func longIDsSharingAPrefix() throws {
        let folder = try TestFolders.make("report-names")
        let writer = try ReportFileWriter(output: ReportOutput(folder: folder.path))
        let first = try writer.write(Self.document("1"), baseName: "zone_" + String(repeating: "重", count: 50) + "1")
        let second = try writer.write(Self.document("2"), baseName: "zone_" + String(repeating: "重", count: 50) + "2")
        #expect(first != second)
        // Two HTML files and two CSV files, each with its own content.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.filter { $0.hasSuffix(".html") }.count == 2)
        #expect(names.filter { $0.hasSuffix(".csv") }.count == 2)
        #expect(writer.filesWritten == 4)
    }

    @Test("the same base written twice, or differing only in case, gets a second name", .timeLimit(.minutes(1)))
    func duplicatesAndCase() throws {
        let folder = try TestFolders.make("report-names")
        let writer = try ReportFileWriter(output: ReportOutput(folder: folder.path))
        let names = try ["zone_ABC", "zone_abc", "zone_ABC"].map { try writer.write(Self.document($0), baseName: $0) }
        #expect(names == ["zone_ABC.html", "zone_abc_2.html", "zone_ABC_3.html"])
        #expect(Set(names.map { $0.lowercased() }).count == 3)
    }

    @Test("a symbolic link planted at a report's name is replaced, the file it points to is untouched")
    func symbolicLinksAreNotFollowed() throws {
        let folder = try TestFolders.make("report-links")
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("keep me".utf8).write(to: victim)
        try FileManager.default.createSymbolicLink(
            atPath: out.appendingPathComponent("zone_58101-D01.html").path, withDestinationPath: victim.path)
        try FileManager.default.createSymbolicLink(
            atPath: out.appendingPathComponent("zone_58101-D01_01_表.csv").path, withDestinationPath: victim.path)
        let writer = try ReportFileWriter(output: ReportOutput(folder: out.path))
        try writer.write(Self.document("report"), baseName: "zone_58101-D01")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me")
        for name in ["zone_58101-D01.html", "zone_58101-D01_01_表.csv"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)
            #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        }
        let html = try String(contentsOf: out.appendingPathComponent("zone_58101-D01.html"), encoding: .utf8)
        #expect(html.contains("<html") && html.contains("report") && !html.contains("keep me"))
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).allSatisfy { !$0.hasPrefix(".") })
    }
}
