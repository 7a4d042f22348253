/// The types of board entries of a native Tabella election, in the order of the election's lifecycle.
///
/// Each is a signed ``TabellaBoard`` entry whose payload is the JSON of the type named in the case's comment.
public enum ElectionEntryType: String, Sendable, CaseIterable {
    /// ``ElectionDefinition``, signed by the authority: the election's first entry.
    case definition = "election-definition"
    /// ``RollChunk``, signed by the authority: a part of the voter roll.
    case roll = "election-roll"
    /// ``CeremonyPost``, signed by a trustee: its COCKTAIL-DKG round-1 message.
    case ceremonyRound1 = "ceremony-round1"
    /// ``CeremonyPost``, signed by a trustee: its signature on the ceremony transcript (CertEq).
    case ceremonyCertification = "ceremony-certification"
    /// ``OpenNotice``, signed by the authority: the joint key; voting opens.
    case open = "election-open"
    /// ``BallotPost``, signed by a voter's credential: a cast ballot.
    case ballot
    /// ``ChallengePost``, signed by a voter's credential: a spoiled ballot with its nonce (Benaloh challenge).
    case challenge = "ballot-challenge"
    /// ``CloseNotice``, signed by the authority: voting closes.
    case close = "election-close"
    /// ``DocumentPart``, signed by the authority or a trustee: a part of a mix-net document too large for one entry.
    case part = "document-part"
    /// ``MixInputPost``, signed by the authority: the mix-net's input rows, from the counted ballots.
    case mixInput = "mix-input"
    /// ``MixPost``, signed by a trustee: its shuffle of the latest list, with its argument.
    case mix
    /// ``MixSharePost``, signed by a trustee: its partial decryption of the last mixed list, with proofs.
    case mixShare = "mix-decryption-share"
    /// ``MixResultPost``, signed by the authority: the decrypted mixed ballots and their count.
    case mixResult = "mix-result"
    /// ``TallyPost``, signed by the authority: the weighted homomorphic tally.
    case tally = "election-tally"
    /// ``DecryptionSharePost``, signed by a trustee: its partial decryption of the tally, with proofs.
    case decryptionShare = "decryption-share"
    /// ``ResultPost``, signed by the authority: the counts and the decision of each contest.
    case result = "election-result"
    /// ``DecisionSignaturePost``, signed by a trustee or the authority: its signature on the decision note.
    case decisionSignature = "decision-signature"
    /// ``MonitorAlertPost``, signed by the monitor key of the definition: an alert, at any phase after the
    /// definition; it changes no count.
    case monitorAlert = "monitor-alert"
}
