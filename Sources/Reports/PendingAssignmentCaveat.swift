import Rendering

/// The caveat every report carries while a zone assignment by position is pending (位置による重点への割当てが未完了):
/// records with a position but no zone id are not yet counted in their zones.
public enum PendingAssignmentCaveat {
    /// The caveat for an assignment due since the import of `fileName` at `importedAt`.
    public static func caveat(sinceImportOf fileName: String, at importedAt: String, language: ReportLanguage)
        -> ReportCaveat
    {
        let w = Wording(language: language)
        return ReportCaveat(
            kind: .dataGap,
            text: w(
                "\(fileName) (\(importedAt)) の取込み以降、位置による重点への割当てが終わっていません。位置はあるが重点の記入がない記録はまだ重点に数えられておらず、重点別の件数は少なく出ていることがあります。次の取込み、または割当ての実行 (bikepdca assign) で完了します。",
                "Placing records in zones by their position has been pending since the import of \(fileName) "
                    + "(\(importedAt)): records with a position but no zone are not yet counted in their zones, so "
                    + "counts by zone may be too low. The next import, or running bikepdca assign, completes it."))
    }
}
