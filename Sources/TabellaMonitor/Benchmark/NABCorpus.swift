import Foundation

/// NAB series read from its data and label files: values in row order, and windows as row ranges.
public struct NABCorpus: Sendable {
    /// One series.
    public struct Series: Sendable {
        /// Its labels.
        public let labelled: NABScoring.LabelledSeries
        /// Its values, in row order.
        public let values: [Double]
    }

    /// The series, in name order.
    public let series: [Series]

    /// The series of `directory/data` named in `directory/labels/combined_windows.json`, restricted to the names
    /// starting with one of `prefixes` (all when empty).
    ///
    /// - Throws: ``MonitorError`` `.malformed` naming the file and row of a bad value, or a window whose
    ///   timestamps are not rows of its series; Foundation's errors for unreadable files.
    public init(directory: URL, prefixes: [String] = []) throws {
        let labels = directory.appendingPathComponent("labels/combined_windows.json")
        guard let windows = try JSONSerialization.jsonObject(with: Data(contentsOf: labels)) as? [String: [[String]]]
        else { throw MonitorError(.malformed, "\(labels.path) is not an object of window lists") }
        var loaded = [Series]()
        for name in windows.keys.sorted() where prefixes.isEmpty || prefixes.contains(where: name.hasPrefix) {
            let file = directory.appendingPathComponent("data").appendingPathComponent(name)
            let (stamps, values) = try Self.readCSV(file)
            let index = Dictionary(stamps.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let ranges = try windows[name]!.map { pair throws(MonitorError) -> ClosedRange<Int> in
                guard pair.count == 2, let start = index[Self.stamp(pair[0])], let end = index[Self.stamp(pair[1])],
                      start <= end
                else { throw MonitorError(.malformed, "\(name): window \(pair) is not a range of its rows") }
                return start...end
            }
            loaded.append(Series(labelled: .init(name: name, rows: values.count, windows: ranges), values: values))
        }
        guard !loaded.isEmpty else { throw MonitorError(.malformed, "no NAB series under \(directory.path)") }
        series = loaded
    }

    /// A timestamp without its fractional seconds, as the data files write it.
    private static func stamp(_ text: String) -> String {
        String(text.split(separator: ".", maxSplits: 1)[0])
    }

    private static func readCSV(_ file: URL) throws -> ([String], [Double]) {
        let lines = try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline)
        guard lines.first == "timestamp,value" else {
            throw MonitorError(.malformed, "\(file.lastPathComponent): the header is not timestamp,value")
        }
        var stamps = [String](), values = [Double]()
        for (row, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",")
            guard fields.count == 2, let value = Double(fields[1]), value.isFinite else {
                throw MonitorError(.malformed, "\(file.lastPathComponent) row \(row + 1): \"\(line)\" is not a value")
            }
            stamps.append(stamp(String(fields[0])))
            values.append(value)
        }
        return (stamps, values)
    }
}
