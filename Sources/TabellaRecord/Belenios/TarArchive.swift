/// One regular file of a tar archive.
public struct TarMember: Sendable, Hashable {
    /// The file's name in the archive.
    public let name: String
    /// The file's contents.
    public let bytes: [UInt8]

    /// A member named `name` holding `bytes`.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// Reads the regular files of a tar archive (the old-style and ustar formats, as Belenios writes its archives).
enum TarArchive {
    /// The size of a header and the unit of contents.
    static let blockSize = 512

    /// The members in order, up to the end-of-archive block or the end of the data. Each header's checksum, size and
    /// type are checked; only regular files are accepted.
    static func members(of data: [UInt8], file: String) throws(RecordError) -> [TarMember] {
        var members = [TarMember]()
        var offset = 0
        while offset + blockSize <= data.count {
            let header = data[offset..<offset + blockSize]
            if header.allSatisfy({ $0 == 0 }) { break }
            let path = "member \(members.count)"
            func fail(_ message: String) -> RecordError {
                RecordError(.malformedValue, file: file, path: path, message)
            }
            guard let checksum = octal(header.dropFirst(148).prefix(8)) else {
                throw fail("unreadable header checksum")
            }
            let sum = header.enumerated().reduce(0) { $0 + ((148..<156).contains($1.offset) ? 32 : Int($1.element)) }
            guard sum == checksum else { throw fail("the header's checksum is \(checksum), its bytes sum to \(sum)") }
            guard let size = octal(header.dropFirst(124).prefix(12)) else { throw fail("unreadable file size") }
            let type = header[header.startIndex + 156]
            guard type == 0 || type == UInt8(ascii: "0") else {
                throw fail("type \(Character(Unicode.Scalar(type))) is not a regular file")
            }
            let start = offset + blockSize
            guard start + size <= data.count else { throw fail("the file's \(size) bytes run past the archive's end") }
            let name = String(decoding: header.prefix(100).prefix { $0 != 0 }, as: UTF8.self)
            members.append(TarMember(name: name, bytes: Array(data[start..<start + size])))
            offset = start + (size + blockSize - 1) / blockSize * blockSize
        }
        return members
    }

    /// An octal number padded with spaces or NULs, as tar headers write sizes and checksums.
    private static func octal(_ field: ArraySlice<UInt8>) -> Int? {
        let digits = field.drop { $0 == 32 }.prefix { $0 != 0 && $0 != 32 }
        guard !digits.isEmpty, digits.count <= 11, digits.allSatisfy({ (48...55).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 8 + Int($1 - 48) }
    }
}
