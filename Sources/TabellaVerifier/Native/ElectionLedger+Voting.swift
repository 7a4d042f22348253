import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord

extension ElectionLedger {
    /// The stateless checks of a ballot or challenge, reusing a result computed beforehand for the same entry.
    func checkedBallot(_ entry: BoardEntry, _ checked: CheckedBallot<Group>?) throws(ElectionRejection)
        -> CheckedBallot<Group>
    {
        guard phase == .voting, let checker else {
            throw ElectionRejection(.authorisation, "a \(entry.type) entry is not accepted in the \(phase) phase "
                + "(voting is not open)")
        }
        if let checked, checked.entry == entry { return checked }
        return try checker.check(entry)
    }

    /// Records a checked ballot or challenge: none of its ciphertexts may have been cast before.
    mutating func record(_ checked: CheckedBallot<Group>) throws(ElectionRejection) {
        guard phase == .voting else {
            throw ElectionRejection(.authorisation, "a \(checked.entry.type) entry is not accepted in the \(phase) "
                + "phase (voting is not open)")
        }
        for (offset, fingerprint) in checked.fingerprints.enumerated() where fingerprints.contains(fingerprint) {
            throw ElectionRejection(.uniqueness, "selection \(offset + 1) of this \(checked.entry.type) reuses a "
                + "ciphertext already cast (a copied or replayed ballot)")
        }
        fingerprints.formUnion(checked.fingerprints)
        if checked.isChallenge {
            challengeCount += 1
            passed[.challenges, default: 0] += 1
        } else {
            ballotCount += 1
        }
        passed[.ballotValidity, default: 0] += 1
        passed[.uniqueness, default: 0] += 1
    }

    /// Places a recorded ballot at its log index: the ballot with the highest index of each credential counts.
    public mutating func place(_ checked: CheckedBallot<Group>, index: UInt64) {
        guard !checked.isChallenge else { return }
        if let current = counted[checked.voter], current.index > index { return }
        counted[checked.voter] = (index, checked.ballot)
    }

    /// The closing: by the authority, while voting, with the number of ballots cast.
    mutating func applyClose(_ entry: BoardEntry) throws(ElectionRejection) {
        try require(.voting, .close, signer: entry.signer, by: authority, role: "authority")
        let notice = try payload(CloseNotice.self, entry, .close, check: .uniqueness)
        guard notice.ballots == ballotCount else {
            throw ElectionRejection(.uniqueness, "the closing counts \(notice.ballots) ballots, the board holds "
                + "\(ballotCount)")
        }
        phase = .closed
    }

    /// The counted ballots in roll order, with their voters' weights.
    public var countedBallots: (ballots: [EncryptedBallot<Group>], weights: [UInt64]) {
        let voters = counted.keys.sorted()
        return (voters.map { counted[$0]!.ballot }, voters.map { weights[$0] })
    }
}
