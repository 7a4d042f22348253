import Foundation
import Testing
@testable import TabellaGroups
import TabellaTestSupport

/// Known answers for ElectionGuard's `H`: the draft vectors of `ParametersTestVector.json`, the base hashes of the
/// 2.0 record, and the standard group's constants.
@Suite("ElectionGuard hash")
struct ElectionGuardHashTests {
    let group = IntegerGroup.electionGuard

    /// `0x00 ∥ b(p, 512) ∥ b(q, 32) ∥ b(g, 512)`.
    private func parameters() -> ElectionGuardHashInput {
        var input = ElectionGuardHashInput(domain: 0x00)
        input.append(bytes: group.modulus)
        input.append(bytes: group.scalars.modulus)
        input.append(element: group.generator, of: group)
        return input
    }

    @Test("the standard group equals constants.json of the 2.0 record")
    func constants() throws {
        let constants = try VectorFiles.json("electionguard-2.0/allAvailableJson/constants.json")
        #expect(try constants.hex("large_prime") == group.modulus)
        #expect(try constants.hex("small_prime") == group.scalars.modulus)
        #expect(try constants.hex("generator") == group.encode(group.generator))
        // The cofactor r = (p - 1) / q: r·q + 1 = p, computed exactly modulo 2^4160 - 1, which exceeds r·q + 1.
        let cofactor = try constants.hex("cofactor")
        let wide = try ScalarField(modulus: [UInt8](repeating: 0xff, count: 520))
        let r = try wide.scalar(bigEndian: cofactor)
        let q = try wide.scalar(bigEndian: group.scalars.modulus)
        let product = wide.add(wide.multiply(r, q), wide.one)
        #expect(wide.encode(product) == [UInt8](repeating: 0, count: 8) + group.modulus)
        #expect(wide.encode(wide.add(product, q)) != [UInt8](repeating: 0, count: 8) + group.modulus)
    }

    @Test("ParametersTestVector.json: H_P and H_B of the 2023-06-27 draft")
    func parameterVector() throws {
        let vector = try VectorFiles.json("electionguard-2.0/testvectors/ParametersTestVector.json")
        let parameter = try vector.object("parameter_base_hash")
        let version = try parameter.string("protocolVersion")
        let primes = try parameter.object("primes")
        #expect(try primes.hex("large_prime") == group.modulus)
        // The draft keyed H_P with its protocol version, "v2.0".
        let hp = ElectionGuardHash.hash(key: ElectionGuardHash.versionKey(version), parameters())
        #expect(hp == (try parameter.hex("expected")))

        // H_B = H(H_P; 0x02, n, k, date, info, H_M) with n and k as 2 bytes and unprefixed strings in the draft.
        let base = try vector.object("election_base_hash")
        var input = ElectionGuardHashInput(domain: 0x02)
        for key in ["numberOfGuardians", "quorum"] {
            let value = try base.int(key)
            input.append(bytes: [UInt8(value >> 8), UInt8(value & 0xff)])
        }
        for key in ["date", "jurisdiction_info"] { input.append(bytes: Array(try base.string(key).utf8)) }
        input.append(bytes: try base.hex("manifest_hash"))
        let hb = ElectionGuardHash.hash(key: try base.hex("parameterBaseHash"), input)
        #expect(hb == (try base.hex("expected")))
        // A changed input changes the output.
        input.append(index: 0)
        #expect(ElectionGuardHash.hash(key: try base.hex("parameterBaseHash"), input) != hb)
    }

    @Test("the 2.0 record's H_P, H_M, H_B and H_E under the 2.0.0 rules")
    func recordBaseHashes() throws {
        let config = try VectorFiles.json("electionguard-2.0/allAvailableJson/election_config.json")
        let initialized = try VectorFiles.json("electionguard-2.0/allAvailableJson/election_initialized.json")
        let hp = ElectionGuardHash.hash(key: ElectionGuardHash.versionKey("v2.0.0"), parameters())
        #expect(hp == (try config.hex("parameter_base_hash")))
        #expect(Hex.encode(hp) == "2b3b025e50e09c119cba7e9448acd1cabc9447ef39bf06327d81c665cdd86296")

        let manifest = try Data(contentsOf: VectorFiles.url("electionguard-2.0/allAvailableJson/manifest.json"))
        var manifestInput = ElectionGuardHashInput(domain: 0x01)
        manifestInput.append(lengthPrefixed: Array(manifest))
        let hm = ElectionGuardHash.hash(key: hp, manifestInput)
        #expect(hm == (try config.hex("manifest_hash")))

        var baseInput = ElectionGuardHashInput(domain: 0x02)
        baseInput.append(bytes: hm)
        baseInput.append(index: UInt32(try config.int("number_of_guardians")))
        baseInput.append(index: UInt32(try config.int("quorum")))
        let hb = ElectionGuardHash.hash(key: hp, baseInput)
        #expect(hb == (try config.hex("election_base_hash")))

        let key = try group.decode(try initialized.hex("joint_public_key"))
        var extendedInput = ElectionGuardHashInput(domain: 0x12)
        extendedInput.append(element: key, of: group)
        #expect(ElectionGuardHash.hash(key: hb, extendedInput) == (try initialized.hex("extended_base_hash")))
    }

    @Test("encodings: indices, strings, H_q")
    func encodings() {
        var input = ElectionGuardHashInput(domain: 0x24)
        input.append(index: 5)
        input.append(string: "ElectionGuard")
        #expect(Hex.encode(input.bytes) == "24000000050000000d456c656374696f6e4775617264")
        #expect(ElectionGuardHash.versionKey("v2.1.0").count == 32)
        let key = [UInt8](repeating: 7, count: 32)
        let hash = ElectionGuardHash.hash(key: key, input)
        #expect(hash == HMAC.authenticationCode(.sha256, key: key, message: input.bytes))
        #expect(ElectionGuardHash.hashToScalar(key: key, input, field: group.scalars)
            == group.scalars.reduce(bigEndian: hash))
    }
}
