import Foundation
import TabellaGroups

/// Test support shared by the test targets (not part of any product).
///
/// Locates the repository's `Vectors/` folder from this source file, so that tests never depend on the working
/// directory or on anything outside the repository.
public enum VectorFiles {
    /// `Vectors/<relativePath>` in the repository holding this test.
    public static func url(_ relativePath: String, file: StaticString = #filePath) -> URL {
        var directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("Vectors").appendingPathComponent(relativePath)
    }

    /// The parsed JSON object of a vector file.
    public static func json(_ relativePath: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url(relativePath))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return object
    }
}

extension VectorFiles {
    /// The big-endian bytes of a `0x`-hex integer (odd digit counts allowed), as the Swiss Post vectors write them.
    public static func prefixedHexInteger(_ text: String) throws -> [UInt8] {
        let digits = String(text.dropFirst(2))
        guard text.hasPrefix("0x"), let bytes = Hex.decode(digits.count % 2 == 0 ? digits : "0" + digits) else {
            throw VectorFieldError(key: String(text.prefix(20)))
        }
        return bytes
    }
}

/// A vector file lacked a field or had one of the wrong form.
public struct VectorFieldError: Error, CustomStringConvertible {
    /// The missing or malformed key.
    public let key: String
    /// The message naming the key.
    public var description: String { "vector field \(key) is missing or malformed" }
}

extension Dictionary where Key == String, Value == Any {
    /// The array of objects at `key`.
    public func objects(_ key: String) throws -> [[String: Any]] {
        guard let value = self[key] as? [[String: Any]] else { throw VectorFieldError(key: key) }
        return value
    }

    /// The string at `key`.
    public func string(_ key: String) throws -> String {
        guard let value = self[key] as? String else { throw VectorFieldError(key: key) }
        return value
    }

    /// The integer at `key`.
    public func int(_ key: String) throws -> Int {
        guard let value = self[key] as? Int else { throw VectorFieldError(key: key) }
        return value
    }

    /// The bytes of the hexadecimal string at `key`.
    public func hex(_ key: String) throws -> [UInt8] {
        guard let value = Hex.decode(try string(key)) else { throw VectorFieldError(key: key) }
        return value
    }

    /// The object at `key`.
    public func object(_ key: String) throws -> [String: Any] {
        guard let value = self[key] as? [String: Any] else { throw VectorFieldError(key: key) }
        return value
    }
}
