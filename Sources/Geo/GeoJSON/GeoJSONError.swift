import Foundation

/// A GeoJSON input problem as one sentence that says where it is (`feature 3: polygon ring 1 is not closed ...`).
public struct GeoJSONError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The message shown to the user, without an `Error:` prefix.
    public let message: String

    /// Creates an error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// The message, for `localizedDescription`.
    public var errorDescription: String? { message }

    /// The same problem, located in the feature at 1-based `index` of a collection.
    func inFeature(_ index: Int) -> GeoJSONError {
        GeoJSONError("feature \(index): \(message)")
    }
}
