import CryptoPayCore
import Foundation

/// What changed the sandbox's state, in order, so that a restart with `--state FILE` replays it into fresh
/// simulators at the recorded times. The simulators are deterministic given their requests and clock, so replaying
/// the journal rebuilds exactly the state they had, without each simulator exporting its private model.
struct SandboxJournal: Codable, Sendable {
    /// One change.
    struct Entry: Codable, Sendable {
        /// `request`, `pay` or `expire`.
        var kind: String
        var provider: String
        /// When it happened (the simulators' clock during the replay).
        var at: Date
        var method: String?
        var target: String?
        var headers: [[String]]?
        var body: Data?
        var id: String?
        /// `full`, `exactly` or `adding`, with ``amount`` as decimal text for the last two.
        var payment: String?
        var amount: String?
    }

    /// The layout version, so an older server refuses a newer file rather than misreading it.
    var version = 1
    var entries: [Entry] = []
}

/// Reads and writes the journal file. Every write goes to a temporary file beside it that is then renamed over it, so
/// a crash leaves the old or the new journal, never half of one.
struct SandboxStateFile: Sendable {
    let url: URL

    /// The journal in the file, or an empty one when there is no file yet.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when the file exists but is not a journal.
    func read() throws -> SandboxJournal {
        guard let data = FileManager.default.contents(atPath: url.path) else { return SandboxJournal() }
        do {
            let journal = try JSONDecoder().decode(SandboxJournal.self, from: data)
            guard journal.version == 1 else {
                throw PaymentError.invalidRequest("state file \(url.path) has version \(journal.version), not 1")
            }
            return journal
        } catch let error as PaymentError {
            throw error
        } catch {
            throw PaymentError.invalidRequest("state file \(url.path) is not a sandbox journal: \(error)")
        }
    }

    /// Writes the journal atomically.
    ///
    /// - Throws: the file system's error when the directory is not writable.
    func write(_ journal: SandboxJournal) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(journal)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        try data.write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: ["errno": code])
        }
    }
}
