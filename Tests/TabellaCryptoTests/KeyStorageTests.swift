import Foundation
import Testing
import TabellaGroups
@testable import TabellaCrypto

/// Trustee secrets at rest: Argon2id + secretbox, mode 0600, wrong passphrase and tampering told apart.
@Suite("Key storage")
struct KeyStorageTests {
    let secret = Array("x_i = 0123456789abcdef".utf8)
    let passphrase = Array("correct horse battery staple".utf8)

    func storageError(_ body: () throws -> Void) -> KeyStorageError? {
        do {
            try body()
            return nil
        } catch let error as KeyStorageError {
            return error
        } catch {
            return nil
        }
    }

    @Test("a sealed secret opens with its passphrase, and the file does not contain it")
    func roundTrip() throws {
        let file = PassphraseBox.seal(secret, passphrase: passphrase, cost: .minimum)
        #expect(try PassphraseBox.open(file, passphrase: passphrase) == secret)
        #expect(!String(decoding: file, as: UTF8.self).contains("0123456789abcdef"))
        // A fresh salt and nonce every time.
        #expect(PassphraseBox.seal(secret, passphrase: passphrase, cost: .minimum) != file)
    }

    @Test("a wrong passphrase is reported as such")
    func wrongPassphrase() {
        let file = PassphraseBox.seal(secret, passphrase: passphrase, cost: .minimum)
        let error = storageError { _ = try PassphraseBox.open(file, passphrase: Array("Correct horse".utf8)) }
        #expect(error?.code == .wrongPassphrase)
    }

    @Test("any flipped byte is reported as tampering, also with the checksum recomputed",
        arguments: [0, 9, 30, 70, 100])
    func tampered(position: Int) throws {
        let file = PassphraseBox.seal(secret, passphrase: passphrase, cost: .minimum)
        var edited = file
        edited[min(position, edited.count - 1)] ^= 0x01
        let error = storageError { _ = try PassphraseBox.open(edited, passphrase: passphrase) }
        #expect(error?.code == (position == 0 ? .malformed : .tampered))
        // Editing the encrypted content and fixing the trailing checksum is still caught, by the secretbox MAC.
        var body = Array(file.dropLast(32))
        body[body.count - 1] ^= 0x01
        let forged = body + Digest.sha256.hash(body)
        #expect(storageError { _ = try PassphraseBox.open(forged, passphrase: passphrase) }?.code == .tampered)
    }

    @Test("truncated or foreign files are malformed")
    func malformed() {
        let file = PassphraseBox.seal(secret, passphrase: passphrase, cost: .minimum)
        #expect(storageError { _ = try PassphraseBox.open(Array(file.prefix(40)), passphrase: passphrase) }?.code
            == .malformed)
        #expect(storageError { _ = try PassphraseBox.open(Array("hello".utf8), passphrase: passphrase) }?.code
            == .malformed)
    }

    @Test("files are written 0600 and refused when others can read them")
    func permissions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tabella-keys-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("trustee.key").path
        let file = PassphraseBox.seal(secret, passphrase: passphrase, cost: .minimum)
        try SecretFile.write(file, to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try SecretFile.read(path) == file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(storageError { _ = try SecretFile.read(path) }?.code == .insecurePermissions)
        #expect(storageError { _ = try SecretFile.read(path + ".missing") }?.code == .io)
    }
}
