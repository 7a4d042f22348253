import ArgumentParser

/// `tabella trustee`: a trustee's key, the key ceremony, and threshold decryption.
struct TrusteeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trustee",
        abstract: "Take part in a threshold key ceremony and in decryptions, as a trustee.",
        discussion: """
            A trustee first creates an identity (a long-term key, encrypted under a passphrase), sends its public \
            file to the organiser, and then runs the three rounds of the COCKTAIL-DKG ceremony against a ceremony \
            folder (a directory carried on removable media). Any t of the n trustees can later decrypt; a trustee \
            whose partial decryption fails its proof is named and left out. Docs/ceremony.md is the guide.

            Passphrases are read from the terminal, or from the TABELLA_PASSPHRASE environment variable, or from \
            --passphrase-file.
            """,
        subcommands: [
            TrusteeCreate.self, TrusteeSetup.self, TrusteeJoin.self, TrusteeStatus.self, TrusteeExport.self,
            TrusteeEncryptCheck.self, TrusteeDecrypt.self, TrusteeCombine.self,
            ElectionTrusteeEnroll.self, ElectionTrusteeCeremony.self, ElectionTrusteeDecrypt.self,
            ElectionTrusteeMix.self, ElectionTrusteeDecryptMix.self, ElectionTrusteeCosign.self,
        ]
    )
}
