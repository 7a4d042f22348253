import ArgumentParser
import Foundation
import TabellaVerifier

/// `tabella verify merge <reports…>`: the verdict of a whole record from the signed partial reports of its shards.
struct VerifyMerge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the signed partial reports of `tabella verify --shard i/n` into one verdict.",
        discussion: """
            Checks every report's signature (and, with --signer, that each is signed by one of the given keys), \
            refuses a missing, duplicated or foreign shard (another record, another number of shards), then \
            prints the whole record's report. Exit code 0 only if every applicable check passed in every shard, \
            1 on a failed check, 2 when the reports cannot be merged.
            """
    )

    @Argument(help: "The partial reports, one per shard, in any order.")
    var reports: [String]

    @Option(help: "A public key (hexadecimal) allowed to sign partial reports; repeatable. Any key by default.")
    var signer: [String] = []

    @Flag(help: "Print the merged report as JSON.")
    var json = false

    func run() async throws {
        let merged: (report: VerificationReport, signers: [String])
        do {
            let signed = try reports.map { try TrusteeFiles.read(SignedPartialReport.self, from: $0) }
            for (path, report) in zip(reports, signed) where !signer.isEmpty && !signer.contains(report.signer) {
                throw ShardError(.badReport, "\(path) is signed by \(report.signer), not one of the --signer keys")
            }
            merged = try ShardMerge.merge(signed)
        } catch {
            FileHandle.standardError.write(Data("tabella verify merge: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if !json {
            for (index, key) in merged.signers.enumerated() {
                print("Shard \(index)/\(merged.signers.count) signed by \(key)")
            }
        }
        try VerificationReportText.emit(merged.report, json: json, kind: "Merged shards of")
    }
}
