import Analytics
import Testing

@Suite("Count reliability")
struct StatisticsCountReliabilityTests {
    @Test(
        "Default rule: veryLow below 5 events, low below 20, adequate from 20",
        arguments: [
            (-1, CountReliability.veryLow), (0, .veryLow), (4, .veryLow), (5, .low), (19, .low),
            (20, .adequate), (1_000, .adequate),
        ]
    )
    func defaultThresholds(events: Int, expected: CountReliability) {
        #expect(CountReliability.classify(events: events) == expected)
    }

    @Test(
        "Thresholds are parameters: lowBelow 30, veryLowBelow 10",
        arguments: [(9, CountReliability.veryLow), (10, .low), (29, .low), (30, .adequate)]
    )
    func customThresholds(events: Int, expected: CountReliability) {
        #expect(CountReliability.classify(events: events, lowBelow: 30, veryLowBelow: 10) == expected)
    }
}
