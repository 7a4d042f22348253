internal import COpenSSL

/// XAES-256-GCM (c2sp.org/XAES-256-GCM): AES-256-GCM under a key derived per nonce with the NIST SP 800-108r1
/// counter-mode KDF over AES-256-CMAC, so that 24-byte nonces are safe. Built on OpenSSL's AES.
enum XAES256GCM {
    /// Encrypts and appends the 16-byte tag.
    static func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]) -> [UInt8] {
        var derived = derivedKey(key: key, nonce: nonce)
        defer { wipe(&derived) }
        let context = CipherContext(AESAlgorithms.shared.gcm, key: derived, iv: Array(nonce[12..<24]), encrypt: true)
        var ciphertext = context.update(associatedData: associatedData, data: plaintext)
        var tag = [UInt8](repeating: 0, count: AEADCipher.tagByteCount)
        guard context.finish(),
            EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_AEAD_GET_TAG, Int32(tag.count), &tag) == 1
        else { fatalError("OpenSSL AES-256-GCM encryption failed") }
        ciphertext += tag
        return ciphertext
    }

    /// Checks the tag and decrypts, or returns `nil`.
    static func open(_ ciphertext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]) -> [UInt8]? {
        var derived = derivedKey(key: key, nonce: nonce)
        defer { wipe(&derived) }
        let body = Array(ciphertext.dropLast(AEADCipher.tagByteCount))
        var tag = Array(ciphertext.suffix(AEADCipher.tagByteCount))
        let context = CipherContext(AESAlgorithms.shared.gcm, key: derived, iv: Array(nonce[12..<24]), encrypt: false)
        var plaintext = context.update(associatedData: associatedData, data: body)
        guard EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_AEAD_SET_TAG, Int32(tag.count), &tag) == 1,
            context.finish()
        else {
            wipe(&plaintext)
            return nil
        }
        return plaintext
    }

    /// `AES-256-CMAC-KDF(key, [1]₁₆ ‖ "X" ‖ 0x00 ‖ N[:12]) ‖ … [2]₁₆ …`: the per-nonce GCM key.
    private static func derivedKey(key: [UInt8], nonce: [UInt8]) -> [UInt8] {
        let block = CipherContext(AESAlgorithms.shared.ecb, key: key, iv: nil, encrypt: true)
        // The CMAC subkey K1 = L << 1 (xor 0x87 when the top bit of L is set), L = AES(key, 0¹²⁸).
        let l = block.update(associatedData: [], data: [UInt8](repeating: 0, count: 16))
        var k1 = [UInt8](repeating: 0, count: 16)
        for index in 0..<16 {
            k1[index] = l[index] << 1 | (index < 15 ? l[index + 1] >> 7 : 0)
        }
        if l[0] & 0x80 != 0 { k1[15] ^= 0x87 }
        var output = [UInt8]()
        for counter: UInt8 in [1, 2] {
            let message = [0, counter, 0x58, 0] + Array(nonce[0..<12])
            output += block.update(associatedData: [], data: zip(message, k1).map { $0 ^ $1 })
        }
        return output
    }

    private static func wipe(_ bytes: inout [UInt8]) {
        for index in bytes.indices { bytes[index] = 0 }
    }
}

/// The AES algorithms fetched from OpenSSL once per process.
private final class AESAlgorithms: @unchecked Sendable {
    static let shared = AESAlgorithms()
    // Fetched once and never freed; OpenSSL algorithm objects are safe to share between threads.
    let ecb: OpaquePointer
    let gcm: OpaquePointer

    private init() {
        guard let ecb = EVP_CIPHER_fetch(nil, "AES-256-ECB", nil), let gcm = EVP_CIPHER_fetch(nil, "AES-256-GCM", nil)
        else { fatalError("OpenSSL has no AES-256") }
        self.ecb = ecb
        self.gcm = gcm
    }
}

/// One OpenSSL cipher context, freed when the object goes away.
private final class CipherContext {
    let pointer: OpaquePointer
    private let encrypt: Bool

    init(_ algorithm: OpaquePointer, key: [UInt8], iv: [UInt8]?, encrypt: Bool) {
        guard let pointer = EVP_CIPHER_CTX_new() else { fatalError("OpenSSL could not allocate a cipher context") }
        self.pointer = pointer
        self.encrypt = encrypt
        let status =
            encrypt
            ? EVP_EncryptInit_ex2(pointer, algorithm, key, iv, nil)
            : EVP_DecryptInit_ex2(pointer, algorithm, key, iv, nil)
        guard status == 1 else { fatalError("OpenSSL could not start AES") }
        EVP_CIPHER_CTX_set_padding(pointer, 0)
    }

    deinit { EVP_CIPHER_CTX_free(pointer) }

    /// Feeds associated data (GCM only), then data; returns the output for `data`.
    func update(associatedData: [UInt8], data: [UInt8]) -> [UInt8] {
        var written: Int32 = 0
        if !associatedData.isEmpty {
            _ =
                encrypt
                ? EVP_EncryptUpdate(pointer, nil, &written, associatedData, Int32(associatedData.count))
                : EVP_DecryptUpdate(pointer, nil, &written, associatedData, Int32(associatedData.count))
        }
        var output = [UInt8](repeating: 0, count: data.count + 16)
        guard !data.isEmpty else { return [] }
        _ =
            encrypt
            ? EVP_EncryptUpdate(pointer, &output, &written, data, Int32(data.count))
            : EVP_DecryptUpdate(pointer, &output, &written, data, Int32(data.count))
        return Array(output[0..<Int(written)])
    }

    /// Finishes; for GCM decryption, `false` means the tag did not verify.
    func finish() -> Bool {
        var scratch = [UInt8](repeating: 0, count: 16)
        var written: Int32 = 0
        return (encrypt
            ? EVP_EncryptFinal_ex(pointer, &scratch, &written)
            : EVP_DecryptFinal_ex(pointer, &scratch, &written)) == 1
    }
}
