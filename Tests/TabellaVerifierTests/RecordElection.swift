import Foundation
import TabellaCrypto
import TabellaGroups
import TabellaRecord
import TabellaTestSupport

/// The shared record's election with its secret key, for building test data that only the election's guardians
/// could produce: challenged-ballot decryptions, and ballots chained on a device.
///
/// The secret key is the sum of the three guardians' constant coefficients, read from the Kotlin workflow's
/// private trustee files (`Vectors/electionguard-2.0/allAvailableJson-trustees`); with 3 of 3 guardians it is s.
struct RecordElection {
    let group = IntegerGroup.electionGuard
    let rules: ElectionGuard20<IntegerGroup>
    let secret: Scalar
    let record: ElectionGuardRecord

    /// The election of `copy`, whose joint key must be g^s.
    init(_ copy: RecordCopy) throws {
        record = try ElectionGuardRecord(directory: copy.directory)
        guard let initialized = record.initialized else { throw RecordCopy.CopyError(description: "no keys") }
        let field = group.scalars
        var secret = field.zero
        for guardian in 1...3 {
            let trustee = try VectorFiles.json(
                "electionguard-2.0/allAvailableJson-trustees/decryptingTrustee-guardian\(guardian).json")
            let coefficient = try requireHex((trustee["polynomial_coefficients"] as? [String])?.first)
            secret = field.add(secret, try field.scalar(bigEndian: coefficient))
        }
        let key = try group.decode(initialized.jointPublicKey)
        guard group.generatorPower(public: secret) == key else {
            throw RecordCopy.CopyError(description: "the guardians' coefficients do not give the joint key")
        }
        self.secret = secret
        rules = ElectionGuard20(key: ElGamalPublicKey(group: group, element: key),
                                extendedBaseHash: initialized.extendedBaseHash)
    }

    /// Uppercase hexadecimal, as the Kotlin record writes it.
    func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes).uppercased() }

    /// `{pad, data}`.
    func json(_ ciphertext: ElGamalCiphertext<IntegerGroup>) -> [String: Any] {
        ["pad": hex(group.encode(ciphertext.alpha)), "data": hex(group.encode(ciphertext.beta))]
    }

    /// `{challenge, response}`.
    func json(challenge: Scalar, response: Scalar) -> [String: Any] {
        ["challenge": hex(group.scalars.encode(challenge)), "response": hex(group.scalars.encode(response))]
    }

    /// `{proofs: [{challenge, response}, …]}`.
    func json(_ proof: RangeProof<IntegerGroup>) -> [String: Any] {
        ["proofs": zip(proof.challenges, proof.responses).map { json(challenge: $0, response: $1) }]
    }

    /// The object of a JSON file of the copy.
    static func object(_ copy: RecordCopy, _ file: String) throws -> [String: Any] {
        let data = try Data(contentsOf: copy.directory.appendingPathComponent(file))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw RecordCopy.CopyError(description: "\(file) is not a JSON object")
        }
        return object
    }

    /// Writes a JSON object into the copy, formatted as the record's files are (`"key": value`).
    static func write(_ object: [String: Any], to file: String, in copy: RecordCopy) throws {
        let url = copy.directory.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try copy.write(file, String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\" : ", with: "\": "))
    }
}

/// The bytes of a hexadecimal string, or an error.
private func requireHex(_ text: String?) throws -> [UInt8] {
    guard let text, let bytes = Hex.decode(text) else { throw RecordCopy.CopyError(description: "not hexadecimal") }
    return bytes
}
