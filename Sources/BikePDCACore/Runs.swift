extension Array {
    /// The index ranges of the runs of consecutive elements that belong together: each element joins the run of
    /// the one before it when `together(first of the run, element)` holds. Tallies listed in key order give one
    /// run per key.
    public func runRanges(_ together: (Element, Element) -> Bool) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = startIndex
        while start < endIndex {
            var end = start + 1
            while end < endIndex, together(self[start], self[end]) { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}
