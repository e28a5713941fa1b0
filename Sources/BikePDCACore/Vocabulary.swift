/// A closed set of codes read from CSV cells in Japanese or English.
///
/// `code` is the canonical English token written to the store and to CSV exports; `labelJA` is the
/// Japanese label shown in reports; `aliases` are the other spellings accepted on import (compared after
/// NFKC normalisation, trimming and lower-casing).
public protocol CodedValue: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// Japanese label used in reports.
    var labelJA: String { get }
    /// English label used in reports with `--lang en`.
    var labelEN: String { get }
    /// Spellings accepted on import besides `rawValue` and the two labels.
    var aliases: [String] { get }
}

extension CodedValue {
    public var aliases: [String] { [] }

    /// Every accepted spelling of every case, for error messages ("expected one of …").
    public static var expectedForms: String {
        allCases.map { "\($0.rawValue) (\($0.labelJA))" }.joined(separator: ", ")
    }
}

/// The department (部門) of a station that did the work.
public enum Department: String, CodedValue {
    /// Traffic department (交通部門).
    case traffic
    /// Community-police department (地域部門): police boxes and patrol cars.
    case community
    /// Any other department (生活安全 etc.).
    case other

    public var labelJA: String {
        switch self {
        case .traffic: "交通"
        case .community: "地域"
        case .other: "その他"
        }
    }
    public var labelEN: String {
        switch self {
        case .traffic: "Traffic"
        case .community: "Community police"
        case .other: "Other"
        }
    }
    public var aliases: [String] {
        switch self {
        case .traffic: ["交通部門", "交通課", "交通係"]
        case .community: ["地域部門", "地域課", "地域係"]
        case .other: ["生活安全", "生活安全課", "刑事", "警備"]
        }
    }
}

/// Whether a priority place is a district (地区, an area) or a route (路線, a road stretch).
public enum ZoneKind: String, CodedValue {
    /// Priority district (自転車指導啓発重点地区): a Polygon or MultiPolygon.
    case district
    /// Priority route (自転車指導啓発重点路線): a LineString or MultiLineString with a buffer width.
    case route

    public var labelJA: String { self == .district ? "地区" : "路線" }
    public var labelEN: String { rawValue }
    public var aliases: [String] {
        self == .district ? ["重点地区", "area"] : ["重点路線", "road"]
    }
}

/// What came of a stop: a warning or a citation (検挙).
public enum Outcome: String, CodedValue {
    /// Warning (指導警告, the yellow card): no penalty.
    case warning
    /// Blue ticket (青切符, 交通反則告知): a fixed penalty, for riders aged 16+ from 2026-04-01.
    case blueTicket = "blue"
    /// Red ticket (赤切符): criminal procedure, e.g. drink riding.
    case redTicket = "red"

    public var labelJA: String {
        switch self {
        case .warning: "指導警告"
        case .blueTicket: "青切符"
        case .redTicket: "赤切符"
        }
    }
    public var labelEN: String {
        switch self {
        case .warning: "warning"
        case .blueTicket: "blue ticket"
        case .redTicket: "red ticket"
        }
    }
    public var aliases: [String] {
        switch self {
        case .warning: ["指導警告票", "警告", "指導", "イエローカード", "yellow card"]
        case .blueTicket: ["交通反則告知", "反則告知", "blueticket", "blue_ticket"]
        case .redTicket: ["告発", "送致", "redticket", "red_ticket"]
        }
    }
    /// Whether this outcome is a citation (検挙): a blue or red ticket.
    public var isCitation: Bool { self != .warning }
}

/// The first day blue tickets (青切符) may be given to cyclists.
public let blueTicketStartDate = LocalDate(dayNumber: 20_544)  // 2026-04-01

/// The kind of vehicle ridden.
public enum VehicleClass: String, CodedValue {
    /// Bicycle (自転車).
    case bicycle
    /// Specified small motorised bicycle (特定小型原動機付自転車, the e-scooter class).
    case specifiedSmallMotorised = "e-scooter"

    public var labelJA: String { self == .bicycle ? "自転車" : "特定小型原付" }
    public var labelEN: String { self == .bicycle ? "bicycle" : "e-scooter (specified small motorised)" }
    public var aliases: [String] {
        self == .bicycle
            ? ["普通自転車", "cycle"]
            : ["特定小型原動機付自転車", "特定小型", "電動キックボード", "escooter", "e_scooter", "specified"]
    }
}

/// The rider's age band, as the stations record it.
public enum AgeBand: String, CodedValue {
    /// Under 16: blue tickets cannot be given.
    case under16 = "u16"
    case age16to19 = "16-19"
    case age20to29 = "20-29"
    case age30to39 = "30-39"
    case age40to49 = "40-49"
    case age50to64 = "50-64"
    case age65plus = "65+"

