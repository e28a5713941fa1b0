import Rendering

/// How a report is written: its language and the time printed as "generated at" (never read from the clock, so
/// the same data gives the same bytes).
public struct ReportSettings: Sendable, Hashable {
    /// Japanese (default) or English.
    public var language: ReportLanguage
    /// The text printed after 「作成日時」, e.g. `2026-04-15 09:00`.
    public var generatedAt: String

    /// Creates the settings; the language defaults to Japanese.
    public init(language: ReportLanguage = .ja, generatedAt: String) {
        self.language = language
        self.generatedAt = generatedAt
    }
}
