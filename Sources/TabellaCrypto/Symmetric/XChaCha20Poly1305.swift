internal import CSodium

/// XChaCha20-Poly1305 with a 24-byte nonce, libsodium's `crypto_aead_xchacha20poly1305_ietf`.
enum XChaCha20Poly1305 {
    /// Encrypts and appends the 16-byte tag.
    static func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]) -> [UInt8] {
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + AEADCipher.tagByteCount)
        var written: UInt64 = 0
        _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
            &ciphertext, &written, plaintext, UInt64(plaintext.count),
            associatedData, UInt64(associatedData.count), nil, nonce, key
        )
        return ciphertext
    }

    /// Checks the tag and decrypts, or returns `nil`.
    static func open(_ ciphertext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]) -> [UInt8]? {
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count - AEADCipher.tagByteCount)
        var written: UInt64 = 0
        let status = crypto_aead_xchacha20poly1305_ietf_decrypt(
            &plaintext, &written, nil, ciphertext, UInt64(ciphertext.count),
            associatedData, UInt64(associatedData.count), nonce, key
        )
        return status == 0 ? plaintext : nil
    }
}
