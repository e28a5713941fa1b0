import BikePDCACore

/// Maps every accepted spelling of a coded value (after value normalisation) to the value.
struct CodeLookup<Value: Sendable>: Sendable {
    private let table: [String: Value]
    /// Accepted forms, for "expected …" in messages.
    let expected: String

    init(_ pairs: [(String, Value)], expected: String) {
        var table: [String: Value] = [:]
        for (spelling, value) in pairs where table[TextNormalization.valueKey(spelling)] == nil {
            table[TextNormalization.valueKey(spelling)] = value
        }
        self.table = table
        self.expected = expected
    }

    func value(for cell: String) -> Value? {
        if let hit = table[cell] { return hit }
        return table[TextNormalization.valueKey(cell)]
    }
}

extension CodeLookup where Value: CodedValue {
    init(_ type: Value.Type) {
        let pairs = Value.allCases.flatMap { value in
            ([value.rawValue, value.labelJA, value.labelEN] + value.aliases).map { ($0, value) }
        }
        self.init(pairs, expected: Value.expectedForms)
    }
}

extension CodeLookup where Value == ViolationType {
    static let violations = CodeLookup(
        ViolationType.catalogue.flatMap { type in
            ([type.code, type.nameJA, type.nameEN] + type.aliases).map { ($0, type) }
        },
        expected: "a code such as signal, stop, phone, lane, no-light, drink (full list: docs/DATASETS.md "
            + "or bikepdca violations)")
}
