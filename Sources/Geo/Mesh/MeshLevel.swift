/// A level of the Japanese standard grid squares (地域メッシュ, JIS X 0410), from coarsest to finest.
public enum MeshLevel: Int, CaseIterable, Comparable, Hashable, Sendable {
    /// 1st mesh (第1次地域区画): 40′ of latitude × 1° of longitude, about 80 km; 4-digit code.
    case first
    /// 2nd mesh (第2次地域区画): a 1st mesh split 8 × 8, 5′ × 7′30″, about 10 km; 6-digit code.
    case second
    /// 3rd mesh (基準地域メッシュ): a 2nd mesh split 10 × 10, 30″ × 45″, about 1 km; 8-digit code.
    case third
    /// Half mesh (2分の1地域メッシュ): a 3rd mesh split 2 × 2, about 500 m; 9-digit code.
    case half
    /// Quarter mesh (4分の1地域メッシュ): a half mesh split 2 × 2, about 250 m; 10-digit code.
    case quarter

    /// The number of digits in a code of this level.
    public var codeLength: Int {
        switch self {
        case .first: 4
        case .second: 6
        case .third: 8
        case .half: 9
        case .quarter: 10
        }
    }

    /// The level whose codes have `codeLength` digits.
    init?(codeLength: Int) {
        guard let level = Self.allCases.first(where: { $0.codeLength == codeLength }) else { return nil }
        self = level
    }

    /// The side of a cell in quarter-mesh steps (7.5″ of latitude, 11.25″ of longitude), the same both ways.
    var quarterSteps: Int {
        switch self {
        case .first: 320
        case .second: 40
        case .third: 4
        case .half: 2
        case .quarter: 1
        }
    }

    /// Orders levels from coarse (`first`) to fine (`quarter`).
    public static func < (lhs: MeshLevel, rhs: MeshLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
