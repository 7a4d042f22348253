import Foundation
import TabellaGroups

/// Reads one JSON object field by field, tracking its file and JSON path for errors, and rejects fields that were
/// never asked for when ``finish()`` is called.
final class JSONObjectReader {
    let file: String
    let path: String
    private let fields: [String: JSONValue]
    private var consumed = Set<String>()

    /// Parses `data` as a JSON document whose root is an object.
    static func root(_ data: Data, file: String) throws(RecordError) -> JSONObjectReader {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw RecordError(.malformedJSON, file: file, path: "$", "not well-formed JSON (truncated or corrupt)")
        }
        return try JSONObjectReader(value, file: file, path: "$")
    }

    init(_ value: JSONValue, file: String, path: String) throws(RecordError) {
        guard case .object(let fields) = value else {
            throw RecordError(.wrongType, file: file, path: path, "expected an object")
        }
        self.file = file
        self.path = path
        self.fields = fields
    }

    func error(_ code: RecordError.Code, _ key: String, _ message: String) -> RecordError {
        RecordError(code, file: file, path: "\(path).\(key)", message)
    }

    /// The field's value, which must be present and not null (and marks it read).
    func value(_ key: String) throws(RecordError) -> JSONValue {
        consumed.insert(key)
        guard let value = fields[key] else { throw error(.missingField, key, "required field") }
        if case .null = value { throw error(.missingField, key, "required field") }
        return value
    }

    /// Whether the field is absent or null (and marks it read).
    func isNull(_ key: String) -> Bool {
        consumed.insert(key)
        guard let value = fields[key] else { return true }
        if case .null = value { return true }
        return false
    }

    func string(_ key: String) throws(RecordError) -> String {
        guard case .string(let string) = try value(key) else { throw error(.wrongType, key, "expected a string") }
        return string
    }

    func optionalString(_ key: String) throws(RecordError) -> String? {
        isNull(key) ? nil : try string(key)
    }

    func int(_ key: String) throws(RecordError) -> Int {
        guard case .integer(let integer) = try value(key) else { throw error(.wrongType, key, "expected an integer") }
        return integer
    }

    /// An integer in `range`.
    func int(_ key: String, in range: ClosedRange<Int>) throws(RecordError) -> Int {
        let integer = try int(key)
        guard range.contains(integer) else {
            throw error(.malformedValue, key, "\(integer) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return integer
    }

    func bool(_ key: String) throws(RecordError) -> Bool {
        guard case .bool(let bool) = try value(key) else { throw error(.wrongType, key, "expected true or false") }
        return bool
    }

    /// A hexadecimal integer of at most `byteCount` significant bytes, left-padded to `byteCount` bytes.
    func integerBytes(_ key: String, byteCount: Int) throws(RecordError) -> [UInt8] {
        try Self.integerBytes(string(key), byteCount: byteCount) { (message: String) in
            error(.malformedValue, key, message)
        }
    }

    /// A residue modulo p: a hexadecimal integer of at most 512 bytes, as 512 bytes.
    func element(_ key: String) throws(RecordError) -> [UInt8] {
        try integerBytes(key, byteCount: ElectionGuardRecord.elementByteCount)
    }

    /// A value modulo q or a hash: a hexadecimal integer of at most 32 bytes, as 32 bytes.
    func scalar(_ key: String) throws(RecordError) -> [UInt8] {
        try integerBytes(key, byteCount: ElectionGuardRecord.scalarByteCount)
    }

    /// Free-length hexadecimal bytes.
    func hexBytes(_ key: String) throws(RecordError) -> [UInt8] {
        let text = try string(key)
        guard let bytes = Hex.decode(text) else { throw error(.malformedValue, key, "not hexadecimal") }
        return bytes
    }

    func object(_ key: String) throws(RecordError) -> JSONObjectReader {
        try JSONObjectReader(value(key), file: file, path: "\(path).\(key)")
    }

    func optionalObject(_ key: String) throws(RecordError) -> JSONObjectReader? {
        isNull(key) ? nil : try object(key)
    }

    private func array(_ key: String) throws(RecordError) -> [JSONValue] {
        guard case .array(let array) = try value(key) else { throw error(.wrongType, key, "expected an array") }
        return array
    }

    func objects(_ key: String) throws(RecordError) -> [JSONObjectReader] {
        var readers = [JSONObjectReader]()
        for (index, element) in try array(key).enumerated() {
            readers.append(try JSONObjectReader(element, file: file, path: "\(path).\(key)[\(index)]"))
        }
        return readers
    }

    func strings(_ key: String) throws(RecordError) -> [String] {
        var strings = [String]()
        for (index, element) in try array(key).enumerated() {
            guard case .string(let string) = element else {
                throw error(.wrongType, "\(key)[\(index)]", "expected a string")
            }
            strings.append(string)
        }
        return strings
    }

    /// An array of integers.
    func ints(_ key: String) throws(RecordError) -> [Int] {
        var numbers = [Int]()
        for (index, element) in try array(key).enumerated() {
            guard case .integer(let number) = element else {
                throw error(.wrongType, "\(key)[\(index)]", "expected an integer")
            }
            numbers.append(number)
        }
        return numbers
    }

    /// An array of integers in 0...255 or -128...127 (Kotlin writes signed bytes), as bytes.
    func byteArray(_ key: String) throws(RecordError) -> [UInt8] {
        var bytes = [UInt8]()
        for (index, element) in try array(key).enumerated() {
            guard case .integer(let number) = element, (-128...255).contains(number) else {
                throw error(.wrongType, "\(key)[\(index)]", "expected a byte")
            }
            bytes.append(UInt8(truncatingIfNeeded: number))
        }
        return bytes
    }

    /// An object whose values are all strings.
    func stringMap(_ key: String) throws(RecordError) -> [String: String] {
        guard case .object(let map) = try value(key) else { throw error(.wrongType, key, "expected an object") }
        var result = [String: String]()
        for (name, value) in map {
            guard case .string(let string) = value else {
                throw error(.wrongType, "\(key).\(name)", "expected a string")
            }
            result[name] = string
        }
        return result
    }

    /// Fails on the first field that was never read.
    func finish() throws(RecordError) {
        if let unknown = fields.keys.sorted().first(where: { !consumed.contains($0) }) {
            throw error(.unknownField, unknown, "a field the record's format does not define")
        }
    }

    /// Reads hexadecimal text as an integer of at most `byteCount` significant bytes, left-padded to `byteCount`.
    static func integerBytes(_ text: String, byteCount: Int, error: (String) -> RecordError) throws(RecordError)
        -> [UInt8]
    {
        let padded = text.count % 2 == 1 ? "0" + text : text
        guard !text.isEmpty, let bytes = Hex.decode(padded) else { throw error("not hexadecimal") }
        let significant = bytes.drop { $0 == 0 }
        guard significant.count <= byteCount else {
            throw error("\(significant.count) bytes is longer than the \(byteCount) allowed")
        }
        return [UInt8](repeating: 0, count: byteCount - significant.count) + significant
    }
}
