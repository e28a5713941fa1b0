import Analytics
import BikePDCACore
import Testing

@Suite("Metric key order")
struct MetricKeyOrderTests {
    @Test("rows sort by station, zone, then department, with 'all' (nil) last in each")
    func order() {
        // The order written out by hand, as the metrics table lists it ("-", outside the zones, is byte 0x2D and
        // comes before zone ids, which start with digits).
        let expected = [
            MetricKey(stationID: "30101", department: nil, zoneID: "-"),
            MetricKey(stationID: "30101", department: .traffic, zoneID: "30101-D01"),
            MetricKey(stationID: "30101", department: .community, zoneID: "30101-D01"),
            MetricKey(stationID: "30101", department: .other, zoneID: "30101-D01"),
            MetricKey(stationID: "30101", department: nil, zoneID: "30101-D01"),
            MetricKey(stationID: "30101", department: .community, zoneID: "30101-R02"),
            MetricKey(stationID: "30101", department: nil, zoneID: nil),
            MetricKey(stationID: "30102", department: .traffic, zoneID: "30102-D01"),
            MetricKey(stationID: nil, department: .traffic, zoneID: "30101-D01"),
            MetricKey(stationID: nil, department: nil, zoneID: "30101-D01"),
            MetricKey(stationID: nil, department: .traffic, zoneID: nil),
            .prefecture,
        ]
        for rotation in 0..<expected.count {
            let shuffled = Array(expected[rotation...] + expected[..<rotation]).reversed()
            #expect(shuffled.sorted() == expected)
        }
        #expect(!(MetricKey.prefecture < .prefecture))
    }
}
