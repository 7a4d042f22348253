import Foundation

/// Renders a group's benchmark as an aligned text table.
enum GroupBenchTable {
    /// The table of one group.
    static func render(_ result: GroupBenchResult) -> String {
        var lines = ["\(result.group)"]
        lines.append(pad("operation", 52) + pad("µs/op", 11, left: true) + "  compared with")
        for row in result.rows {
            var line = "  " + pad(row.operation, 50) + pad(String(format: "%.2f", row.microseconds), 11, left: true)
            if let name = row.comparedWith, let reference = row.referenceMicroseconds, let ratio = row.ratio {
                let verdict = row.ratioMeaning == "speed-up"
                    ? String(format: "%.2fx faster than", ratio) : String(format: "%.3f x", ratio)
                line += "  \(verdict) \(name) (\(String(format: "%.2f", reference)) µs)"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? padding + text : text + padding
    }
}
