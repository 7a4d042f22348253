/// Products of many powers `∏ bᵢ^eᵢ` with secret exponents, in constant time: Straus's interleaved method with
/// shared doublings and fixed signed windows.
///
/// Every exponent is recoded into ``windows`` signed digits of ``width`` bits, in `[−2^(width−1), 2^(width−1)]`,
/// by arithmetic alone (no branch on a bit). The bases' tables of their small multiples `1·B … 2^(width−1)·B` are
/// built from the public bases, variable-time. The product then runs over the windows from the top: ``width``
/// doublings of the accumulator (the same for every exponent), then for each term one ``SecretTermArithmetic``
/// step, which reads the whole table of the base, selects the entry of the digit's magnitude with masks, negates
/// it by mask, and adds it with branch-free complete formulas. The work and the memory accesses are the same
/// whatever the exponents; only the public number of terms and which bases are the identity change them.
enum SecretMultiExponentiation {
    /// Bits per window.
    static let width = 5
    /// Multiples of a base in its table: the digit magnitudes 1 … 2^(width−1).
    static let multiples = 1 << (width - 1)
    /// Windows per exponent: ⌈257 / width⌉, room for every exponent below 2²⁵⁶ and the last carry.
    static let windows = (256 + 1 + width - 1) / width

    /// The signed digits of `exponent`, lowest window first: `exponent = Σ digits[i]·2^(width·i)`.
    ///
    /// Constant time: each window adds its bits and the carry of the window below, and a value above
    /// 2^(width−1) becomes negative with a carry into the next window, both by arithmetic on the value.
    static func digits(_ exponent: Scalar) -> [Int8] {
        precondition(exponent.limbs.count <= 4, "the exponents have at most 256 bits")
        var digits = [Int8](repeating: 0, count: windows)
        var carry = 0
        for window in 0..<windows {
            let value = exponent.bits(at: window * width, width: width) + carry
            // 1 exactly when value > 2^(width−1): value + 2^(width−1) − 1 then reaches 2^width (value ≤ 2^width).
            carry = (value + multiples - 1) >> width
            digits[window] = Int8(truncatingIfNeeded: value - carry << width)
        }
        return digits
    }

    /// The magnitude of a digit and a mask of all ones when it is negative, by arithmetic.
    @inline(__always)
    static func magnitude(_ digit: Int8) -> (magnitude: UInt64, negative: UInt64) {
        let negative = UInt64(bitPattern: Int64(digit) >> 63)
        return ((UInt64(bitPattern: Int64(digit)) ^ negative) &- negative, negative)
    }

    /// A mask of all ones when `a == b`, zero otherwise, for values below 2⁶³, by arithmetic.
    @inline(__always)
    static func equalMask(_ a: UInt64, _ b: UInt64) -> UInt64 { 0 &- (((a ^ b) &- 1) >> 63) }

    /// `∏ bases[i]^exponents[i]` for the first `exponents.count` bases of `table` (of which only the entries of
    /// bases that are not the identity are present), in constant time.
    static func product<Arithmetic: SecretTermArithmetic>(
        _ arithmetic: Arithmetic.Type, table: SecretMultiPowerEntries<Arithmetic.Entry>, exponents: [Scalar]
    ) -> Arithmetic.Point {
        precondition(exponents.count <= table.present.count, "more exponents than bases")
        var terms = [Int]()
        var digits = [Int8]()
        terms.reserveCapacity(exponents.count)
        digits.reserveCapacity(exponents.count * windows)
        for (index, exponent) in exponents.enumerated() where table.present[index] {
            terms.append(index)
            digits += self.digits(exponent)
        }
        var result = Arithmetic.identity
        table.entries.withUnsafeBufferPointer { entries in
            for window in stride(from: windows - 1, through: 0, by: -1) {
                if window != windows - 1 { for _ in 0..<width { Arithmetic.double(&result) } }
                for (position, base) in terms.enumerated() {
                    let multiples = UnsafeBufferPointer(start: entries.baseAddress! + base * Self.multiples,
                                                        count: Self.multiples)
                    Arithmetic.add(&result, multiples, digit: digits[position * windows + window])
                }
            }
        }
        return result
    }
}

/// The small multiples of the bases of a constant-time multi-exponentiation, ``SecretMultiExponentiation/multiples``
/// entries per base, in order, and whether each base is present (the identity has no entries: its terms are left
/// out, a choice that depends on the public base only).
struct SecretMultiPowerEntries<Entry: Sendable>: Sendable {
    /// The multiples `1·B … 16·B` of every base, 16 per base (placeholders for an absent base).
    let entries: [Entry]
    /// Whether each base is present.
    let present: [Bool]
}

/// A curve's arithmetic for ``SecretMultiExponentiation``: its accumulator, its table entries, doubling, and
/// the constant-time addition of a digit's multiple.
protocol SecretTermArithmetic {
    /// The accumulator.
    associatedtype Point
    /// A table entry.
    associatedtype Entry: Sendable

    /// The identity.
    static var identity: Point { get }
    /// `point ← 2·point`, by complete formulas.
    static func double(_ point: inout Point)
    /// `point ← point + digit·B` for the `multiples` `1·B … 16·B` of a base: all entries read, the one of the
    /// digit's magnitude selected and negated by masks, the addition by complete formulas (nothing added for 0).
    static func add(_ point: inout Point, _ multiples: UnsafeBufferPointer<Entry>, digit: Int8)
}
