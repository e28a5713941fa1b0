/// The datasets BikePDCA keeps (formats in docs/DATASETS.md).
public enum DatasetKind: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Police stations (警察署).
    case stations
    /// Priority districts and routes (重点地区・路線).
    case zones
    /// Warnings and tickets (指導取締り).
    case enforcement
    /// Bicycle accidents (自転車関連事故).
    case accidents
    /// Operations held (活動実績, Do).
    case activities
    /// Plans (計画, Plan).
    case plans

    public var description: String { rawValue }

    /// Whether records of this dataset belong to a month and station (so months can be missing).
    public var isMonthly: Bool { self == .enforcement || self == .accidents || self == .activities }
}
