import BikePDCACore
import CSVSupport
import Store

/// The records behind a figure (`metrics --explain`), as CSV written in chunks so memory stays flat however
/// many records match.
public enum RecordListing {
    /// Writes the records of `datasetName` (enforcement, accidents or activities) matching `filter` as CSV
    /// chunks to `output`; returns the dataset listed and the number of records.
    public static func write(
        _ datasetName: String, store: RecordStore, filter: RecordFilter, to output: ([UInt8]) -> Void
    ) throws(WorkflowError) -> (dataset: DatasetKind, count: Int) {
        guard let dataset = DatasetKind(rawValue: datasetName), dataset.isMonthly else {
            throw .notAListableDataset(datasetName)
        }
        var writer = CSVWriter(writesByteOrderMark: false)
        writer.appendRow(header(dataset))
        var pending = 0
        let count = try WorkflowError.reading { () throws(StoreError) in
            try store.explainRecords(dataset, matching: filter) { record in
                writer.appendRow(cells(record))
                pending += 1
                // Flushed every few thousand rows.
                if pending >= 4096 {
                    output(writer.data)
                    writer = CSVWriter(writesByteOrderMark: false)
                    pending = 0
                }
            }
        }
        output(writer.data)
        return (dataset, count)
    }

    /// The records of `datasetName` matching `filter` as text cells, the first `limit` of them (the same columns
    /// as ``write(_:store:filter:to:)``), and how many match in all.
    public static func table(
        _ datasetName: String, store: RecordStore, filter: RecordFilter, limit: Int
    ) throws(WorkflowError) -> (dataset: DatasetKind, header: [String], rows: [[String]], count: Int) {
        guard let dataset = DatasetKind(rawValue: datasetName), dataset.isMonthly else {
            throw .notAListableDataset(datasetName)
        }
        var rows: [[String]] = []
        let count = try WorkflowError.reading { () throws(StoreError) in
            try store.explainRecords(dataset, matching: filter) { record in
                if rows.count < limit { rows.append(cells(record)) }
            }
        }
        return (dataset, header(dataset), rows, count)
    }

    /// The listing's column names.
    private static func header(_ dataset: DatasetKind) -> [String] {
        ["record_id", "date", "time", "station", "zone_id"] + RecordStore.explainedFieldNames(dataset)
            + ["source_file", "source_line"]
    }

    /// One record's cells.
    private static func cells(_ record: ExplainedRecord) -> [String] {
        [record.recordID, record.date.description, record.time ?? "", record.stationID, record.zoneID ?? ""]
            + record.fields + [record.sourceFile, String(record.sourceLine)]
    }
}
