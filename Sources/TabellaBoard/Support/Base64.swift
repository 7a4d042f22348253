/// Standard base64 (RFC 4648 §4, with padding), the encoding of every hash and signature in the C2SP formats.
///
/// Written out here rather than through Foundation: the board encodes and decodes base64 on every append and
/// every proof, and decoding accepts only the one canonical text of each byte string directly, without
/// re-encoding to compare.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let padding = UInt8(ascii: "=")
    /// The value of each ASCII byte in the alphabet, 0xFF for a byte outside it.
    private static let values: [UInt8] = {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { values[Int(character)] = UInt8(value) }
        return values
    }()

    /// The base64 text of `bytes`.
    public static func encode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        var text = [UInt8]()
        append(bytes, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends the base64 text of `bytes` to `text`.
    public static func append<Bytes: Collection<UInt8>>(_ bytes: Bytes, to text: inout [UInt8]) {
        let appended: Void? = bytes.withContiguousStorageIfAvailable { append($0, to: &text) }
        if appended == nil { Array(bytes).withUnsafeBufferPointer { append($0, to: &text) } }
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]) {
        let start = text.count
        let count = (bytes.count + 2) / 3 * 4
        text += repeatElement(padding, count: count)
        alphabet.withUnsafeBufferPointer { alphabet in
            text.withUnsafeMutableBufferPointer { text in
                var output = start
                var input = 0
                while input < bytes.count {
                    let remaining = bytes.count - input
                    let group =
                        UInt32(bytes[input]) << 16 | (remaining > 1 ? UInt32(bytes[input + 1]) << 8 : 0)
                        | (remaining > 2 ? UInt32(bytes[input + 2]) : 0)
                    text[output] = alphabet[Int(group >> 18)]
                    text[output + 1] = alphabet[Int(group >> 12 & 0x3F)]
                    if remaining > 1 { text[output + 2] = alphabet[Int(group >> 6 & 0x3F)] }
                    if remaining > 2 { text[output + 3] = alphabet[Int(group & 0x3F)] }
                    input += 3
                    output += 4
                }
            }
        }
    }

    /// The bytes of canonical, padded base64 text, or `nil` for anything else (whitespace, missing padding,
    /// non-zero trailing bits).
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var text = String(text)
        return text.withUTF8 { decode(utf8: $0) }
    }

    /// The bytes of canonical, padded base64 text given as its UTF-8 bytes, or `nil` (see ``decode(_:)``).
    public static func decode(utf8 text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        guard text.count > 0 else { return [] }
        let paddingCount = text[text.count - 1] != padding ? 0 : text[text.count - 2] != padding ? 1 : 2
        let byteCount = text.count / 4 * 3 - paddingCount
        var valid = true
        let bytes = values.withUnsafeBufferPointer { values in
            [UInt8](unsafeUninitializedCapacity: byteCount) { bytes, initialized in
                var output = 0
                // The groups before the last: four characters of the alphabet (0xFF marks any other byte).
                for start in stride(from: 0, to: text.count - 4, by: 4) {
                    let a = values[Int(text[start])], b = values[Int(text[start + 1])]
                    let c = values[Int(text[start + 2])], d = values[Int(text[start + 3])]
                    guard (a | b | c | d) & 0xC0 == 0 else {
                        valid = false
                        return
                    }
                    let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    bytes[output] = UInt8(truncatingIfNeeded: group >> 16)
                    bytes[output + 1] = UInt8(truncatingIfNeeded: group >> 8)
                    bytes[output + 2] = UInt8(truncatingIfNeeded: group)
                    output += 3
                }
                // The last group: its padding, and zero bits after the last byte (the one canonical text).
                var group: UInt32 = 0
                for offset in 0..<4 {
                    let value = offset < 4 - paddingCount ? values[Int(text[text.count - 4 + offset])] : 0
                    guard value & 0xC0 == 0 else {
                        valid = false
                        return
                    }
                    group = group << 6 | UInt32(value)
                }
                let unused: UInt32 = paddingCount == 2 ? 0xFFFF : paddingCount == 1 ? 0xFF : 0
                guard group & unused == 0 else {
                    valid = false
                    return
                }
                for shift in [16, 8, 0].prefix(3 - paddingCount) {
                    bytes[output] = UInt8(truncatingIfNeeded: group >> UInt32(shift))
                    output += 1
                }
                initialized = output
            }
        }
        return valid ? bytes : nil
    }
}
