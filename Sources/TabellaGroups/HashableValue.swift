/// A value that the Swiss Post recursive hash accepts (the domain 𝒱 of its algorithms 4.8–4.10): a byte array,
/// a string, a non-negative integer, or a list of such values.
///
/// Each scalar value is hashed with a one-byte type prefix, so that the string "A", the byte array `<0x41>` and the
/// integer 65 give different digests, and a list hashes the digests of its elements, so that ("A", "B") and
/// ("AB") differ.
public indirect enum HashableValue: Sendable, Hashable {
    /// A byte array, prefix `0x00`.
    case bytes([UInt8])
    /// A non-negative integer as big-endian bytes, prefix `0x01`; hashed in its shortest form (leading zero bytes
    /// removed, zero as one byte), so the same integer always hashes alike however it was padded.
    case integer(bigEndian: [UInt8])
    /// A string, hashed as its UTF-8 bytes, prefix `0x02`.
    case string(String)
    /// A list, prefix `0x03` before the digests of its elements. It must not be empty.
    case list([HashableValue])
    /// A value whose recursive hash was computed beforehand (``RecursiveHash/precompute(_:bitLength:)``), which
    /// contributes that digest as it is: the same large value (a list of ciphertexts) hashed into several
    /// challenges is digested once. Only valid in hashes of the same function and length as its own.
    case digest([UInt8])

    /// A small non-negative integer.
    public static func integer(_ value: UInt64) -> HashableValue {
        .integer(bigEndian: (0..<8).map { UInt8(truncatingIfNeeded: value >> UInt64(56 - 8 * $0)) })
    }

    /// A scalar (an element of ℤq, a `ZqElement` in the Swiss Post code), hashed as the integer it stands for.
    public static func scalar(_ value: Scalar) -> HashableValue {
        .integer(bigEndian: Limbs.toBigEndian(value.limbs, byteCount: value.limbs.count * 8))
    }

    /// An element of an integer group (a `GqElement`), hashed as the integer it stands for, not as its
    /// fixed-length encoding.
    public static func element(_ value: IntegerGroup.Element) -> HashableValue {
        .integer(bigEndian: Limbs.toBigEndian(value.limbs, byteCount: value.limbs.count * 8))
    }

    /// The type prefix and the bytes that a scalar value contributes to a hash; `nil` for a list.
    var prefixedBytes: [UInt8]? {
        switch self {
        case .bytes(let bytes): [0x00] + bytes
        case .integer(let bigEndian): [0x01] + BigEndianInteger.minimal(bigEndian)
        case .string(let text): [0x02] + Array(text.utf8)
        case .list, .digest: nil
        }
    }
}
