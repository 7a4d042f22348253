/// A field element that many of can be inverted at once by Montgomery's trick.
protocol BatchInvertible {
    /// One.
    static var one: Self { get }
    /// Whether the element is zero.
    var isZero: Bool { get }
    /// The inverse (zero for zero).
    var inverse: Self { get }
    /// The product.
    static func * (a: Self, b: Self) -> Self
}

extension BatchInvertible {
    /// Replaces every nonzero element by its inverse with one field inversion (Montgomery's trick, three
    /// multiplications per element); zeros stay zero.
    static func invertAll(_ elements: UnsafeMutableBufferPointer<Self>) {
        let count = elements.count
        guard count > 0 else { return }
        withUnsafeTemporaryAllocation(of: Self.self, capacity: count) { prefix in
            var running = one
            for index in 0..<count {
                prefix.initializeElement(at: index, to: running)
                let element = elements[index]
                if !element.isZero { running = running * element }
            }
            var inverse = running.inverse
            for index in stride(from: count - 1, through: 0, by: -1) {
                let element = elements[index]
                guard !element.isZero else { continue }
                elements[index] = inverse * prefix[index]
                inverse = inverse * element
            }
        }
    }
}
