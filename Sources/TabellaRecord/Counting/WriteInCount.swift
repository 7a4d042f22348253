import Foundation

/// Counts the decrypted ballots of a write-in contest: each ballot chooses at most one listed option or writes an
/// answer (Docs/mixnet.md, "Counting methods").
public enum WriteInCount {
    /// The tally and, per listed option, the ballots that chose it.
    ///
    /// - Parameters:
    ///   - choices: per ballot, the decrypted value of each listed option (`nil` where it is no small number).
    ///   - written: per ballot, the decoded answer (`""` for none), or `nil` when its elements encode no answer.
    ///   - contest: the write-in contest.
    /// A ballot that chooses an option and writes an answer, chooses two options, or has an undecodable value is
    /// invalid; one that does neither is blank.
    public static func tally(choices: [[Int?]], written: [String?], contest: Contest) -> (WriteInTally, [UInt64]) {
        var chosen = [UInt64](repeating: 0, count: contest.options.count)
        var answers = [String: UInt64]()
        var (blank, invalid) = (0, 0)
        for (values, text) in zip(choices, written) {
            guard let text, values.allSatisfy({ $0 == 0 || $0 == 1 }) else {
                invalid += 1
                continue
            }
            let selected = values.indices.filter { values[$0] == 1 }
            switch (selected.count, text.isEmpty) {
            case (0, true): blank += 1
            case (0, false): answers[text, default: 0] += 1
            case (1, true): chosen[selected[0]] += 1
            default: invalid += 1
            }
        }
        let ordered = answers.map { WriteInTally.Answer(text: $0.key, votes: $0.value) }.sorted {
            $0.votes != $1.votes ? $0.votes > $1.votes : Array($0.text.utf8).lexicographicallyPrecedes($1.text.utf8)
        }
        return (WriteInTally(answers: ordered, blank: blank, invalid: invalid,
                             winner: winner(chosen: chosen, answers: ordered, contest: contest)), chosen)
    }

    /// The most chosen answer: a listed option on a tie with a written one (the first listed among options), then
    /// the first written answer in the tally's order.
    private static func winner(chosen: [UInt64], answers: [WriteInTally.Answer], contest: Contest) -> String? {
        let bestOption = chosen.indices.max { chosen[$0] < chosen[$1] || (chosen[$0] == chosen[$1] && $0 > $1) }
        let optionVotes = bestOption.map { chosen[$0] } ?? 0
        if let top = answers.first, top.votes > optionVotes { return "write-in:" + percentEncoded(top.text) }
        guard let bestOption, optionVotes > 0 else { return nil }
        return contest.options[bestOption].id
    }

    /// The text with every byte outside `A-Z a-z 0-9 - . _ ~` as `%XX`, so that it fits a decision note's line.
    public static func percentEncoded(_ text: String) -> String {
        text.utf8.map { byte in
            let scalar = Unicode.Scalar(byte)
            let plain = byte < 0x80 && (CharacterSet.alphanumerics.contains(scalar) || "-._~".unicodeScalars
                .contains(scalar))
            return plain ? String(scalar) : String(format: "%%%02X", byte)
        }.joined()
    }
}
