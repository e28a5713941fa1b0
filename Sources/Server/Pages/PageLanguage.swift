import Rendering

/// The language of the app's pages (表示言語): Japanese unless the user switched to English.
struct PageLanguage: Sendable {
    let language: ReportLanguage

    /// The Japanese or the English text.
    func callAsFunction(_ japanese: String, _ english: String) -> String {
        language == .ja ? japanese : english
    }
}
