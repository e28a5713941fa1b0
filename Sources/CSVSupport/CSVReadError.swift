/// A problem that stops a CSV file from being read at all (as opposed to a bad cell).
public struct CSVReadError: Error, CustomStringConvertible, Sendable {
    /// The file as the user named it.
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    /// 1-based column of the line, counted in characters (Unicode scalars), when the problem is one place of the
    /// text (a byte the encoding does not allow); `nil` otherwise.
    public let column: Int?
    /// What went wrong, in one sentence.
    public let reason: String

    /// Creates an error; `column` defaults to `nil`.
    public init(file: String, line: Int?, column: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): error: \(reason)"
    }
}
