import Foundation
import TabellaGroups
import TabellaRecord
import TabellaTestSupport

/// A copy of a Belenios archive of `Vectors/belenios/` as editable text members, written back as a tar.
///
/// ``rehash()`` renames every member after its new contents and carries the new hashes into the members after it
/// (payload references, parents), so that a test can alter one object without also breaking the chain of hashes.
struct BeleniosArchiveEdit {
    /// A member's name and text.
    struct Member {
        var name: String
        var text: String

        /// The name's hash part.
        var hash: String { String(name.prefix(64)) }
        /// Whether the member is an event.
        var isEvent: Bool { name.hasSuffix(".event.json") }
    }

    private(set) var header: [UInt8]
    var members: [Member]

    /// The members of `Vectors/belenios/<vector>`.
    init(_ vector: String) throws {
        let archive = try BeleniosArchive(contentsOf: VectorFiles.url("belenios/\(vector)"))
        header = archive.header
        members = archive.members.map { Member(name: $0.name, text: String(decoding: $0.bytes, as: UTF8.self)) }
    }

    /// The position of the event at `height`.
    func event(_ height: Int) -> Int {
        members.indices.filter { members[$0].isEvent }[height]
    }

    /// The position of the data member named in the payload of the event at `height`, if it has one.
    func payload(ofEvent height: Int) -> Int? {
        guard let hash = Self.field("payload", in: members[event(height)].text) else { return nil }
        return members.firstIndex { $0.hash == hash }
    }

    /// The position of the first member whose text contains `needle`.
    func member(containing needle: String) -> Int {
        members.firstIndex { $0.text.contains(needle) }!
    }

    /// Replaces the first `old` in the member at `position` with `new`.
    mutating func replace(_ old: String, with new: String, at position: Int) {
        let text = members[position].text
        let range = text.range(of: old)!
        members[position].text = text.replacingCharacters(in: range, with: new)
    }

    /// The string value of the first `"key":"…"` in `text`.
    static func field(_ key: String, in text: String, occurrence: Int = 0) -> String? {
        var rest = Substring(text)
        for _ in 0...occurrence {
            guard let range = rest.range(of: "\"\(key)\":\"") else { return nil }
            rest = rest[range.upperBound...]
        }
        return String(rest.prefix { $0 != "\"" })
    }

    /// Swaps the challenge and the response of the `occurrence`-th proof of the member at `position` (both stay
    /// canonical and below q, so only the proof's equation breaks).
    mutating func swapProof(occurrence: Int, at position: Int) {
        let text = members[position].text
        let challenge = Self.field("challenge", in: text, occurrence: occurrence)!
        let response = Self.field("response", in: text, occurrence: occurrence)!
        let old = "{\"challenge\":\"\(challenge)\",\"response\":\"\(response)\"}"
        replace(old, with: "{\"challenge\":\"\(response)\",\"response\":\"\(challenge)\"}", at: position)
    }

    /// Removes the event at `height` with its payload (and the payload's own payload, for owned ones), then
    /// renumbers the later events.
    mutating func removeEvent(_ height: Int) {
        let position = event(height)
        var removed = [position]
        if let payload = payload(ofEvent: height) {
            removed.append(payload)
            if let inner = Self.field("payload", in: members[payload].text),
               let owned = members.firstIndex(where: { $0.hash == inner }) {
                removed.append(owned)
            }
        }
        for index in removed.sorted(by: >) { members.remove(at: index) }
        renumber(from: height, by: -1)
    }

    /// Inserts, after the event at `height`, a copy of that event (same payload), then renumbers the later events.
    mutating func repeatEvent(_ height: Int) {
        let position = event(height)
        let copy = members[position].text.replacingOccurrences(of: "\"height\":\(height),",
                                                               with: "\"height\":\(height + 1),")
        renumber(from: height + 1, by: 1)
        members.insert(Member(name: String(repeating: "0", count: 64) + ".event.json", text: copy), at: position + 1)
    }

    /// Adds `delta` to the height of every event from `height` on.
    private mutating func renumber(from height: Int, by delta: Int) {
        for position in members.indices where members[position].isEvent {
            let text = members[position].text
            guard let current = Int(text.split(separator: "\"height\":")[1].prefix { $0.isNumber }),
                  current >= height else { continue }
            members[position].text = text.replacingOccurrences(of: "\"height\":\(current),",
                                                               with: "\"height\":\(current + delta),")
        }
    }

    /// Renames every member after the SHA-256 of its text, carrying renamed hashes into later members; when
    /// `relinking`, each event's parent is also set to the event before it (after events were removed or added).
    mutating func rehash(relinking: Bool = true) {
        var renamed = [String: String]()
        var previousEvent: String?
        for position in members.indices {
            var text = members[position].text
            for (old, new) in renamed { text = text.replacingOccurrences(of: old, with: new) }
            if relinking, members[position].isEvent, let previousEvent, let parent = Self.field("parent", in: text) {
                text = text.replacingOccurrences(of: parent, with: previousEvent)
            }
            let hash = Hex.encode(Digest.sha256.hash(Array(text.utf8)))
            if hash != members[position].hash { renamed[members[position].hash] = hash }
            let suffix = members[position].name.dropFirst(64)
            members[position] = Member(name: hash + suffix, text: text)
            if members[position].isEvent { previousEvent = hash }
        }
    }

    /// The archive written as a tar in a new scratch folder.
    func write() throws -> URL {
        var tar = [UInt8]()
        for (name, bytes) in [("BELENIOS", header)] + members.map({ ($0.name, Array($0.text.utf8)) }) {
            var block = [UInt8](repeating: 0, count: 512)
            func put(_ text: String, at offset: Int) {
                for (index, byte) in text.utf8.enumerated() { block[offset + index] = byte }
            }
            put(name, at: 0)
            put("0000644", at: 100)
            put("0000000", at: 108)
            put("0000000", at: 116)
            put(Self.octal(bytes.count, digits: 11), at: 124)
            put("00000000000", at: 136)
            put("        ", at: 148)
            block[156] = UInt8(ascii: "0")
            let sum = block.reduce(0) { $0 + Int($1) }
            put(Self.octal(sum, digits: 6) + "\0 ", at: 148)
            tar += block + bytes + [UInt8](repeating: 0, count: (512 - bytes.count % 512) % 512)
        }
        tar += [UInt8](repeating: 0, count: 1024)
        let url = ScratchDirectory.make("belenios").appendingPathComponent("election.bel")
        try Data(tar).write(to: url)
        return url
    }

    /// `value` in octal, left-padded with zeros to `digits` digits.
    private static func octal(_ value: Int, digits: Int) -> String {
        let text = String(value, radix: 8)
        return String(repeating: "0", count: digits - text.count) + text
    }
}
