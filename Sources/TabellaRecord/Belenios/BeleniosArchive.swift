import Foundation
import TabellaGroups

/// A Belenios 2.x election archive (`.bel`): a tar whose first file, `BELENIOS`, is a header, followed by JSON data
/// and events, each named by the SHA-256 of its contents (`<hex>.data.json`, `<hex>.event.json`).
///
/// Reading checks the tar and the names' form only; whether each name is its contents' hash, the chain of events and
/// the contents themselves are checks of the verifier.
public struct BeleniosArchive: Sendable {
    /// A data object or an event.
    public struct Member: Sendable {
        /// Whether the member is a payload or an event.
        public enum Kind: String, Sendable {
            /// A `.data.json` object.
            case data
            /// An `.event.json` event.
            case event
        }

        /// The member's file name.
        public let name: String
        /// The hash its name claims (64 lower-case hexadecimal digits).
        public let hash: String
        /// Data or event.
        public let kind: Kind
        /// The JSON contents.
        public let bytes: [UInt8]
        /// Its place among the members after the header, from 0.
        public let position: Int
    }

    /// The archive's path, for reports.
    public let path: String
    /// The `BELENIOS` header's contents.
    public let header: [UInt8]
    /// The members after the header, in the archive's order.
    public let members: [Member]
    /// The position of the first data member of each name's hash.
    private let firstData: [String: Int]

    /// Reads the archive at `url`.
    public init(contentsOf url: URL) throws(RecordError) {
        let data: Data
        do { data = try RecordFiles.contents(of: url) } catch {
            throw RecordError(.unreadableFile, file: url.path, path: "$",
                              "cannot be read: \(error.localizedDescription)")
        }
        try self.init(bytes: [UInt8](data), path: url.path)
    }

    /// Reads an archive's bytes; `path` names it in errors.
    public init(bytes: [UInt8], path: String) throws(RecordError) {
        let files = try TarArchive.members(of: bytes, file: path)
        guard let first = files.first, first.name == "BELENIOS" else {
            throw RecordError(.malformedValue, file: path, path: "member 0",
                              "a Belenios archive starts with its BELENIOS header file")
        }
        var members = [Member]()
        for (offset, file) in files.dropFirst().enumerated() {
            let parts = file.name.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].count == 64, parts[0].utf8.allSatisfy({ Hex.digits.contains($0) }),
                  let kind = Member.Kind(rawValue: parts[1].replacingOccurrences(of: ".json", with: "")),
                  parts[1] == "\(kind.rawValue).json" else {
                throw RecordError(.malformedValue, file: path, path: "member \(offset + 1)",
                                  "`\(file.name)` is not named <sha256>.data.json or <sha256>.event.json")
            }
            members.append(Member(name: file.name, hash: parts[0], kind: kind, bytes: file.bytes, position: offset))
        }
        self.path = path
        self.header = first.bytes
        self.members = members
        var firstData = [String: Int]()
        for member in members where member.kind == .data && firstData[member.hash] == nil {
            firstData[member.hash] = member.position
        }
        self.firstData = firstData
    }

    /// The events, in the archive's order.
    public var events: [Member] { members.filter { $0.kind == .event } }

    /// The data object named by `hash` that precedes position `position`, if there is one.
    public func data(_ hash: String, before position: Int) -> Member? {
        guard let found = firstData[hash], found < position else { return nil }
        return members[found]
    }
}

extension Hex {
    /// The ASCII codes of lower-case hexadecimal digits.
    static let digits = Set("0123456789abcdef".utf8)
}
