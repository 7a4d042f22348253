import TabellaGroups

/// Encrypting and receiving the shares of a ceremony: one place for round 2 and for recovery.
extension CeremonySetup {
    /// `Enc(s ‖ payload)` under the key and nonce derived from `Sᵉ ‖ Sᵈ` for `sender → recipient`.
    func sealShare(
        share: Scalar, payload: [UInt8], sharedSecrets: [UInt8], ephemeralKey: Suite.Group.Element,
        sender: Int, recipient: Int
    ) -> [UInt8] {
        var (key, nonce) = shareKey(sharedSecrets: sharedSecrets, ephemeralKey: ephemeralKey, sender: sender,
            recipient: recipient)
        var plaintext = suite.group.scalars.encode(share) + payload
        defer {
            for index in key.indices { key[index] = 0 }
            for index in plaintext.indices { plaintext[index] = 0 }
        }
        return suite.cipher.seal(plaintext, key: key, nonce: nonce)
    }

    /// Checks the parts of a round-1 message whose shape depends on `t` and `n`.
    ///
    /// - Throws: ``CeremonyError/Code-swift.struct/malformedMessage`` naming the sender.
    func checkStructure(_ message: Round1Message<Suite>, sender: Int) throws(CeremonyError) {
        guard message.commitment.count == threshold else {
            throw CeremonyError(.malformedMessage,
                "the commitment of participant \(sender) has \(message.commitment.count) points, not t = \(threshold)",
                participant: sender)
        }
        guard message.encryptedShares.count == participantCount else {
            throw CeremonyError(.malformedMessage,
                "participant \(sender) sent \(message.encryptedShares.count) shares, not n = \(participantCount)",
                participant: sender)
        }
        let identity = suite.group.identity
        guard !message.commitment.contains(identity), message.ephemeralKey != identity else {
            throw CeremonyError(.malformedMessage, "participant \(sender) sent an identity element",
                participant: sender)
        }
    }

    /// Decrypts the shares addressed to `recipient`, checks each against its sender's commitment, and sums them.
    ///
    /// - Throws: ``CeremonyError`` naming the sender: `decryptionFailed`, `malformedMessage`, `shareMismatch`.
    func receiveShares(
        recipient: Int, staticKey: Scalar, commitments: [[Suite.Group.Element]],
        ephemeralKeys: [Suite.Group.Element], ciphertexts: [[UInt8]]
    ) throws(CeremonyError) -> (secretShare: Scalar, payloads: [[UInt8]]) {
        let group = suite.group
        var sum = group.scalars.zero
        var payloads = [[UInt8]]()
        for sender in 1...participantCount {
            let ephemeral = ephemeralKeys[sender - 1]
            let secrets = group.encode(group.power(ephemeral, secret: staticKey))
                + group.encode(group.power(publicKeys[sender - 1], secret: staticKey))
            var (key, nonce) = shareKey(sharedSecrets: secrets, ephemeralKey: ephemeral, sender: sender,
                recipient: recipient)
            let opened = suite.cipher.open(ciphertexts[sender - 1], key: key, nonce: nonce)
            for index in key.indices { key[index] = 0 }
            guard var plaintext = opened else {
                throw CeremonyError(.decryptionFailed,
                    "the share from participant \(sender) to participant \(recipient) does not decrypt",
                    participant: sender)
            }
            defer { for index in plaintext.indices { plaintext[index] = 0 } }
            let size = group.scalars.byteCount
            guard plaintext.count >= size, let share = try? group.scalars.decode(plaintext[0..<size]) else {
                throw CeremonyError(.malformedMessage,
                    "the share from participant \(sender) is not a valid scalar", participant: sender)
            }
            guard group.generatorPower(secret: share) == commitmentValue(commitments[sender - 1], at: recipient) else {
                throw CeremonyError(.shareMismatch,
                    "the share from participant \(sender) to participant \(recipient) does not match "
                        + "participant \(sender)'s commitment", participant: sender)
            }
            sum = group.scalars.add(sum, share)
            payloads.append(Array(plaintext[size...]))
        }
        return (sum, payloads)
    }
}
