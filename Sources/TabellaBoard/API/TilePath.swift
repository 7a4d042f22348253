/// Paths of c2sp.org/tlog-tiles resources: `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`, with `<N>`
/// split into 3-digit elements, all but the last prefixed with `x`.
public struct TilePath: Sendable, Hashable {
    /// The tile level, or `nil` for an entry bundle.
    public let level: Int?
    /// The tile's index within its level.
    public let index: UInt64
    /// The width: 256 for a full tile, 1 to 255 for a partial one.
    public let width: Int

    /// A tile (or, with `level` nil, an entry bundle).
    public init(level: Int?, index: UInt64, width: Int = 256) {
        precondition((1...256).contains(width), "a tile has 1 to 256 hashes")
        self.level = level
        self.index = index
        self.width = width
    }

    /// The path below the log's prefix, e.g. `tile/0/x001/x234/067.p/112`.
    public var path: String {
        var elements = [String]()
        var rest = index
        repeat {
            let digits = String(rest % 1000)
            elements.insert(String(repeating: "0", count: 3 - digits.count) + digits, at: 0)
            rest /= 1000
        } while rest > 0
        let number = elements.enumerated().map { $0.offset < elements.count - 1 ? "x" + $0.element : $0.element }
        let suffix = width < 256 ? ".p/\(width)" : ""
        return "tile/\(level.map(String.init) ?? "entries")/" + number.joined(separator: "/") + suffix
    }

    /// Reads the path elements after `tile/`.
    ///
    /// - Throws: ``BoardError`` `notFound` for anything that is not a canonical tile path.
    public init(elements: [Substring]) throws(BoardError) {
        let text = "tile/" + elements.joined(separator: "/")
        guard elements.count >= 2 else { throw BoardError(.notFound, "`\(text)` is not a tile path") }
        var numberElements = Array(elements.dropFirst())
        var width = 256
        if numberElements.count >= 2, numberElements[numberElements.count - 2].hasSuffix(".p") {
            guard let partial = Int(numberElements.removeLast()), (1...255).contains(partial) else {
                throw BoardError(.notFound, "`\(text)` has no partial width between 1 and 255")
            }
            width = partial
            numberElements[numberElements.count - 1] = numberElements[numberElements.count - 1].dropLast(2)
        }
        var index: UInt64 = 0
        for (position, element) in numberElements.enumerated() {
            let digits = position < numberElements.count - 1 ? element.dropFirst() : element
            guard position == numberElements.count - 1 || element.hasPrefix("x"), digits.count == 3,
                digits.allSatisfy(\.isASCII), let value = UInt64(digits),
                case (let scaled, let overflow) = index.multipliedReportingOverflow(by: 1000), !overflow
            else {
                throw BoardError(.notFound, "`\(text)` has an invalid tile index")
            }
            index = scaled + value
        }
        let levelText = elements[0]
        if levelText == "entries" {
            level = nil
        } else {
            guard let level = Int(levelText), (0...63).contains(level), String(level) == levelText else {
                throw BoardError(.notFound, "`\(text)` has an invalid tile level")
            }
            self.level = level
        }
        self.index = index
        self.width = width
        guard path == text else { throw BoardError(.notFound, "`\(text)` is not a canonical tile path") }
    }
}
