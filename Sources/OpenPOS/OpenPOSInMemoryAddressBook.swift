import CryptoPayCore
import Foundation

/// An ``OpenPOSAddressBook`` in memory for one process, safe to share across tasks and bounded: it keeps at most
/// ``capacity`` payments, for at most ``maxAge`` after each was recorded, and forgets the oldest first. It forgets
/// everything when the process ends, and other instances of your service never see it: in production with several
/// instances, or where a webhook may arrive after a restart, give the client an address book on a shared database.
public final class OpenPOSInMemoryAddressBook: OpenPOSAddressBook, @unchecked Sendable {
    /// The default ``capacity``: 10,000 payments, a few megabytes at most.
    public static let defaultCapacity = 10_000
    /// The default ``maxAge``: seven days, long past the time a POS payment is paid, accepted or refunded in.
    public static let defaultMaxAge = Duration.seconds(7 * 24 * 3600)

    /// The most payments kept; recording one more forgets the oldest.
    public let capacity: Int
    /// How long a payment is kept after it was recorded.
    public let maxAge: Duration

    private struct Entry {
        let reference: OpenPOSPaymentReference
        let recordedAt: Date
        let sequence: Int
    }

    private let clock: WaitClock
    // Guards `entries`, `order`, `head` and `sequence`.
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    // Recordings oldest first; an item whose sequence no longer matches its entry was recorded again later.
    private var order: [(paymentID: String, sequence: Int)] = []
    private var head = 0
    private var sequence = 0

    /// Creates an empty address book with the default bounds (``defaultCapacity``, ``defaultMaxAge``).
    public convenience init() {
        self.init(checkedCapacity: Self.defaultCapacity, maxAge: Self.defaultMaxAge, clock: .system)
    }

    /// Creates an empty address book with these bounds.
    ///
    /// - Parameters:
    ///   - capacity: the most payments kept, at least 1.
    ///   - maxAge: how long each is kept, positive.
    ///   - clock: the time entries are recorded and aged by; inject a manual one in tests.
    /// - Throws: `PaymentError` of kind `invalidRequest` for a capacity below 1 or an age that is not positive.
    public convenience init(
        capacity: Int,
        maxAge: Duration = defaultMaxAge,
        clock: WaitClock = .system
    ) throws {
        guard capacity >= 1, maxAge > .zero else {
            throw PaymentError(
                .invalidRequest,
                message: "an address book needs a capacity of at least 1 and a positive maximum age, got "
                    + "\(capacity) and \(maxAge)",
                provider: .openPOS)
        }
        self.init(checkedCapacity: capacity, maxAge: maxAge, clock: clock)
    }

    private init(checkedCapacity: Int, maxAge: Duration, clock: WaitClock) {
        self.capacity = checkedCapacity
        self.maxAge = maxAge
        self.clock = clock
    }

    /// Stores a reference, replacing any earlier one for the same payment id (which then counts as recorded now),
    /// and forgets the oldest payments beyond ``capacity`` or older than ``maxAge``.
    public func record(_ reference: OpenPOSPaymentReference) async {
        let now = clock.now()
        lock.withLock {
            sequence += 1
            entries[reference.paymentID] = Entry(reference: reference, recordedAt: now, sequence: sequence)
            order.append((reference.paymentID, sequence))
            evict(now: now)
        }
    }

    /// The reference stored for a payment id, or `nil` when none is or it is older than ``maxAge``.
    public func reference(forPaymentID paymentID: String) async -> OpenPOSPaymentReference? {
        let now = clock.now()
        return lock.withLock {
            evict(now: now)
            return entries[paymentID]?.reference
        }
    }

    /// Forgets from the oldest end while there are too many entries or the oldest is too old. Call with the lock.
    private func evict(now: Date) {
        let oldest = now.addingTimeInterval(-maxAge.timeInterval)
        while head < order.count {
            let (paymentID, recorded) = order[head]
            if let entry = entries[paymentID], entry.sequence == recorded {
                guard entries.count > capacity || entry.recordedAt < oldest else { break }
                entries[paymentID] = nil
            }
            head += 1
        }
        if head > 64, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
