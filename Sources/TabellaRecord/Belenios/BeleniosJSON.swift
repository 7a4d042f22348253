import Foundation
import TabellaGroups

/// A Belenios proof: a challenge and a response, decimal integers below q (checked by the verifier).
public struct BeleniosProof: Sendable, Hashable {
    /// The challenge, in canonical decimal.
    public let challenge: String
    /// The response, in canonical decimal.
    public let response: String
}

/// An ElGamal ciphertext `(alpha, beta)` of Belenios, each a decimal group element (checked by the verifier).
public struct BeleniosCiphertext: Sendable, Hashable {
    /// `g^r`, in canonical decimal.
    public let alpha: String
    /// `y^r g^m`, in canonical decimal.
    public let beta: String
}

/// Reading Belenios's JSON values, with the member and JSON path of anything wrong.
struct BeleniosJSON {
    /// The member's name.
    let file: String

    /// The parsed JSON document of `bytes`.
    func root(_ bytes: [UInt8]) throws(RecordError) -> JSONValue {
        do { return try JSONDecoder().decode(JSONValue.self, from: Data(bytes)) } catch {
            throw RecordError(.malformedJSON, file: file, path: "$", "not well-formed JSON (truncated or corrupt)")
        }
    }

    /// The reader of the member's root object.
    func rootObject(_ bytes: [UInt8]) throws(RecordError) -> JSONObjectReader {
        try object(root(bytes), "$")
    }

    /// The object reader of `value` at `path`.
    func object(_ value: JSONValue, _ path: String) throws(RecordError) -> JSONObjectReader {
        try JSONObjectReader(value, file: file, path: path)
    }

    /// The elements of an array.
    func array(_ value: JSONValue, _ path: String) throws(RecordError) -> [JSONValue] {
        guard case .array(let elements) = value else {
            throw RecordError(.wrongType, file: file, path: path, "expected an array")
        }
        return elements
    }

    /// `transform` of each element of an array, at `path[index]`.
    func map<T>(_ value: JSONValue, _ path: String, _ transform: (JSONValue, String) throws(RecordError) -> T)
        throws(RecordError) -> [T]
    {
        var results = [T]()
        for (index, element) in try array(value, path).enumerated() {
            results.append(try transform(element, "\(path)[\(index)]"))
        }
        return results
    }

    /// A string.
    func string(_ value: JSONValue, _ path: String) throws(RecordError) -> String {
        guard case .string(let string) = value else {
            throw RecordError(.wrongType, file: file, path: path, "expected a string")
        }
        return string
    }

    /// A non-negative integer in canonical decimal, inside a string.
    func decimal(_ value: JSONValue, _ path: String) throws(RecordError) -> String {
        let text = try string(value, path)
        guard DecimalInteger.bytes(text) != nil else {
            throw RecordError(.malformedValue, file: file, path: path,
                              "`\(text.prefix(24))` is not a canonical decimal integer")
        }
        return text
    }

    /// An integer.
    func int(_ value: JSONValue, _ path: String) throws(RecordError) -> Int {
        guard case .integer(let integer) = value else {
            throw RecordError(.wrongType, file: file, path: path, "expected an integer")
        }
        return integer
    }

    /// A `{"challenge", "response"}` object.
    func proof(_ value: JSONValue, _ path: String) throws(RecordError) -> BeleniosProof {
        let reader = try object(value, path)
        let proof = BeleniosProof(challenge: try decimal(reader, "challenge"),
                                  response: try decimal(reader, "response"))
        try reader.finish()
        return proof
    }

    /// An array of proofs.
    func proofs(_ value: JSONValue, _ path: String) throws(RecordError) -> [BeleniosProof] {
        try map(value, path) { (element, path) throws(RecordError) in try proof(element, path) }
    }

    /// An `{"alpha", "beta"}` object.
    func ciphertext(_ value: JSONValue, _ path: String) throws(RecordError) -> BeleniosCiphertext {
        let reader = try object(value, path)
        let ciphertext = BeleniosCiphertext(alpha: try decimal(reader, "alpha"), beta: try decimal(reader, "beta"))
        try reader.finish()
        return ciphertext
    }

    /// The decimal string field `key` of an object.
    func decimal(_ reader: JSONObjectReader, _ key: String) throws(RecordError) -> String {
        try decimal(reader.value(key), "\(reader.path).\(key)")
    }

    /// A content hash: 64 lower-case hexadecimal digits.
    func hash(_ reader: JSONObjectReader, _ key: String) throws(RecordError) -> String {
        let text = try reader.string(key)
        guard text.count == 64, text.utf8.allSatisfy({ Hex.digits.contains($0) }) else {
            throw reader.error(.malformedValue, key, "not a SHA-256 hash in hexadecimal")
        }
        return text
    }
}
