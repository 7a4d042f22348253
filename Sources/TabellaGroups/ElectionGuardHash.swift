/// ElectionGuard's hash function `H` and its reduction `H_q` (specification 2.0.0 and 2.1.0, section 5).
///
/// `H(B₀; B₁) = HMAC-SHA-256(B₀, B₁)`: the first argument is a 32-byte key (a version array or one of the base
/// hashes), the second the concatenation of a domain-separation byte and the encoded inputs, which
/// ``ElectionGuardHashInput`` builds. `H_q` reads the output as a big-endian integer and reduces it modulo q.
public enum ElectionGuardHash {
    /// The length of every output and of every key, in bytes.
    public static let byteCount = 32

    /// `H(key; input)`: HMAC-SHA-256 of the encoded input under `key`.
    public static func hash(key: [UInt8], _ input: ElectionGuardHashInput) -> [UInt8] {
        hash(key: HMAC.PreparedKey(.sha256, key: key), input)
    }

    /// `H(key; input)` under a key prepared once for several hashes (such as a ballot's H_I).
    public static func hash(key: HMAC.PreparedKey, _ input: ElectionGuardHashInput) -> [UInt8] {
        key.authenticationCode(parts: [input.bytes])
    }

    /// `H_q(key; input) = H(key; input) mod q`, the output read as a big-endian integer.
    public static func hashToScalar(key: [UInt8], _ input: ElectionGuardHashInput, field: ScalarField) -> Scalar {
        field.reduce(bigEndian: hash(key: key, input))
    }

    /// `H_q(key; input)` under a prepared key.
    public static func hashToScalar(key: HMAC.PreparedKey, _ input: ElectionGuardHashInput, field: ScalarField)
        -> Scalar
    {
        field.reduce(bigEndian: hash(key: key, input))
    }

    /// The version array that keys the parameter base hash: the UTF-8 version string padded with zero bytes to 32
    /// bytes (`"v2.0.0"` for the 2.0 records, `"v2.1.0"` for 2.1).
    ///
    /// The 2.0 specification's text says 27 zero bytes after "v2.0.0", which would make 33; the implementations
    /// and the published `H_P` use 26, so that the key has 32 bytes like every other key of `H`.
    public static func versionKey(_ version: String) -> [UInt8] {
        let bytes = Array(version.utf8)
        precondition(bytes.count <= byteCount, "a version string has at most 32 bytes")
        return bytes + [UInt8](repeating: 0, count: byteCount - bytes.count)
    }
}

/// The second argument of ``ElectionGuardHash``: a domain-separation byte followed by encoded values.
///
/// Encodings follow the specification's section 5.1: group elements in the group's canonical encoding (integers
/// modulo p as exactly `l_p` = 512 big-endian bytes for the standard group), scalars in the field's encoding (32
/// big-endian bytes for q), small integers and indices as 4 big-endian bytes, strings and files as a 4-byte length
/// followed by their bytes, and hash outputs or other fixed-length byte arrays as they are.
public struct ElectionGuardHashInput: Sendable, Hashable {
    /// The bytes so far.
    public private(set) var bytes: [UInt8]

    /// Starts an input with its domain-separation byte, such as `0x21` for a range proof's challenge.
    public init(domain: UInt8) {
        bytes = [domain]
    }

    /// Appends a fixed-length byte array as it is (a hash output, a nonce, a version array).
    public mutating func append(bytes raw: [UInt8]) {
        bytes += raw
    }

    /// Appends a small integer or index as 4 big-endian bytes, `b(value, 4)`.
    public mutating func append(index value: UInt32) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a byte array of variable length, such as a file or an auxiliary input, after its 4-byte length.
    public mutating func append(lengthPrefixed raw: [UInt8]) {
        append(index: UInt32(raw.count))
        bytes += raw
    }

    /// Appends a string as its UTF-8 bytes after their 4-byte length, `b(len(s), 4) ∥ b(s, len(s))`.
    public mutating func append(string: String) {
        append(lengthPrefixed: Array(string.utf8))
    }

    /// Appends a group element in its canonical encoding (512 bytes in the standard group).
    public mutating func append<Group: PrimeOrderGroup>(element: Group.Element, of group: Group) {
        bytes += group.encode(element)
    }

    /// Appends several group elements in order (encoded together, ``PrimeOrderGroup/encodeAll(_:)``).
    public mutating func append<Group: PrimeOrderGroup>(elements: [Group.Element], of group: Group) {
        bytes += group.encodeAll(elements)
    }

    /// Appends a scalar in its field's canonical encoding (32 big-endian bytes for q).
    public mutating func append(scalar: Scalar, of field: ScalarField) {
        bytes += field.encode(scalar)
    }
}