    public var labelJA: String {
        switch self {
        case .under16: "16歳未満"
        case .age16to19: "16〜19歳"
        case .age20to29: "20代"
        case .age30to39: "30代"
        case .age40to49: "40代"
        case .age50to64: "50〜64歳"
        case .age65plus: "65歳以上"
        }
    }
    public var labelEN: String { self == .under16 ? "under 16" : rawValue }
    public var aliases: [String] {
        switch self {
        case .under16: ["under16", "<16", "0-15", "中学生以下"]
        case .age16to19: ["16~19", "16~19歳", "16〜19"]
        case .age20to29: ["20~29", "20歳代"]
        case .age30to39: ["30~39", "30歳代"]
        case .age40to49: ["40~49", "40歳代"]
        case .age50to64: ["50~64", "50~64歳", "50〜64"]
        case .age65plus: ["65~", "65歳~", "高齢者"]
        }
    }
}

/// Accident severity. The NPA open data separates only fatal from injury accidents.
public enum Severity: String, CodedValue {
    /// Fatal (死亡事故): someone died within 24 hours.
    case fatal
    /// Serious injury (重傷事故): 30 days or more to heal.
    case serious
    /// Slight injury (軽傷事故).
    case slight
    /// Injury of unknown degree (負傷・程度不明): the NPA open data's "負傷", never guessed.
    case injuryUnknown = "injury"

    public var labelJA: String {
        switch self {
        case .fatal: "死亡"
        case .serious: "重傷"
        case .slight: "軽傷"
        case .injuryUnknown: "負傷(程度不明)"
        }
    }
    public var labelEN: String {
        switch self {
        case .fatal: "fatal"
        case .serious: "serious injury"
        case .slight: "slight injury"
        case .injuryUnknown: "injury (degree unknown)"
        }
    }
    public var aliases: [String] {
        switch self {
        case .fatal: ["死亡事故"]
        case .serious: ["重傷事故"]
        case .slight: ["軽傷事故"]
        case .injuryUnknown: ["負傷", "負傷事故", "unknown", "程度不明"]
        }
    }
}

/// The bicycle's party role in an accident.
public enum BicycleRole: String, CodedValue {
    /// Party A (第1当事者): the party most at fault.
    case partyA = "A"
    /// Party B (第2当事者).
    case partyB = "B"
    /// Another party (第3当事者 or later).
    case otherParty = "other"

    public var labelJA: String {
        switch self {
        case .partyA: "第1当事者"
        case .partyB: "第2当事者"
        case .otherParty: "その他当事者"
        }
    }
    public var labelEN: String {
        switch self {
        case .partyA: "party A"
        case .partyB: "party B"
        case .otherParty: "other party"
        }
    }
    public var aliases: [String] {
        switch self {
        case .partyA: ["1", "1当", "第一当事者", "party a", "partya"]
        case .partyB: ["2", "2当", "第二当事者", "party b", "partyb"]
        case .otherParty: ["3", "第3当事者", "その他"]
        }
    }
}

/// The other side of a bicycle accident.
public enum Counterpart: String, CodedValue {
    case car
    case motorcycle
    case bicycle
    case pedestrian
    /// Single-vehicle accident (自転車単独).
    case single
    case other

    public var labelJA: String {
        switch self {
        case .car: "自動車"
        case .motorcycle: "二輪車"
        case .bicycle: "自転車"
        case .pedestrian: "歩行者"
        case .single: "単独"
        case .other: "その他"
        }
    }
    public var labelEN: String { rawValue }
    public var aliases: [String] {
        switch self {
        case .car: ["四輪", "乗用車", "貨物車"]
        case .motorcycle: ["二輪", "自動二輪", "原付"]
        case .bicycle: ["自転車相互"]
        case .pedestrian: ["人"]
        case .single: ["自転車単独", "単独事故"]
        case .other: []
        }
    }
}

/// The kind of an activity (Do).
public enum ActivityKind: String, CodedValue {
    /// Concentrated enforcement (集中取締り): at least one day per zone per month.
    case concentratedEnforcement = "concentrated"
    /// Street guidance (街頭指導).
    case streetGuidance = "guidance"
    /// Awareness campaign (啓発活動).
    case awarenessCampaign = "campaign"
    /// Patrol (警ら).
    case patrol

    public var labelJA: String {
        switch self {
        case .concentratedEnforcement: "集中取締り"
        case .streetGuidance: "街頭指導"
        case .awarenessCampaign: "啓発活動"
        case .patrol: "警ら"
        }
    }
    public var labelEN: String {
        switch self {
        case .concentratedEnforcement: "concentrated enforcement"
        case .streetGuidance: "street guidance"
        case .awarenessCampaign: "awareness campaign"
        case .patrol: "patrol"
        }
    }
    public var aliases: [String] {
        switch self {
        case .concentratedEnforcement: ["集中取締", "集中取締り日", "取締り", "concentrated enforcement"]
        case .streetGuidance: ["街頭指導活動", "street guidance"]
        case .awarenessCampaign: ["啓発", "広報啓発", "awareness campaign"]
        case .patrol: ["パトロール", "警ら活動"]
        }
    }
}
