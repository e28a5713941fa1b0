import BikePDCACore

extension PeriodAnalytics {
    /// A station's plan attainment (計画達成) on every measure it has a plan for, its departments summed
    /// (``PlanAttainment``).
    public func planAttainment(station: String) -> PlanAttainment {
        PlanAttainment(
            departmentRows: metrics.rows.filter { $0.key.stationID == station && $0.key.department != nil },
            isProrated: PlanCoverage.hasProratedRows(input.plans.filter { $0.stationID == station }, in: period))
    }

    /// One department's plan attainment at a station, over its zones and the roads outside them.
    public func planAttainment(station: String, department: Department) -> PlanAttainment {
        PlanAttainment(
            departmentRows: departmentRows(station: station, department: department),
            isProrated: PlanCoverage.hasProratedRows(
                input.plans.filter { $0.stationID == station && $0.department == department }, in: period))
    }

    /// A zone's plan attainment, its departments summed (the zone's own plan rows only).
    public func planAttainment(zone: Zone) -> PlanAttainment {
        PlanAttainment(
            departmentRows: metrics.rows.filter {
                $0.key.stationID == zone.stationID && $0.key.zoneID == zone.id && $0.key.department != nil
            },
            isProrated: PlanCoverage.hasProratedRows(input.plans.filter { $0.zoneID == zone.id }, in: period))
    }

    /// The plan attainment of a station's zone, or (``MetricKey/outsideZones``) of its roads outside the zones,
    /// from that station × zone's department rows.
    public func planAttainment(station: String, zoneID: String) -> PlanAttainment {
        let plans = input.plans.filter { plan in
            plan.stationID == station && (zoneID == MetricKey.outsideZones ? plan.zoneID == nil : plan.zoneID == zoneID)
        }
        return PlanAttainment(
            departmentRows: metrics.rows.filter {
                $0.key.stationID == station && $0.key.zoneID == zoneID && $0.key.department != nil
            },
            isProrated: PlanCoverage.hasProratedRows(plans, in: period))
    }

    /// The prefecture's plan attainment: every station's departments summed.
    public var prefectureAttainment: PlanAttainment {
        PlanAttainment(
            departmentRows: metrics.rows.filter { $0.key.stationID != nil && $0.key.department != nil },
            isProrated: PlanCoverage.hasProratedRows(input.plans, in: period))
    }

    /// A station's accident-reduction target (事故削減目標) against its accidents: the target comes from the
    /// station's own plan rows (those without a zone) overlapping the period, never from a zone's; `nil` when
    /// none sets one. The accidents are the station's whole area (its zones and the roads outside them).
    public func reductionTarget(station: String) -> ReductionTarget? {
        guard
            let percent = ReductionTarget.percent(
                of: input.plans.filter { $0.stationID == station && $0.zoneID == nil })
        else { return nil }
        let sums = RowSums(stationRows(station))
        return ReductionTarget(
            targetPercent: percent, accidents: sums.accidents, accidentsLastYear: sums.accidentsLastYear)
    }

    /// A zone's accident-reduction target from the zone's own plan rows, against the zone's accidents; `nil` when
    /// none sets one.
    public func reductionTarget(zone: Zone) -> ReductionTarget? {
        guard let percent = ReductionTarget.percent(of: input.plans.filter { $0.zoneID == zone.id }) else {
            return nil
        }
        let check = zoneRow(station: zone.stationID, zone: zone.id)?.check ?? CheckFigures()
        return ReductionTarget(
            targetPercent: percent, accidents: check.accidents, accidentsLastYear: check.accidentsLastYear)
    }

    /// Fatal and serious accidents (死亡・重傷) in the period and in the same span last year, of one station or
    /// (`nil`) the prefecture.
    public func fatalOrSerious(station: String?) -> (now: Int, lastYear: Int) {
        func count(_ tallies: [AccidentTally]) -> Int {
            tallies.reduce(0) { sum, tally in
                guard station == nil || tally.stationID == station,
                    tally.severity == .fatal || tally.severity == .serious
                else { return sum }
                return sum + tally.count
            }
        }
        return (count(input.current.accidents), count(input.lastYearAccidents))
    }
}
