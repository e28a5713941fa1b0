import BikePDCACore

/// Why writing sample data failed.
public enum SampleGeneratorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A folder could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// A file could not be opened, written or closed.
    case cannotWrite(path: String, reason: String)
    /// Text could not be converted to CP932 (Shift_JIS as Excel writes it).
    case cannotEncode(path: String, reason: String)
    /// The configuration asks for something impossible (e.g. a negative row count).
    case invalidConfiguration(String)

    /// One line, for the CLI's `Error: …`.
    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason): "cannot create folder \(path): \(reason)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .cannotEncode(let path, let reason): "cannot encode \(path) as CP932: \(reason)"
        case .invalidConfiguration(let reason): "invalid sample configuration: \(reason)"
        }
    }
}
