import BikePDCACore
import Testing

@Suite("Runs of consecutive elements")
struct RunRangesTests {
    @Test("each run of equal keys is one range; a key met again later starts a new run")
    func runs() {
        let keys = ["a", "a", "b", "c", "c", "c", "a"]
        // Written out by hand: a a | b | c c c | a.
        #expect(keys.runRanges { $0 == $1 } == [0..<2, 2..<3, 3..<6, 6..<7])
        #expect([String]().runRanges { $0 == $1 }.isEmpty)
        #expect(["x"].runRanges { $0 == $1 } == [0..<1])
    }

    @Test("an element joins its run by comparison with the run's first element")
    func comparedWithFirst() {
        // Within 2 of the run's first value: 1 2 3 | 4 5 6 | 7 (a chain 1–2–3–4 would be one run if each element
        // were compared with the one before it).
        #expect([1, 2, 3, 4, 5, 6, 7].runRanges { $1 - $0 <= 2 } == [0..<3, 3..<6, 6..<7])
    }
}
