import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// What the ballot and tally steps need from steps 1 to 4: the decoded key and the verifier's own H_E.
struct VerificationContext: Sendable {
    /// K with its table, and the 2.0 hash rules under the H_E that the verifier computed.
    let rules: ElectionGuard20<IntegerGroup>
    /// The group.
    var group: IntegerGroup { rules.group }
    /// K.
    var key: ElGamalPublicKey<IntegerGroup> { rules.key }
}

extension ElectionGuard20Verifier {
    /// The outcome of steps 1 to 4: the context for the later steps, or why they cannot run.
    struct ElectionSteps {
        let context: VerificationContext?
        let missingReason: String
    }

    /// Steps 1 to 4.
    func verifyElection(_ tally: inout StepTally) -> ElectionSteps {
        let hashes = verifyParameters(&tally)
        guard let initialized = record.initialized else {
            return ElectionSteps(context: nil, missingReason: "the record has no election_initialized.json")
        }
        verifyGuardians(initialized, parameterBaseHash: hashes.parameter, &tally)
        guard let key = verifyJointKey(initialized, &tally) else {
            return ElectionSteps(context: nil, missingReason: "the joint key is not a valid element (step 3)")
        }
        // Step 4: H_E = H(H_B; 0x12, K), with the verifier's own H_B.
        let file = "election_initialized.json"
        let extended = ElectionGuard20.extendedBaseHash(baseHash: hashes.base, key: key, in: group)
        tally.count(4)
        if extended != initialized.extendedBaseHash {
            tally.fail(4, "A", file: file, object: "extended_base_hash", "H_E is not H(H_B; 0x12, K)")
        }
        let rules = ElectionGuard20(key: ElGamalPublicKey(group: group, element: key), extendedBaseHash: extended)
        return ElectionSteps(context: VerificationContext(rules: rules), missingReason: "")
    }

    /// Step 1; returns the verifier's own H_P and H_B for the later steps.
    private func verifyParameters(_ tally: inout StepTally) -> (parameter: [UInt8], base: [UInt8]) {
        let constants = record.constants
        let config = record.config
        tally.count(1)
        if config.configVersion != Self.version || record.manifest.specVersion != Self.version {
            tally.fail(1, "A", file: "election_config.json", object: "config_version",
                       "the record is \(config.configVersion) (manifest \(record.manifest.specVersion)), "
                           + "the verifier \(Self.version)")
        }
        let standard: [(String, String, [UInt8], [UInt8])] = [
            ("B", "large_prime", constants.largePrime, group.modulus),
            ("C", "small_prime", constants.smallPrime, group.scalars.modulus),
            ("D", "cofactor", constants.cofactor, standardCofactor),
            ("E", "generator", constants.generator, group.encode(group.generator)),
        ]
        for (condition, field, recorded, expected) in standard where recorded != expected {
            tally.fail(1, condition, file: "constants.json", object: field, "not the standard parameter of §3.1.1")
        }
        let parameter = ElectionGuard20<IntegerGroup>.parameterBaseHash(group)
        if parameter != config.parameterBaseHash {
            tally.fail(1, "F", file: "election_config.json", object: "parameter_base_hash",
                       "H_P is not H(ver; 0x00, p, q, g)")
        }
        let manifestHash = ElectionGuard20<IntegerGroup>.manifestHash(parameterBaseHash: parameter,
                                                                      manifest: record.manifest.bytes)
        if manifestHash != config.manifestHash {
            tally.fail(1, "G", file: "election_config.json", object: "manifest_hash",
                       "H_M is not H(H_P; 0x01, manifest.json)")
        }
        let base = ElectionGuard20<IntegerGroup>.baseHash(parameterBaseHash: parameter, manifestHash: manifestHash,
                                                          guardians: config.guardians, quorum: config.quorum)
        if base != config.electionBaseHash {
            tally.fail(1, "H", file: "election_config.json", object: "election_base_hash",
                       "H_B is not H(H_P; 0x02, H_M, n, k)")
        }
        if config.quorum > config.guardians {
            tally.fail(1, "H", file: "election_config.json", object: "quorum", "k exceeds n")
        }
        return (parameter, base)
    }

    /// The standard cofactor r = (p - 1) / q, 512 bytes, from the specification's §3.1.1.
    private var standardCofactor: [UInt8] {
        Hex.decode(ElectionGuardStandardCofactor.hex)!
    }

