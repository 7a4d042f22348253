/// Non-negative integers held as big-endian byte strings, with the conversions of the Swiss Post specification
/// (§3.1–3.2: IntegerToByteArray, ByteLength, CutToBitLength) that its hashing and key derivation need.
enum BigEndianInteger {
    /// IntegerToByteArray (algorithm 3.9): the shortest big-endian form, at least one byte (zero is `<0x00>`).
    static func minimal<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        let significant = Array(bytes.drop { $0 == 0 })
        return significant.isEmpty ? [0] : significant
    }

    /// The number of significant bits, `|x|` in the specification (zero has none).
    static func bitLength<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
        let significant = bytes.drop { $0 == 0 }
        guard let first = significant.first else { return 0 }
        return (significant.count - 1) * 8 + (UInt8.bitWidth - first.leadingZeroBitCount)
    }

    /// CutToBitLength (algorithm 3.1): the last ⌈bits / 8⌉ bytes, with the bits above `bits` of the first one cleared.
    static func cut(_ bytes: [UInt8], toBitLength bits: Int) -> [UInt8] {
        let length = (bits + 7) / 8
        precondition(bits > 0 && length <= bytes.count, "CutToBitLength only removes leading bits")
        var result = Array(bytes.suffix(length))
        if bits % 8 != 0 { result[0] &= UInt8((1 << (bits % 8)) - 1) }
        return result
    }

    /// Whether `a < b`, for two big-endian strings of the same length, in time that depends only on the length
    /// (the borrow of `a - b`), so that it may compare derived secrets.
    static func isLess(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        precondition(a.count == b.count, "compared integers must have the same length")
        var borrow: UInt16 = 0
        for index in a.indices.reversed() {
            let difference = UInt16(a[index]) &- UInt16(b[index]) &- borrow
            borrow = (difference >> 8) & 1
        }
        return borrow == 1
    }
}
