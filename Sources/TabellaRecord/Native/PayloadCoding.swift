import Foundation
import TabellaGroups

/// The canonical JSON of entry payloads: sorted keys, no escaped slashes, so that equal values give equal bytes.
public enum PayloadCoding {
    /// The canonical JSON bytes of `value`.
    public static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return Array(try encoder.encode(value)) } catch {
            preconditionFailure("a payload type failed to encode: \(error)")
        }
    }

    /// Reads the payload of an entry of `type`.
    ///
    /// - Throws: ``ElectionError`` `.malformed` naming the entry type and the JSON path of the problem.
    public static func decode<Payload: Decodable>(
        _ payloadType: Payload.Type, from bytes: [UInt8], type: ElectionEntryType
    ) throws(ElectionError) -> Payload {
        do {
            return try JSONDecoder().decode(payloadType, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            throw ElectionError(.malformed, "the \(type.rawValue) payload lacks \(path(context.codingPath + [key]))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ElectionError(.malformed, "the \(type.rawValue) payload has a wrong value at "
                + "\(path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw ElectionError(.malformed, "the \(type.rawValue) payload is not valid at "
                + "\(path(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw ElectionError(.malformed, "the \(type.rawValue) payload is not valid JSON: \(error)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    /// The bytes of a hexadecimal field.
    ///
    /// - Throws: ``ElectionError`` `.malformed` naming the field when the text is not hexadecimal or, when `count`
    ///   is given, not that many bytes.
    public static func bytes(hex: String, _ field: String, count: Int? = nil) throws(ElectionError) -> [UInt8] {
        guard let bytes = Hex.decode(hex), count.map({ bytes.count == $0 }) ?? true else {
            throw ElectionError(.malformed, "\(field) is not \(count.map { "\($0) bytes of " } ?? "")hexadecimal")
        }
        return bytes
    }
}
