import BikePDCACore
import Foundation
import Importers

extension FuzzEntryPoints {
    /// A mapping profile (YAML or JSON through Yams) loaded for the enforcement dataset; a profile that loads is
    /// then used to read ``profileSample``, so its column renames, value maps, date format, era and constants
    /// all meet real rows. Files go to `directory`.
    public static func profile(_ data: Data, directory: URL) throws(FuzzFailure) {
        guard let path = write(data, named: "profile.yaml", in: directory) else { return }
        let profile: MappingProfile
        do {
            profile = try MappingProfile.load(path: path, for: .enforcement)
        } catch {
            try check(
                !error.diagnostics.isEmpty && error.diagnostics.allSatisfy { !$0.message.isEmpty },
                "profile: an ImportError without a message")
            return
        }
        guard let sample = write(Data(profileSample.utf8), named: "sample.csv", in: directory) else { return }
        try readDataset(
            path: sample, dataset: .enforcement, profile: profile, lineCount: lines(in: Data(profileSample.utf8)))
    }

    /// An enforcement export in a station's own layout: Japanese headers, a 和暦 and a compact date, a
    /// personal-data column.
    static let profileSample = """
        番号,日付,時刻,署,部門,違反,措置,車種,氏名,備考
        K001,20250401,0930,中央,交通,一時停止違反,警告,自転車,山田 太郎,
        K002,R7.4.2,9時半,港北,地域,信号無視,指導警告,,,再
        K003,令和7年4月3日,18:05,60101,交通,右側通行,検挙,電動自転車,,

        """
}
