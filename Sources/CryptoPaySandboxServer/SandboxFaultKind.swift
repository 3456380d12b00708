import CryptoPayCore
import Foundation

/// A failure the sandbox server plays on a provider's API on demand, to test how a merchant's client copes.
public enum SandboxFaultKind: String, Sendable, CaseIterable {
    /// 500 Internal Server Error.
    case serverError = "500"
    /// 503 Service Unavailable with `Retry-After`.
    case unavailable = "503"
    /// 429 Too Many Requests with `Retry-After`.
    case rateLimited = "429"
    /// No answer: the connection is held open until the client gives up (or the hold time passes).
    case timeout
    /// The connection is closed without an answer.
    case drop
}

/// The faults set per provider, with how long each lasts. Thread-safe.
final class FaultBook: @unchecked Sendable {
    private struct Entry {
        var kind: SandboxFaultKind
        var remaining: Int?
        var until: Date?
    }

    // Guards `entries`.
    private let lock = NSLock()
    private var entries: [ProviderID: Entry] = [:]

    /// Sets a fault for the next `times` requests, or for `seconds`, or (neither) the next request.
    func set(_ kind: SandboxFaultKind, for provider: ProviderID, times: Int?, seconds: TimeInterval?, now: Date) {
        let entry = Entry(
            kind: kind, remaining: seconds == nil ? (times ?? 1) : nil,
            until: seconds.map { now.addingTimeInterval($0) })
        lock.withLock { entries[provider] = entry }
    }

    /// Removes the provider's fault.
    func clear(_ provider: ProviderID) {
        lock.withLock { entries[provider] = nil }
    }

    /// The fault the next request to `provider` gets, counting it down.
    func take(_ provider: ProviderID, now: Date) -> SandboxFaultKind? {
        lock.withLock {
            guard var entry = entries[provider] else { return nil }
            if let until = entry.until, now >= until {
                entries[provider] = nil
                return nil
            }
            if let remaining = entry.remaining {
                entry.remaining = remaining - 1
                entries[provider] = remaining > 1 ? entry : nil
            }
            return entry.kind
        }
    }

    /// The faults set now, as JSON for the control API.
    func json(now: Date) -> JSONValue {
        lock.withLock {
            .object(
                JSONObject(
                    entries.filter { $0.value.until.map { now < $0 } ?? true }
                        .sorted { $0.key.rawValue < $1.key.rawValue }
                        .map { provider, entry in
                            var object: JSONObject = ["kind": .string(entry.kind.rawValue)]
                            if let remaining = entry.remaining { object["times"] = .number(Decimal(remaining)) }
                            if let until = entry.until { object["until"] = .string(DateCoding.format(until)) }
                            return (provider.rawValue, .object(object))
                        }))
        }
    }
}
