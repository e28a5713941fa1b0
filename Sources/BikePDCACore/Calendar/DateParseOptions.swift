/// How ``JapaneseDateParser`` reads a date column.
///
/// The default, ``automatic``, recognises every documented form (`2025-04-01`, `2025/4/1`, `20250401`,
/// `2025年4月1日`, `令和7年4月1日`, `R7.4.1`, …) and needs no settings.
public struct DateParseOptions: Hashable, Sendable {
    /// An explicit layout, or `nil` (the default) to recognise the documented forms automatically.
    ///
    /// Fields: `yyyy` a four-digit Gregorian year; `yy` a two-digit year (an era year when ``defaultEra`` is
    /// set, else 20yy); `y` a year of one to four digits (four digits are Gregorian, fewer are era years and
    /// need ``defaultEra`` or a `G` field); `MM` / `dd` exactly two digits; `M` / `d` one or two digits;
    /// `G` an era name or initial (令和, R), after which the year is an era year (元 allowed). Any other
    /// character must appear as written, e.g. `yyyyMMdd`, `yyyy/M/d`, `M/d/yyyy`, `yy.M.d`, `Gy年M月d日`.
    /// Full-width input is folded to ASCII first, and a trailing midnight time (`0:00:00`) is allowed.
    public var pattern: String?

    /// The era that bare one- or two-digit years belong to, or `nil` (the default) to reject such years.
    ///
    /// With `.reiwa`, `7/4/1` and `7年4月1日` are 令和7年4月1日 (2025-04-01). Four-digit years stay Gregorian
    /// and an explicit era (`H31.4.30`) wins.
    public var defaultEra: JapaneseEra?

    /// Creates options; both settings default to `nil` (automatic recognition, no default era).
    public init(pattern: String? = nil, defaultEra: JapaneseEra? = nil) {
        self.pattern = pattern
        self.defaultEra = defaultEra
    }

    /// Recognise the documented forms, with no default era.
    public static let automatic = DateParseOptions()
}
