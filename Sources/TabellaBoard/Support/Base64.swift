import Foundation

/// Standard base64 (RFC 4648 §4, with padding), the encoding of every hash and signature in the C2SP formats.
public enum Base64 {
    /// The base64 text of `bytes`.
    public static func encode<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        Data(bytes).base64EncodedString()
    }

    /// The bytes of canonical, padded base64 text, or `nil` for anything else (whitespace, missing padding,
    /// non-zero trailing bits).
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        guard let data = Data(base64Encoded: String(text)) else { return nil }
        let bytes = [UInt8](data)
        // Reject encodings that decode but are not the one canonical text for their bytes.
        guard encode(bytes) == text else { return nil }
        return bytes
    }
}
