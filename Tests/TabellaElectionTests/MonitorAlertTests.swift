import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaGroups
import TabellaRecord
import TabellaVerifier
import Testing

@Suite struct MonitorAlertTests {
    /// An alert post numbered `number`, about the board up to `boardSize`.
    static func post(_ number: Int, boardSize: UInt64 = 1, severity: String = "critical",
                     evidence: [MonitorAlertPost.Evidence] = [.init(name: "observed", value: 41),
                                                            .init(name: "expected", value: 3.5)],
                     explanation: String = "Region north cast far more ballots than its rate makes likely.",
                     time: Double = 120) -> MonitorAlertPost {
        MonitorAlertPost(alert: number, severity: severity, detector: "arrival-rate", regions: ["north"],
                         evidence: evidence, explanation: explanation, boardSize: boardSize, time: time)
    }

    static func entry(_ post: MonitorAlertPost, by key: Ed25519.PrivateKey) throws -> BoardEntry {
        try BoardEntry(type: ElectionEntryType.monitorAlert.rawValue, election: TestElection.election,
                       payload: PayloadCoding.encode(post), signedBy: key)
    }

    @Test func alertsFromTheMonitorKeyAreAdmittedVerifiedAndChangeNoCount() async throws {
        let test = try await TestElection.open()
        let size = try await test.board.head().size
        try await test.append(try Self.entry(Self.post(1, boardSize: size), by: test.monitor))
        try await test.closeTallyAndDecrypt()
        try await test.append(try Self.entry(Self.post(2, boardSize: size + 2, severity: "info"), by: test.monitor))
        let view = try await test.view()
        #expect(view.ledger.monitorAlerts.map(\.post.alert) == [1, 2])
        #expect(view.ledger.monitorAlerts.first?.index == size)
        try await test.append(try test.authority.result(view))
        let resulted = try await test.view()
        try await test.append(try test.authority.decisionSignature(resulted))
        let signed = try await test.view()
        try await test.append(entries: try test.trustees.prefix(2).map { try $0.decisionSignature(signed) })
        let report = await test.verify(try await test.entries())
        #expect(report.steps.allSatisfy { $0.status != .failed }, "\(report.firstFailure.map(\.description) ?? "")")
        let step = try #require(report.steps.first { $0.step == ElectionCheck.monitorAlerts.rawValue })
        #expect(step.status == .passed && step.checked == 2)
        let decided = try await test.view().ledger
        #expect(decided.ballotCount == test.credentials.count && decided.counted.count == test.credentials.count)
        #expect(decided.result?.counts == [[10, 0, 6]])  // weights 1 to 4: all chose a, voters 2 and 4 also c
    }

    @Test func anAlertSignedByAnotherKeyIsRefusedAndFlaggedUnderAuthorisation() async throws {
        let test = try await TestElection.open()
        for key in [test.outsider, test.authority.key] {
            let forged = try Self.entry(Self.post(1), by: key)
            try await expectRefused(forged, by: test, containing: "is not signed by the monitor")
            try await expectFlagged([forged], by: test, at: .authorisation)
        }
    }

    @Test func anAlertWithABadFieldIsRefusedNamingTheField() async throws {
        let test = try await TestElection.open()
        let cases: [(MonitorAlertPost, String)] = [
            (Self.post(1, severity: "panic"), "severity: `panic`"),
            (Self.post(1, evidence: [.init(name: "", value: 1)]), "evidence[0].name"),
            (Self.post(1, evidence: []), "evidence: the alert gives no number"),
            (Self.post(1, explanation: ""), "explanation:"),
            (Self.post(1, time: -1), "time: -1"),
            (Self.post(2), "alert: number 2 arrives where 1 is expected"),
            (Self.post(1, boardSize: 1_000), "boardSize: 1000 is past"),
        ]
        for (post, field) in cases {
            let bad = try Self.entry(post, by: test.monitor)
            try await expectRefused(bad, by: test, containing: field)
            try await expectFlagged([bad], by: test, at: .monitorAlerts, field)
        }
        let garbled = try BoardEntry(type: ElectionEntryType.monitorAlert.rawValue, election: TestElection.election,
                                     payload: Array(#"{"alert": 1}"#.utf8), signedBy: test.monitor)
        try await expectRefused(garbled, by: test, containing: "the monitor-alert payload lacks")
    }

    @Test func aDefinitionWhoseMonitorKeyIsATrusteesIsInvalid() throws {
        let key = Ed25519.PrivateKey()
        let definition = ElectionDefinition(
            manifest: ElectionManifest(
                electionID: "e", title: "T", contests: [TestElection.defaultContest], weightFunction: .squareRoot,
                opens: 0, closes: 1, trustees: 1, threshold: 1, group: ElectionGroup.ristretto255.rawValue),
            authority: Hex.encode(Ed25519.PrivateKey().publicKey.bytes),
            trustees: [.init(name: "t", boardKey: Hex.encode(key.publicKey.bytes),
                             ceremonyKey: "00")],
            roll: .init(voters: 1, chunks: 1, digest: String(repeating: "00", count: 32)),
            ceremonySession: String(repeating: "ab", count: 16), monitor: Hex.encode(key.publicKey.bytes))
        #expect(throws: ElectionError.self) { try definition.validate() }
        do { try definition.validate() } catch { #expect(error.message.contains("the monitor key")) }
    }
}
