internal import CGMP

/// An exact non-negative rational number of any size (GMP's `mpq_t`), for the vote values of a count that
/// transfers fractions of ballots: no rounding, so every verifier computes the same figures.
///
/// In JSON it is the text `"n"` or `"n/d"` in lowest terms, which is also its ``description``.
public struct Rational: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The GMP value, never changed after it is built, so that copies may share it.
    private final class Storage: @unchecked Sendable {
        let value: UnsafeMutablePointer<__mpq_struct>

        init() {
            value = .allocate(capacity: 1)
            tgmp_mpq_init(value)
        }

        deinit {
            tgmp_mpq_clear(value)
            value.deallocate()
        }
    }

    private let storage: Storage

    private init(_ build: (UnsafeMutablePointer<__mpq_struct>) -> Void) {
        storage = Storage()
        build(storage.value)
    }

    /// The integer `value`.
    public init(_ value: UInt64) {
        self.init { tgmp_mpq_set_ui($0, UInt(value), 1) }
    }

    /// Zero.
    public static let zero = Rational(0)

    /// One.
    public static let one = Rational(1)

    /// Reads `"n"` or `"n/d"` (decimal digits, d not zero), or `nil` for any other text.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              parts.count == 1 || parts[1].utf8.contains(where: { $0 != 0x30 }) else { return nil }
        self.init { _ = tgmp_mpq_set_str($0, text) }
    }

    /// `a + b`.
    public static func + (a: Rational, b: Rational) -> Rational {
        Rational { tgmp_mpq_add($0, a.storage.value, b.storage.value) }
    }

    /// `a − b`.
    ///
    /// - Precondition: `a ≥ b` (the values of a count are never negative).
    public static func - (a: Rational, b: Rational) -> Rational {
        precondition(a >= b, "a count's rational values are never negative")
        return Rational { tgmp_mpq_sub($0, a.storage.value, b.storage.value) }
    }

    /// `a · b`.
    public static func * (a: Rational, b: Rational) -> Rational {
        Rational { tgmp_mpq_mul($0, a.storage.value, b.storage.value) }
    }

    /// `a / b`.
    ///
    /// - Precondition: `b` is not zero.
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "division of a rational by zero")
        return Rational { tgmp_mpq_div($0, a.storage.value, b.storage.value) }
    }

    /// Whether the value is zero.
    public var isZero: Bool { tgmp_mpq_sgn(storage.value) == 0 }

    /// Compares exactly.
    public static func < (a: Rational, b: Rational) -> Bool { tgmp_mpq_cmp(a.storage.value, b.storage.value) < 0 }

    /// Equal values, whatever their storage.
    public static func == (a: Rational, b: Rational) -> Bool { tgmp_mpq_cmp(a.storage.value, b.storage.value) == 0 }

    /// Hashes the value in lowest terms.
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// `n` or `n/d` in lowest terms.
    public var description: String {
        let text = tgmp_mpq_get_str(storage.value)!
        defer { tgmp_free_str(text) }
        return String(cString: text)
    }

    /// Reads the text form, rejecting anything else.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Rational(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a "
                + "non-negative rational n or n/d")
        }
        self = value
    }

    /// Writes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