    /// Step 2: each guardian's k coefficient commitments and their Schnorr proofs.
    private func verifyGuardians(_ initialized: ElectionGuardRecord.Initialized, parameterBaseHash: [UInt8],
                                 _ tally: inout StepTally) {
        let file = "election_initialized.json"
        let field = group.scalars
        for guardian in initialized.guardians {
            if guardian.coefficientProofs.count != record.config.quorum {
                tally.fail(2, "A", file: file, object: "guardian \(guardian.id)",
                           "\(guardian.coefficientProofs.count) commitments, not k = \(record.config.quorum)")
            }
            for (j, proof) in guardian.coefficientProofs.enumerated() {
                tally.count(2)
                let object = "guardian \(guardian.id), coefficient \(j)"
                let commitment: IntegerGroup.Element
                do { commitment = try group.decode(proof.publicKey) } catch {
                    tally.fail(2, "A", file: file, object: object, "K_{i,j} is not in Z_p^r: \(error.message)")
                    continue
                }
                guard let response = try? field.scalar(bigEndian: proof.response) else {
                    tally.fail(2, "B", file: file, object: object, "the response v is not below q")
                    continue
                }
                let schnorr = SchnorrProof<IntegerGroup>(challenge: field.reduce(bigEndian: proof.challenge),
                                                         response: response)
                let valid = schnorr.verify(publicKey: commitment, in: group) {
                    ElectionGuard20.coefficientChallenge(
                        parameterBaseHash: parameterBaseHash, guardian: guardian.xCoordinate, coefficient: j,
                        commitment: commitment, proofCommitment: $0, in: group)
                }
                if !valid {
                    tally.fail(2, "C", file: file, object: object,
                               "the challenge is not H(H_P; 0x10, i, j, K_{i,j}, h)")
                }
            }
        }
    }

    /// Step 3: each K_i = K_{i,0} is valid and not 1, and K = ∏ K_i is the recorded joint key and not 1.
    private func verifyJointKey(_ initialized: ElectionGuardRecord.Initialized, _ tally: inout StepTally)
        -> IntegerGroup.Element?
    {
        let file = "election_initialized.json"
        if initialized.guardians.count != record.config.guardians {
            tally.fail(3, "B", file: file, object: "guardians",
                       "\(initialized.guardians.count) guardians, not n = \(record.config.guardians)")
        }
        var product = group.identity
        for guardian in initialized.guardians {
            tally.count(3)
            let object = "guardian \(guardian.id)"
            guard let first = guardian.coefficientProofs.first,
                  let key = try? group.decode(first.publicKey), key != group.identity
            else {
                tally.fail(3, "A", file: file, object: object, "K_i is missing, outside Z_p^r, or 1")
                continue
            }
            product = group.multiply(product, key)
        }
        guard let joint = try? group.decode(initialized.jointPublicKey), joint != group.identity else {
            tally.fail(3, "B", file: file, object: "joint_public_key", "K is outside Z_p^r or 1")
            return nil
        }
        if joint != product {
            tally.fail(3, "B", file: file, object: "joint_public_key", "K is not the product of the guardians' K_i")
        }
        return joint
    }
}

/// The cofactor r of the standard parameters (specification 2.0.0, §3.1.1).
enum ElectionGuardStandardCofactor {
    /// r = (p - 1) / q, 512 bytes in hexadecimal.
    static let hex =
        "0000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000" +
        "00000000000000000000000000000BCB17217F7D1CF79ABC9E3B39803F2F6AF40F343267298B62D8A0D175B8BAB857AE8F" +
        "428165418806C62B0EA36355A3A73E0C741985BF6A0E3130179BF2F0B43E33AD862923861B8C9F768C4169519600BAD06" +
        "093F964B27E02D86831231A9160DE48F4DA53D8AB5E69E386B694BEC1AE722D47579249D5424767C5C33B9151E07C5C11D" +
        "106AC446D330B47DB59D352E47A53157DE04461900F6FE360DB897DF5316D87C94AE71DAD0BE84B647C4BCF818C23A2D4E" +
        "BB53C702A5C8062D19F5E9B5033A94F7FF732F54129712869D97B8C96C412921A9D8679770F499A041C297CFF79D4C9149" +
        "EB6CAF67B9EA3DC563D965F3AAD1377FF22DE9C3E62068DD0ED6151C37B4F74634C2BD09DA912FD599F4333A8D2CC00562" +
        "7DCA37BAD43E64A3963119C0BFE34810A21EE7CFC421D53398CBC7A95B3BF585E5A04B790E2FE1FE9BC264FDA8109F6454" +
        "A082F5EFB2F37EA237AA29DF320D6EA860C41A9054CCD24876C6253F667BFB0139B5531FF30189961202FD2B0D55A75272" +
        "C7FD73343F7899BCA0B36A4C470A64A009244C84E77CEBC92417D5BB13BF18167D8033EB6C4DD7879FD4A7F529FD4A7F5" +
        "29FD4A7F529FD4A7F529FD4A7F529FD4A7F529FD4A7F52A"
}
