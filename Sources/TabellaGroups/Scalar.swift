/// An integer modulo a group's prime order q: an exponent, a secret key, a nonce, a challenge or a response.
///
/// A scalar is a plain value; the ``ScalarField`` of its group does the arithmetic. Equality with `==` is
/// variable-time and meant for public values; compare secrets with ``ScalarField/constantTimeEqual(_:_:)``.
public struct Scalar: Sendable, Hashable {
    /// The value as little-endian 64-bit limbs, exactly as many as the field's modulus has, always below it.
    internal var limbs: [UInt]

    internal init(limbs: [UInt]) {
        self.limbs = limbs
    }

    /// Whether the value is zero (variable-time).
    public var isZero: Bool { limbs.allSatisfy { $0 == 0 } }

    /// The number of significant bits (variable-time: for public exponents).
    public var bitLength: Int {
        for index in stride(from: limbs.count - 1, through: 0, by: -1) where limbs[index] != 0 {
            return index * UInt.bitWidth + (UInt.bitWidth - limbs[index].leadingZeroBitCount)
        }
        return 0
    }

    /// The `width` bits starting at bit `offset` (least significant first), as an integer; `width` is at most 32.
    internal func bits(at offset: Int, width: Int) -> Int {
        let limbIndex = offset / UInt.bitWidth
        let shift = offset % UInt.bitWidth
        guard limbIndex < limbs.count else { return 0 }
        var value = limbs[limbIndex] >> UInt(shift)
        if shift + width > UInt.bitWidth, limbIndex + 1 < limbs.count {
            value |= limbs[limbIndex + 1] << UInt(UInt.bitWidth - shift)
        }
        return Int(value & ((1 << UInt(width)) - 1))
    }

    /// The value as little-endian bytes, `limbs.count * 8` of them.
    internal var littleEndianBytes: [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(limbs.count * 8)
        for limb in limbs {
            for shift in stride(from: 0, to: UInt.bitWidth, by: 8) { bytes.append(UInt8(truncatingIfNeeded: limb >> UInt(shift))) }
        }
        return bytes
    }
}
