import TabellaGroups
import TabellaRecord

extension BeleniosRun {
    /// The kinds each kind of event may follow (specification 2.0, section 4.4); the first event is the setup.
    private static let predecessors: [BeleniosEvent.Kind: Set<BeleniosEvent.Kind>] = [
        .setup: [], .ballot: [.setup, .ballot], .endBallots: [.setup, .ballot], .encryptedTally: [.endBallots],
        .partialDecryption: [.encryptedTally, .partialDecryption], .result: [.partialDecryption],
    ]

    /// Step 1: the header is version 1; every member is named by its contents' SHA-256 and appears once; each event
    /// is well-formed, has the next height, names the previous event as its parent, comes after the kinds it may
    /// follow, and has a payload exactly when its kind has one, among the data before it.
    mutating func checkArchive() {
        do {
            let header = try BeleniosHeader(bytes: archive.header, file: "BELENIOS")
            if header.version != 1 { fail(1, "header", "BELENIOS", "$.version", "version \(header.version) is not 1") }
        } catch {
            fail(1, "header", "BELENIOS", error.path, error.message)
        }
        var names = Set<String>()
        for member in archive.members {
            tally.count(1)
            let hash = Hex.encode(Digest.sha256.hash(member.bytes))
            if hash != member.hash {
                fail(1, "hash", member.name, "member \(member.position + 1)", "its contents hash to \(hash)")
            }
            if !names.insert(member.name).inserted {
                fail(1, "hash", member.name, "member \(member.position + 1)", "the archive holds this member twice")
            }
        }
        for member in archive.events {
            let event: BeleniosEvent
            do { event = try BeleniosEvent(bytes: member.bytes, file: member.name) } catch {
                fail(1, "event", member.name, error.path, error.message)
                return
            }
            let object = Self.name(event)
            let previous = events.last
            if event.height != events.count {
                fail(1, "chain", member.name, object, "the height is \(event.height), not \(events.count)")
            }
            if event.parent != previous?.member.hash {
                fail(1, "chain", member.name, object, previous.map { "the parent is not the previous event, "
                    + $0.member.hash } ?? "the first event has a parent")
            }
            check(event, member: member, after: previous?.event.kind)
            events.append((member, event))
        }
        if events.isEmpty { fail(1, "order", archive.path, "events", "the archive holds no events") }
    }

    /// The event's kind may follow `previous`, and its payload is present exactly when the kind has one.
    private mutating func check(_ event: BeleniosEvent, member: BeleniosArchive.Member,
                                after previous: BeleniosEvent.Kind?) {
        let object = Self.name(event)
        guard let allowed = Self.predecessors[event.kind] else {
            fail(1, "order", member.name, object, "shuffles (of non-homomorphic questions) are not supported")
            return
        }
        if let previous, !allowed.contains(previous) {
            fail(1, "order", member.name, object, "a \(event.kind.rawValue) event cannot follow \(previous.rawValue)")
        } else if previous == nil, event.kind != .setup {
            fail(1, "order", member.name, object, "the first event must be the Setup")
        }
        let needsPayload = event.kind != .endBallots
        switch event.payload {
        case nil where needsPayload:
            fail(1, "payload", member.name, object, "the event has no payload")
        case let payload? where !needsPayload:
            fail(1, "payload", member.name, object, "an EndBallots event has no payload, not \(payload)")
        case let payload? where archive.data(payload, before: member.position) == nil:
            fail(1, "payload", member.name, object, "no data member \(payload) precedes the event")
        default:
            break
        }
    }
}
