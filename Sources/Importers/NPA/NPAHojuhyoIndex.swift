import BikePDCACore
import CSVSupport

/// What the importer needs from NPA 補充票 (hojuhyo) files: which accidents have a bicycle (当事者種別 51/52)
/// among their further persons, keyed `PP:SSS:NNNN` (prefecture, station, report number) within one release.
public struct NPAHojuhyoIndex: Sendable {
    /// Report keys (`PP:SSS:NNNN`) with at least one bicycle person.
    public var bicycleKeys: Set<String> = []
    /// Rows read (after the prefecture filter).
    public var rows = 0
    /// Bicycle persons read.
    public var bicyclePersons = 0

    /// An empty index.
    public init() {}

    /// An index of the given keys, e.g. the ones an earlier import stored.
    public init(bicycleKeys: Set<String>) { self.bicycleKeys = bicycleKeys }

    /// Adds another file's index.
    public mutating func merge(_ other: NPAHojuhyoIndex) {
        bicycleKeys.formUnion(other.bicycleKeys)
        rows += other.rows
        bicyclePersons += other.bicyclePersons
    }

    /// Every column a 補充票 may have: the 15 of 2019–2021, plus サポカー and the renamed 車両形状等 from 2022.
    static let knownColumns = [
        "資料区分", "都道府県コード", "警察署等コード", "本票番号", "補充票番号", "当事者種別", "乗車別", "乗車等の区分",
        "エアバッグの装備", "サイドエアバッグの装備", "人身損傷程度", "用途別", "車両形状", "車両形状等", "サポカー",
        "車両の衝突部位", "車両の損壊程度",
    ]
    private static let requiredColumns = ["資料区分", "都道府県コード", "警察署等コード", "本票番号", "当事者種別"]

    /// Reads a 補充票 file (CP932 as published, or a UTF-8 copy), keeping the rows of `prefecture` (all when
    /// `nil`). Throws on an unknown header, naming the unexpected columns.
    public static func read(path: String, displayName: String? = nil, prefecture: String? = nil) throws(ImportError)
        -> NPAHojuhyoIndex
    {
        let name = displayName ?? path
        var index = NPAHojuhyoIndex()
        var columns: (prefecture: Int, station: Int, report: Int, partyType: Int, count: Int)?
        do {
            let reader = try CSVFileReader(path: path, displayName: name)
            try reader.forEachRecord { record in
                guard let layout = columns else {
                    columns = try Self.layout(of: record.fields, file: name)
                    return
                }
                guard record.fields.count == layout.count else {
                    throw ImportError(
                        file: name, line: record.line, column: nil,
                        message: "expected \(layout.count) fields as in the header, found \(record.fields.count)")
                }
                let fields = record.fields
                let prefectureCode = TextNormalization.trimmed(fields[layout.prefecture])
                if let prefecture, prefectureCode != prefecture { return }
                index.rows += 1
                let partyType = TextNormalization.trimmed(fields[layout.partyType])
                guard NPACodeTables.bicyclePartyTypes.contains(partyType) else { return }
                index.bicyclePersons += 1
                index.bicycleKeys.insert(
                    NPAAccidentRecord.reportKey(
                        prefecture: prefectureCode, station: TextNormalization.trimmed(fields[layout.station]),
                        report: TextNormalization.trimmed(fields[layout.report])))
            }
        } catch let error as ImportError {
            throw error
        } catch let error as CSVReadError {
            throw ImportError(file: name, line: error.line, column: error.column, message: error.reason)
        } catch {
            throw ImportError(file: name, message: String(describing: error))
        }
        if columns == nil { throw ImportError(file: name, message: "the file is empty: no 補充票 header") }
        return index
    }

    private static func layout(of header: [String], file: String) throws(ImportError)
        -> (prefecture: Int, station: Int, report: Int, partyType: Int, count: Int)
    {
        let keys = header.map(TextNormalization.headerKey)
        let known = Set(knownColumns.map(TextNormalization.headerKey))
        let unexpected = keys.indices.filter { !known.contains(keys[$0]) }
        let missing = requiredColumns.filter { !keys.contains(TextNormalization.headerKey($0)) }
        guard unexpected.isEmpty, missing.isEmpty else {
            var parts: [String] = []
            if !unexpected.isEmpty {
                parts.append(
                    "unexpected column\(unexpected.count == 1 ? "" : "s") "
                        + unexpected.prefix(10).map { "\($0 + 1) \"\(header[$0])\"" }.joined(separator: ", "))
            }
            if !missing.isEmpty { parts.append("missing " + missing.map { "\"\($0)\"" }.joined(separator: ", ")) }
            throw ImportError(
                file: file, line: 1, column: nil,
                message: "not an NPA 補充票 (hojuhyo) header of a known layout: " + parts.joined(separator: "; "))
        }
        func column(_ name: String) -> Int { keys.firstIndex(of: TextNormalization.headerKey(name)) ?? 0 }
        return (column("都道府県コード"), column("警察署等コード"), column("本票番号"), column("当事者種別"), keys.count)
    }
}
