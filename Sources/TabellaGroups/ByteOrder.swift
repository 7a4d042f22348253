/// The order of bytes in a fixed-length integer encoding.
public enum ByteOrder: Sendable, Hashable {
    /// Most significant byte first (ElectionGuard, SEC 1, Swiss Post).
    case bigEndian
    /// Least significant byte first (ristretto255 scalars).
    case littleEndian
}

/// Conversions between byte strings and little-endian 64-bit limbs.
enum Limbs {
    /// Reads a big-endian byte string into `count` limbs; the bytes must fit.
    static func fromBigEndian<Bytes: Collection<UInt8>>(_ bytes: Bytes, count: Int) -> [UInt] {
        var limbs = [UInt](repeating: 0, count: count)
        for (position, byte) in bytes.reversed().enumerated() {
            limbs[position / 8] |= UInt(byte) << UInt((position % 8) * 8)
        }
        return limbs
    }

    /// Writes limbs as a big-endian byte string of exactly `byteCount` bytes (the value must fit).
    static func toBigEndian(_ limbs: [UInt], byteCount: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: byteCount)
        for position in 0..<byteCount {
            let limbIndex = position / 8
            guard limbIndex < limbs.count else { break }
            bytes[byteCount - 1 - position] = UInt8(truncatingIfNeeded: limbs[limbIndex] >> UInt((position % 8) * 8))
        }
        return bytes
    }

    /// The number of limbs needed for `byteCount` bytes.
    static func count(forBytes byteCount: Int) -> Int { (byteCount + 7) / 8 }
}
