/// A problem that stops a CSV file from being read at all (as opposed to a bad cell).
public struct CSVReadError: Error, CustomStringConvertible, Sendable {
    /// The file as the user named it.
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    /// What went wrong, in one sentence.
    public let reason: String

    /// Creates an error.
    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { "\(file):\(line): error: \(reason)" } else { "\(file): error: \(reason)" }
    }
}
