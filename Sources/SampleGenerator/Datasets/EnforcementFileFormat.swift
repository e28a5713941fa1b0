import BikePDCACore

/// The three layouts the monthly enforcement files come in, one per fiscal year, as stations really send them.
enum EnforcementFileFormat {
    /// DATASETS.md's English headers and ISO dates, UTF-8, LF (fiscal 2025–2026 and the benchmark).
    case canonical
    /// English headers with 和暦 dates (令和5年4月1日), UTF-8 with BOM, CR LF (fiscal 2023).
    case reiwaDates
    /// Japanese headers and values (交通, 指導警告, 信号無視), `2024/4/1` dates, station names (中央警察署),
    /// a different column order, CP932, CR LF (fiscal 2024).
    case japanese

    static func forMonth(_ month: YearMonth) -> EnforcementFileFormat {
        switch month.fiscalYear {
        case 2023: .reiwaDates
        case 2024: .japanese
        default: .canonical
        }
    }

    var encoding: SampleEncoding {
        switch self {
        case .canonical: .utf8
        case .reiwaDates: .utf8WithBOM
        case .japanese: .cp932
        }
    }

    var usesCRLF: Bool { self != .canonical }

    static let canonicalHeader = [
        "record_id", "date", "time", "station", "department", "zone_id", "latitude", "longitude", "violation",
        "outcome", "vehicle", "age_band", "operation_id",
    ]

    var header: [String] {
        switch self {
        case .canonical, .reiwaDates:
            EnforcementFileFormat.canonicalHeader
        case .japanese:
            ["記録番号", "日付", "時刻", "警察署", "部門", "違反種別", "措置", "車種", "年齢層", "地区路線ID", "緯度", "経度", "活動ID"]
        }
    }
}

/// Writes enforcement drafts as CSV rows, with the bytes of every repeated value computed once.
struct EnforcementRowWriter {
    let world: SampleWorld
    let format: EnforcementFileFormat
    private let firstDay: Int
    private let dateBytes: [[UInt8]]
    private let violationBytes: [[UInt8]]
    private let stationNames: [String]

    init(world: SampleWorld, format: EnforcementFileFormat) {
        self.world = world
        self.format = format
        firstDay = SamplePrefecture.firstMonth.firstDay.dayNumber
        // One day past the last month: late-evening stops can fall on the next day.
        let lastDay = SamplePrefecture.lastMonth.lastDay.dayNumber + 1
        dateBytes = (firstDay...lastDay).map { day in
            let date = LocalDate(dayNumber: day)
            switch format {
            case .canonical: return Array(DateText.iso(date).utf8)
            case .reiwaDates: return Array(DateText.reiwa(date).utf8)
            case .japanese: return Array(DateText.slashed(date).utf8)
            }
        }
        violationBytes = ViolationType.catalogue.map { Array((format == .japanese ? $0.nameJA : $0.code).utf8) }
        stationNames = world.stations.map { $0.station.nameJA + "警察署" }
    }

    /// Fills `row` with one record.
    func fill(_ row: inout CSVRow, id: [UInt8], draft: EnforcementDraft) {
        row.reset()
        row.append(raw: id)
        row.append(raw: dateBytes[draft.date.dayNumber - firstDay])
        row.append(minuteOfDay: draft.minute)
        switch format {
        case .canonical, .reiwaDates:
            row.append(raw: world.stations[draft.stationIndex].idBytes)
            row.append(draft.department.rawValue)
            row.append(raw: draft.zoneIndex.map { world.zones[$0].idBytes })
            row.append(draft.location)
            row.append(raw: violationBytes[draft.violationIndex])
            row.append(draft.outcome.rawValue)
            row.append(draft.vehicle.rawValue)
            row.append(draft.ageBand?.rawValue)
        case .japanese:
            row.append(stationNames[draft.stationIndex])
            row.append(draft.department.labelJA)
            row.append(raw: violationBytes[draft.violationIndex])
            row.append(draft.outcome.labelJA)
            row.append(draft.vehicle == .bicycle ? "自転車" : "特定小型原動機付自転車")
            row.append(draft.ageBand.map(EnforcementRowWriter.japaneseAgeBand))
            row.append(raw: draft.zoneIndex.map { world.zones[$0].idBytes })
            row.append(draft.location)
        }
        row.append(raw: draft.activityIndex.map { world.activities[$0].idBytes })
    }

    /// The Japanese label, except where it holds 〜 (WAVE DASH): CP932 turns that into ～ (FULLWIDTH TILDE), which
    /// no longer matches the label, so those bands keep their codes, as many station spreadsheets do.
    static func japaneseAgeBand(_ band: AgeBand) -> String {
        band.labelJA.contains("〜") ? band.rawValue : band.labelJA
    }
}
