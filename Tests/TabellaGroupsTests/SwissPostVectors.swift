import Foundation
import TabellaGroups
import TabellaTestSupport

/// Reads the Swiss Post crypto-primitives vectors in `Vectors/swisspost-crypto-primitives/` (big integers are
/// `0x`-hex, byte arrays Base64).
enum SwissPostVectors {
    /// A vector file that is missing or does not have the expected shape.
    struct Malformed: Error, CustomStringConvertible {
        /// What was wrong, and where.
        let description: String
    }

    /// The cases of one vector file, by its path below `Vectors/swisspost-crypto-primitives/` (snake-case keys such
    /// as `bold_pk` read as `boldPk`).
    static func cases<Case: Decodable>(_ path: String, as type: [Case].Type = [Case].self) throws -> [Case] {
        let file = VectorFiles.url("swisspost-crypto-primitives/\(path)")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: Data(contentsOf: file))
    }

    /// The big-endian bytes of a `0x`-hex integer.
    static func integer(_ text: String) throws -> [UInt8] { try VectorFiles.prefixedHexInteger(text) }

    /// The bytes of Base64 text.
    static func bytes(_ text: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: text) else { throw Malformed(description: "\(text) is not Base64") }
        return Array(data)
    }

    /// The integer padded with leading zeros to `count` bytes.
    static func integer(_ text: String, byteCount count: Int) throws -> [UInt8] {
        let bytes = try integer(text)
        guard bytes.count <= count else {
            throw Malformed(description: "\(text.prefix(20)) is longer than \(count) bytes")
        }
        return [UInt8](repeating: 0, count: count - bytes.count) + bytes
    }

    /// A hashable value as the vectors write it: `{"type": "bytes" | "string" | "integer", "value": …}` or a list.
    struct Value: Decodable {
        /// The value.
        let value: HashableValue

        private enum Keys: String, CodingKey { case type, value }

        init(from decoder: any Decoder) throws {
            if var list = try? decoder.unkeyedContainer() {
                var elements = [HashableValue]()
                while !list.isAtEnd { elements.append(try list.decode(Value.self).value) }
                value = .list(elements)
                return
            }
            let object = try decoder.container(keyedBy: Keys.self)
            let text = try object.decode(String.self, forKey: .value)
            switch try object.decode(String.self, forKey: .type) {
            case "bytes": value = .bytes(try SwissPostVectors.bytes(text))
            case "string": value = .string(text)
            case "integer": value = .integer(bigEndian: try SwissPostVectors.integer(text))
            case let other: throw Malformed(description: "unknown hashable type \(other)")
            }
        }
    }

    /// The context of the ElGamal vectors: a safe-prime group.
    struct GroupContext: Decodable {
        let p: String
        let q: String
        let g: String

        /// The group, checked by `IntegerGroup`'s initialiser.
        func group(name: String) throws -> IntegerGroup {
            try IntegerGroup(
                name: name, p: SwissPostVectors.integer(p), q: SwissPostVectors.integer(q),
                g: SwissPostVectors.integer(g))
        }
    }
}

extension IntegerGroup {
    /// Decodes (with validation) an element written as `0x`-hex in a vector.
    func element(vector text: String) throws -> Element {
        try decode(SwissPostVectors.integer(text, byteCount: elementByteCount))
    }
}
