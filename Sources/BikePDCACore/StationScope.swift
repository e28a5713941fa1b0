/// The stations of one prefecture (or a run of NPA prefecture codes, such as Hokkaido's 10–14), or one station,
/// by their ids: a station id is the two-digit NPA prefecture code followed by the three-digit station code.
///
/// A database may hold several prefectures (the national data set holds all 47); a scope keeps an analysis to
/// one force's stations, and the store reads only their rows.
public struct StationScope: Hashable, Sendable, CustomStringConvertible {
    /// The smallest station id in scope.
    public let lowerBound: String
    /// The smallest station id above the scope (ids below it and from ``lowerBound`` are in scope).
    public let upperBound: String
    /// `30`, `10-14`, or a station id.
    public let description: String

    /// Parses `30` (one code) or `10-14` (a run of codes); `nil` unless the codes are two-digit numbers 1…99.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
            parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let first = Int(parts[0]), let last = Int(parts[parts.count - 1]), first >= 1, first <= last
        else { return nil }
        lowerBound = Self.pad(first) + "000"
        upperBound = last == 99 ? "99999~" : Self.pad(last + 1) + "000"
        description = first == last ? Self.pad(first) : "\(Self.pad(first))-\(Self.pad(last))"
    }

    /// The one station `stationID` (a report on one of its zones reads nothing else).
    public init(station stationID: String) {
        lowerBound = stationID
        // The next string after the id in byte order: no other id lies between the two.
        upperBound = stationID + "\u{1}"
        description = stationID
    }

    /// Whether the station with `stationID` is in scope.
    public func contains(_ stationID: String) -> Bool { stationID >= lowerBound && stationID < upperBound }

    private static func pad(_ code: Int) -> String { code < 10 ? "0\(code)" : String(code) }
}

extension Optional where Wrapped == StationScope {
    /// Whether the station with `stationID` is in scope; with no scope, every station is.
    public func includes(_ stationID: String) -> Bool { self?.contains(stationID) ?? true }
}
