import BikePDCACore

/// The datasets a sample set contains.
public enum SampleDataset: String, CaseIterable, Hashable, Sendable {
    /// Police stations (警察署).
    case stations
    /// Priority districts and routes (重点地区・路線).
    case zones
    /// Enforcement records (指導取締り).
    case enforcement
    /// Bicycle-related accidents (自転車関連事故).
    case accidents
    /// Activities held (活動実績, Do).
    case activities
    /// Plans (計画, Plan).
    case plans
}

/// What ``SampleDataWriter/writeSampleSet(to:configuration:)`` wrote.
public struct SampleSummary: Hashable, Sendable, CustomStringConvertible {
    /// One written file.
    public struct File: Hashable, Sendable {
        /// What a file is for.
        public enum Role: String, Hashable, Sendable {
            /// Sample data to import.
            case data
            /// The same data as another file in another format (zones.geojson beside zones.csv).
            case alternativeFormat
            /// A file with deliberate errors, to show the importer's messages.
            case errorExample
            /// A foreign-layout file (or its mapping profile) for the mapping importer.
            case mappingExample
            /// A README.
            case documentation
        }

        /// The path relative to the sample folder, with `/` separators (e.g. `enforcement/enforcement_2025-04.csv`).
        public let path: String
        /// The dataset the file holds, if any.
        public let dataset: SampleDataset?
        /// Records in the file (CSV rows after the header, GeoJSON features), or `nil` for documentation.
        public let rows: Int?
        /// How the file is encoded.
        public let encoding: SampleEncoding
        /// What the file is for.
        public let role: Role
    }

    /// The files, in the order they were written.
    public let files: [File]

    /// Records per dataset in the importable sample files (zones counted once, not once per format).
    public func rowCount(of dataset: SampleDataset) -> Int {
        files.reduce(0) { total, file in
            file.role == .data && file.dataset == dataset ? total + (file.rows ?? 0) : total
        }
    }

    /// One line per dataset, then the file count.
    public var description: String {
        var lines = SampleDataset.allCases.map { dataset in
            let count = files.filter { $0.role == .data && $0.dataset == dataset }.count
            return "\(dataset.rawValue): \(rowCount(of: dataset)) rows in \(count) file\(count == 1 ? "" : "s")"
        }
        lines.append("\(files.count) files written")
        return lines.joined(separator: "\n")
    }
}
