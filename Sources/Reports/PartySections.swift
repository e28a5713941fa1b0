import Analytics
import BikePDCACore
import Rendering

/// Who is in the accidents and who is cited, inside the zones and outside them: the bicycle's role (第1 / 第2当事者),
/// the counterpart (相手), and the vehicle (自転車 / 特定小型原付) and age band (16歳未満, 65歳以上) of those stopped.
enum PartySections {
    /// The section's blocks for station `stationID`; empty when nothing was loaded.
    static func blocks(stationID: String, analytics: PeriodAnalytics, w: Wording) -> [ReportBlock] {
        let accidents = analytics.breakdowns.accidentParties.filter { $0.stationID == stationID }
        let riders = analytics.breakdowns.enforcementRiders.filter { $0.stationID == stationID }
        guard !accidents.isEmpty || !riders.isEmpty else { return [] }
        let period = analytics.period
        var blocks: [ReportBlock] = []
        if !accidents.isEmpty {
            let roles = BicycleRole.allCases.map { role in
                (w(role.labelJA, role.labelEN), accidents.filter { $0.first == role.rawValue })
            }
            let counterparts = Counterpart.allCases.map { counterpart in
                (w(counterpart.labelJA, counterpart.labelEN), accidents.filter { $0.second == counterpart.rawValue })
            }
            let total = accidents.reduce(0) { $0 + $1.count }
            let explain = w.explain("accidents", period: period, station: stationID)
            blocks.append(
                .table(
                    table(
                        roles, total: accidents,
                        caption: w("事故の自転車の当事者 (第1・第2当事者)", "The bicycle's role in accidents"),
                        label: w("自転車の立場", "Bicycle was"),
                        note: w(
                            "事故: 自転車関連事故の記録 (計 \(NumberFormat.grouped(total))件)。第1当事者 = 過失の最も重い (同程度なら被害の最も軽い) 当事者。構成比の分母: 署の事故の計。\(explain)",
                            "Accidents: bicycle accident records (\(NumberFormat.grouped(total)) in all). Party A = the party "
                                + "most at fault (or least hurt when equal). Share of the station's accidents. \(explain)"
                        ),
                        w: w)))
            blocks.append(
                .table(
                    table(
                        counterparts, total: accidents, caption: w("事故の相手", "Accident counterpart"),
                        label: w("相手", "Counterpart"),
                        note: w(
                            "相手: 自転車の事故の相手方 (単独 = 相手なし)。構成比の分母: 署の事故の計 (\(NumberFormat.grouped(total))件)。\(explain)",
                            "Counterpart of the bicycle (single = none). Share of the station's \(NumberFormat.grouped(total)) "
                                + "accidents. \(explain)"),
                        w: w)))
        }
        if !riders.isEmpty {
            var groups: [(String, [CategoryTally])] = []
            for vehicle in VehicleClass.allCases {
                let ofVehicle = riders.filter { $0.first == vehicle.rawValue }
                let name = w(vehicle.labelJA, vehicle == .bicycle ? "Bicycle" : "E-scooter")
                groups.append(
                    (
                        "\(name) \(w("16歳未満", "under 16"))",
                        ofVehicle.filter { $0.second == AgeBand.under16.rawValue }
                    ))
                groups.append(
                    (
                        "\(name) \(w("16〜64歳", "16 to 64"))",
                        ofVehicle.filter {
                            !$0.second.isEmpty && $0.second != AgeBand.under16.rawValue
                                && $0.second != AgeBand.age65plus.rawValue
                        }
                    ))
                groups.append(
                    (
                        "\(name) \(w("65歳以上", "65 and over"))",
                        ofVehicle.filter { $0.second == AgeBand.age65plus.rawValue }
                    ))
                groups.append(("\(name) \(w("年齢不明", "age not recorded"))", ofVehicle.filter { $0.second.isEmpty }))
            }
            let total = riders.reduce(0) { $0 + $1.count }
            blocks.append(
                .table(
                    table(
                        groups, total: riders,
                        caption: w(
                            "取締りの対象: 車両と年齢層 (重点内・重点外)",
                            "Who was stopped: vehicle and age band, inside and outside zones"),
                        label: w("車両・年齢層", "Vehicle and age"),
                        note: w(
                            "取締り記録 (計 \(NumberFormat.grouped(total))件) を車両 (自転車 / 特定小型原付) と記録された年齢層で分類。16歳未満には青切符を交付できません。構成比の分母: 署の取締りの計。\(w.explain("enforcement", period: period, station: stationID))",
                            "Enforcement records (\(NumberFormat.grouped(total)) in all) by vehicle (bicycle / e-scooter) and "
                                + "recorded age band; riders under 16 cannot get blue tickets. Share of the station's stops. "
                                + w.explain("enforcement", period: period, station: stationID)),
                        w: w)))
        }
        return blocks
    }

    /// A table of groups of tallies: inside zones, outside, total and share of all.
    static func table(
        _ groups: [(String, [CategoryTally])], total: [CategoryTally], caption: String, label: String, note: String,
        w: Wording
    ) -> ReportTable {
        func sums(_ tallies: [CategoryTally]) -> (inside: Int, outside: Int) {
            tallies.reduce((0, 0)) { sum, tally in
                tally.zoneID == nil ? (sum.0, sum.1 + tally.count) : (sum.0 + tally.count, sum.1)
            }
        }
        let all = sums(total)
        let count = all.inside + all.outside
        func row(_ name: String, _ tallies: [CategoryTally]) -> [ReportCell] {
            let sum = sums(tallies)
            return [
                .text(name), .integer(sum.inside), .integer(sum.outside), .integer(sum.inside + sum.outside),
                count > 0 ? .percent(Double(sum.inside + sum.outside) / Double(count), digits: 1) : .missing,
            ]
        }
        return ReportTable(
            caption: caption,
            columns: [
                ReportColumn(label), ReportColumn(w("重点内", "In zones"), alignment: .trailing),
                ReportColumn(w("重点外", "Outside"), alignment: .trailing),
                ReportColumn(w("計", "Total"), alignment: .trailing),
                ReportColumn(w("構成比", "Share"), alignment: .trailing),
            ],
            rows: groups.filter { !$0.1.isEmpty }.map { row($0.0, $0.1) }, totals: row(w("計", "Total"), total),
            denominatorNote: note)
    }
}
