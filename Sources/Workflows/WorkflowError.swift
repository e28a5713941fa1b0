import BikePDCACore
import Store

/// A failure of a workflow (an import, an analysis, a report run), as one line a user can act on.
///
/// Every front end maps it the same way: ``isUsageError`` to exit status 2, everything else to 1.
public enum WorkflowError: Error, CustomStringConvertible, Sendable {
    /// The database failed.
    case store(StoreError)
    /// No zone has this id (the known ids listed).
    case unknownZone(String, known: [String])
    /// No station has this id (the known stations listed, `58101 (中央)`).
    case unknownStation(String, known: [String])
    /// A station without zones was asked for its zones.
    case stationWithoutZones(String)
    /// A before–after evaluation needs accident data after the designation date.
    case noDataAfterDesignation(LocalDate)
    /// A before–after window (`before` or `after`, its label) the loaded accident data do not reach at all: its
    /// zeros would be missing data, so the evaluation of the station(s) named is refused (データなし).
    case windowWithoutData(window: String, label: String, stationIDs: [String])
    /// The fiscal year to date needs a last day: there are no enforcement records to take it from.
    case noEnforcementRecords
    /// An NPA prefecture code that does not exist.
    case unknownPrefecture(String)
    /// A 補充票 file that does not pair with a 本票 file (the file name, the reason).
    case unpairedHojuhyo(file: String, reason: String)
    /// A file that could not be read (its located message, e.g. `hojuhyo_2019.csv:2:1: error: …`).
    case unreadable(String)
    /// The dataset `--explain` lists is not one of the monthly datasets.
    case notAListableDataset(String)
    /// The output folder or a file in it could not be written.
    case cannotWrite(path: String, reason: String)
    /// A file name would land outside the output folder.
    case outsideOutputFolder(name: String, folder: String)

    public var description: String {
        switch self {
        case .store(let error): "error: \(error)"
        case .unknownZone(let id, let known):
            "error: unknown zone \"\(id)\"; known zones: "
                + (known.isEmpty ? "none (import zones first)" : known.joined(separator: ", "))
        case .unknownStation(let id, let known):
            "error: unknown station \"\(id)\"; known stations: "
                + (known.isEmpty ? "none (import stations first)" : known.joined(separator: ", "))
        case .stationWithoutZones(let id): "error: station \"\(id)\" has no zones"
        case .noDataAfterDesignation(let date): "error: no accident data after the designation date \(date)"
        case .windowWithoutData(let window, let label, let stationIDs):
            "error: no accident data in the \(window) window \(label) (evaluating station "
                + "\(stationIDs.joined(separator: ", "))): missing, not zero; choose --before and --after inside the "
                + "months loaded (bikepdca status)"
        case .noEnforcementRecords: "error: no enforcement records: give --as-of, or import enforcement first"
        case .unknownPrefecture(let code):
            "error: unknown NPA prefecture code '\(code)' (2 digits, NPA numbering, not JIS: e.g. 30 東京, "
                + "52 福井, 62 大阪)"
        case .unpairedHojuhyo(let file, let reason): "\(file): error: \(reason)"
        case .unreadable(let message): message
        case .notAListableDataset(let name):
            "error: --explain takes enforcement, accidents or activities (got \"\(name)\")"
        case .cannotWrite(let path, let reason): "error: cannot write \(path): \(reason)"
        case .outsideOutputFolder(let name, let folder): "error: refusing to write \(name) outside \(folder)"
        }
    }

    /// Whether the user asked for something that cannot be (exit status 2) rather than data or the system failing.
    public var isUsageError: Bool {
        switch self {
        case .unknownPrefecture, .notAListableDataset: true
        default: false
        }
    }

    /// Runs a store-reading body, turning a store failure into ``store(_:)``.
    static func reading<T>(_ body: () throws(StoreError) -> T) throws(WorkflowError) -> T {
        do { return try body() } catch { throw .store(error) }
    }
}
