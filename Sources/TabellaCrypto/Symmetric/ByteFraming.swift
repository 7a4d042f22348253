/// Fixed-width integer encodings used to frame variable-length fields in protocol messages and transcripts.
public enum ByteFraming {
    /// `value` as 8 bytes, most significant first.
    public static func uint64BigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
    }

    /// `value` as 8 bytes, least significant first.
    public static func uint64LittleEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    /// `value` as 4 bytes, least significant first.
    public static func uint32LittleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) }
    }
}

/// Reads fields one after another from a byte string, failing when it runs out.
public struct ByteReader: Sendable {
    private let bytes: [UInt8]
    /// The offset of the next unread byte.
    public private(set) var offset = 0

    /// A reader at the start of `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The number of bytes not read yet.
    public var remaining: Int { bytes.count - offset }

    /// The next `count` bytes, or `nil` when fewer remain.
    public mutating func read(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// The next 8 bytes as a big-endian integer, or `nil` when fewer remain.
    public mutating func readUInt64BigEndian() -> UInt64? {
        read(8)?.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The next 8 bytes as a little-endian integer, or `nil` when fewer remain.
    public mutating func readUInt64LittleEndian() -> UInt64? {
        read(8)?.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The next 4 bytes as a little-endian integer, or `nil` when fewer remain.
    public mutating func readUInt32LittleEndian() -> UInt32? {
        read(4)?.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
}
