/// Where each canonical column of a dataset is found in a file: a field index, or a constant.
struct HeaderLayout {
    enum Source {
        case field(Int, header: String)
        case constant(String)
    }

    /// Each column the file provides (a dataset has at most 16), with where it comes from.
    let sources: [(column: String, source: Source)]
    let headerCount: Int
    let warnings: [ImportDiagnostic]

    /// Where `column` comes from; `nil` when the file has no such column.
    ///
    /// Asked for every cell of every row: a dataset has at most 16 columns, whose names are short ASCII strings
    /// that compare in a few instructions, so a scan of the list costs less than hashing the name for a
    /// dictionary (that hashing took a tenth of the reading thread's time on a large import).
    func source(of column: String) -> Source? {
        for entry in sources where entry.column == column { return entry.source }
        return nil
    }

    /// Headers that look like personal data. The importer never stores unmapped columns; these get a warning, and
    /// a mapping profile may not map them onto a stored column.
    static let personalDataMarkers = ["氏名", "名前", "住所", "電話", "免許証", "生年月日", "name_kana", "address", "phone"]
    /// The markers as header keys (`name_kana` → `namekana`), to compare with a header's key.
    private static let personalDataKeys = personalDataMarkers.map { (TextNormalization.headerKey($0), $0) }

    /// The personal-data marker found in a header key (see ``TextNormalization/headerKey(_:)``), if any.
    static func personalDataMarker(inHeaderKey key: String) -> String? {
        personalDataKeys.first { key.contains($0.0) }?.1
    }

    /// Resolves the header row; throws when a required column is missing or two headers claim one column.
    init(header: [String], dataset: Dataset, profile: MappingProfile, file: String) throws(ImportError) {
        var keyToColumn: [String: String] = [:]
        for column in dataset.columns {
            keyToColumn[TextNormalization.headerKey(column.name)] = column.name
            for alias in column.aliases { keyToColumn[TextNormalization.headerKey(alias)] = column.name }
        }
        for (key, column) in profile.columns { keyToColumn[key] = column }

        var sources: [String: Source] = [:]
        var errors: [ImportDiagnostic] = []
        var warnings: [ImportDiagnostic] = []
        var ignored: [String] = []
        for (index, raw) in header.enumerated() {
            let key = TextNormalization.headerKey(raw)
            if key.isEmpty { continue }
            guard let column = keyToColumn[key] else {
                if Self.personalDataMarker(inHeaderKey: key) != nil {
                    warnings.append(
                        ImportDiagnostic(
                            file: file, line: 1, column: index + 1, severity: .warning,
                            message: "column \"\(raw)\" looks like personal data; it is not imported or stored"))
                } else {
                    ignored.append("\"\(raw)\"")
                }
                continue
            }
            if case .field(let other, let otherHeader)? = sources[column] {
                errors.append(
                    ImportDiagnostic(
                        file: file, line: 1, column: index + 1,
                        message: "columns \"\(otherHeader)\" (column \(other + 1)) and \"\(raw)\" both mean "
                            + "\(column); keep one"))
            }
            sources[column] = .field(index, header: raw)
        }
        for (column, value) in profile.constants {
            if case .field(let index, let raw)? = sources[column] {
                warnings.append(
                    ImportDiagnostic(
                        file: file, line: 1, column: index + 1, severity: .warning,
                        message: "column \"\(raw)\" is replaced by the profile's constant \(column) = \(value)"))
            }
            sources[column] = .constant(value)
        }
        for column in dataset.columns where column.required && sources[column.name] == nil {
            let accepted = ([column.name] + column.aliases).map { "\"\($0)\"" }.joined(separator: ", ")
            errors.append(
                ImportDiagnostic(
                    file: file, line: 1, column: nil,
                    message: "missing required column \(column.name) for \(dataset) (accepted headers: \(accepted); "
                        + "or map another column to it with --mapping)"))
        }
        if !ignored.isEmpty {
            warnings.append(
                ImportDiagnostic(
                    file: file, line: 1, column: nil, severity: .warning,
                    message: "columns not imported (not part of \(dataset)): "
                        + ignored.prefix(10).joined(separator: ", ")
                        + (ignored.count > 10 ? " and \(ignored.count - 10) more" : "")))
        }
        if !errors.isEmpty { throw ImportError(errors) }
        self.sources = sources.map { ($0.key, $0.value) }
        self.headerCount = header.count
        self.warnings = warnings
    }
}
