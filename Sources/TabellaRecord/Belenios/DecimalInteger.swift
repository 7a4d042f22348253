/// Non-negative integers written in base 10, as Belenios writes group elements, scalars and proofs.
public enum DecimalInteger {
    /// The longest decimal text read: more digits than any 4096-bit number has.
    public static let maximumDigits = 1300

    /// The big-endian bytes (without leading zero bytes; empty for zero) of canonical decimal text: ASCII digits
    /// only, at most ``maximumDigits``, no sign and no leading zero except in `0` itself. `nil` for anything else.
    public static func bytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard !digits.isEmpty, digits.count <= maximumDigits, digits.allSatisfy({ (48...57).contains($0) }),
              digits.count == 1 || digits[0] != 48 else { return nil }
        var limbs = [UInt32]()  // least significant first
        var index = 0
        var length = digits.count % 9 == 0 ? 9 : digits.count % 9
        while index < digits.count {
            var chunk: UInt64 = 0
            var multiplier: UInt64 = 1
            for digit in digits[index..<index + length] {
                chunk = chunk * 10 + UInt64(digit - 48)
                multiplier *= 10
            }
            var carry = chunk
            for limb in limbs.indices {
                let value = UInt64(limbs[limb]) * multiplier + carry
                limbs[limb] = UInt32(truncatingIfNeeded: value)
                carry = value >> 32
            }
            if carry != 0 { limbs.append(UInt32(carry)) }
            index += length
            length = 9
        }
        let bytes = limbs.reversed().flatMap { limb in
            (0..<4).map { UInt8(truncatingIfNeeded: limb >> (24 - 8 * $0)) }
        }
        return Array(bytes.drop { $0 == 0 })
    }

    /// The canonical decimal text of a big-endian integer (leading zero bytes allowed).
    public static func text<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let padding = [UInt8](repeating: 0, count: (4 - bytes.count % 4) % 4)
        let padded = padding + Array(bytes)
        var words = stride(from: 0, to: padded.count, by: 4).map { offset in
            padded[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }  // most significant first
        var chunks = [UInt32]()  // base 10⁹ digits, least significant first
        var start = words.firstIndex { $0 != 0 } ?? words.count
        while start < words.count {
            var remainder: UInt64 = 0
            for word in start..<words.count {
                let value = remainder << 32 | UInt64(words[word])
                words[word] = UInt32(value / 1_000_000_000)
                remainder = value % 1_000_000_000
            }
            chunks.append(UInt32(remainder))
            while start < words.count, words[start] == 0 { start += 1 }
        }
        guard let leading = chunks.popLast() else { return "0" }
        var text = String(leading)
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }
}
