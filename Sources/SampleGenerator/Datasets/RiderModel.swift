import BikePDCACore

/// Who was stopped and what followed: vehicle, violation, age band and outcome, kept consistent with each other,
/// with the time of day and with the law on the record's date.
///
/// Shared by the sample prefecture, the benchmark file and the national data set so that all follow the same
/// rules: blue tickets (青切符) only from 2026-04-01, to riders aged 16 and over, never for drink riding; drink
/// riding always a red ticket (赤切符); e-scooters (特定小型原付) only from 2023-07-01; no-light stops after dark.
struct RiderModel: Sendable {
    /// Relative frequency of each violation code in ordinary stops.
    static let baseWeights: [String: Double] = [
        "phone": 14, "crossing": 0.4, "crossing-stop": 0.4, "signal": 18, "lane": 12, "speeding": 0.3,
        "stop": 22, "brakes": 1.5, "psc-rules": 10, "no-light": 12, "child-obstruction": 0.2,
        "sidewalk-obstruction": 2.5, "side-by-side": 3, "two-riders": 3, "drink": 0.35, "other": 1.2,
    ]

    /// Violations of ordinary stops.
    let baseTable: WeightedTable
    /// Violations of late-evening operations (lights and drink riding).
    let nightTable: WeightedTable
    /// Hours of the day of stops made outside an operation.
    let hourTable = WeightedTable([
        0.2, 0.1, 0.05, 0.05, 0.05, 0.2, 1.5, 9, 12, 4, 2.5, 2.5, 2.5, 2.5, 3, 4.5, 8, 11, 9, 5, 3, 2, 1, 0.5,
    ])

    private let scooterTable: WeightedTable
    /// Hours after dark, for riding without lights.
    private let eveningHours = [17, 18, 19, 20, 21, 22, 23, 0, 5]
    private let eveningTable = WeightedTable([3, 8, 10, 8, 6, 4, 2, 1, 0.5])
    /// Hours of drink riding.
    private let drinkHours = [19, 20, 21, 22, 23, 0, 1, 2]
    private let drinkTable = WeightedTable([3, 5, 6, 6, 5, 4, 3, 1])
    private let ageTable = WeightedTable([12, 22, 18, 12, 12, 13, 11])
    private let adultAgeTable = WeightedTable([0, 0, 20, 22, 22, 22, 14])
    private let scooterAgeTable = WeightedTable([0, 10, 35, 25, 15, 10, 5])
    private let blueShare: [Double]
    private let stopIndex: Int
    private let signalIndex: Int
    private let phoneIndex: Int
    private let drinkIndex: Int
    private let noLightIndex: Int

    init() {
        baseTable = WeightedTable(RiderModel.weights(RiderModel.baseWeights))
        nightTable = WeightedTable(
            RiderModel.weights([
                "no-light": 40, "drink": 8, "signal": 15, "phone": 8, "lane": 8, "psc-rules": 5, "stop": 6,
                "two-riders": 2, "other": 1,
            ]))
        scooterTable = WeightedTable(
            RiderModel.weights([
                "lane": 30, "signal": 20, "sidewalk-obstruction": 15, "speeding": 10, "phone": 10, "stop": 10,
                "drink": 2, "other": 3,
            ]))
        // Share of riders aged 16+ given a blue ticket rather than a warning, from 2026-04-01.
        let blue: [String: Double] = [
            "phone": 0.45, "crossing": 0.5, "crossing-stop": 0.3, "signal": 0.35, "lane": 0.15, "speeding": 0.3,
            "stop": 0.25, "brakes": 0.2, "psc-rules": 0.12, "no-light": 0.12, "child-obstruction": 0.2,
            "sidewalk-obstruction": 0.1, "side-by-side": 0.08, "two-riders": 0.1,
        ]
        blueShare = ViolationType.catalogue.map { $0.bluePenaltyYen == nil ? 0 : blue[$0.code] ?? 0 }
        let codes = ViolationType.catalogue.map(\.code)
        stopIndex = codes.firstIndex(of: "stop") ?? 0
        signalIndex = codes.firstIndex(of: "signal") ?? 0
        phoneIndex = codes.firstIndex(of: "phone") ?? 0
        drinkIndex = codes.firstIndex(of: "drink") ?? 0
        noLightIndex = codes.firstIndex(of: "no-light") ?? 0
    }

    /// The violations of a zone: the ordinary ones with the zone's common violations (主な違反) much more frequent.
    func zoneTable(commonViolations: [String]) -> WeightedTable {
        var boosted = RiderModel.baseWeights
        for code in commonViolations {
            boosted[code, default: 0] += 25
        }
        return WeightedTable(RiderModel.weights(boosted))
    }

    /// Draws vehicle, violation, age band and outcome into `draft`. When the time is not fixed by an operation, a
    /// no-light or drink-riding stop in daylight moves to the evening; when it is, the violation changes instead.
    func chooseRider(
        _ draft: inout EnforcementDraft, table: WeightedTable, fixedTime: Bool,
        random: inout SampleRandom
    ) {
        // The e-scooter class (特定小型原付) began on 2023-07-01; its share grows from 1.5 % to about 7 %.
        let scooterStart = 19_539  // 2023-07-01
        let daysSinceStart = draft.date.dayNumber - scooterStart
        let scooterShare = daysSinceStart < 0 ? 0 : 0.015 + 0.055 * min(1, Double(daysSinceStart) / 1_000)
        draft.vehicle = random.chance(scooterShare) ? .specifiedSmallMotorised : .bicycle
        var violation = draft.vehicle == .bicycle ? table.draw(&random) : scooterTable.draw(&random)
        let hour = draft.minute / 60
        let isDark = hour >= 17 || hour < 6
        let isDrinkHour = hour >= 19 || hour < 3
        if violation == noLightIndex && !isDark {
            if fixedTime {
                violation = stopIndex
            } else {
                draft.minute = eveningHours[eveningTable.draw(&random)] * 60 + random.int(below: 60)
            }
        }
        if violation == drinkIndex && !isDrinkHour {
            if fixedTime {
                violation = signalIndex
            } else {
                draft.minute = drinkHours[drinkTable.draw(&random)] * 60 + random.int(below: 60)
            }
        }
        draft.violationIndex = violation
        let ageIndex: Int
        if violation == drinkIndex {
            ageIndex = adultAgeTable.draw(&random)
        } else if draft.vehicle == .specifiedSmallMotorised {
            ageIndex = scooterAgeTable.draw(&random)
        } else {
            ageIndex = ageTable.draw(&random)
        }
        let age = AgeBand.allCases[ageIndex]
        draft.outcome = outcome(violation: violation, age: age, date: draft.date, random: &random)
        // Ages go unrecorded now and then, but never on a citation.
        draft.ageBand = draft.outcome == .warning && random.chance(0.04) ? nil : age
    }

    private func outcome(violation: Int, age: AgeBand, date: LocalDate, random: inout SampleRandom) -> Outcome {
        if violation == drinkIndex {
            return .redTicket
        }
        if age == .under16 {
            return .warning
        }
        if violation == signalIndex && random.chance(date >= blueTicketStartDate ? 0.005 : 0.015) {
            return .redTicket
        }
        if violation == phoneIndex && date < blueTicketStartDate && random.chance(0.003) {
            return .redTicket
        }
        if date >= blueTicketStartDate && random.chance(blueShare[violation]) {
            return .blueTicket
        }
        return .warning
    }

    private static func weights(_ pairs: [String: Double]) -> [Double] {
        ViolationType.catalogue.map { pairs[$0.code] ?? 0 }
    }
}
