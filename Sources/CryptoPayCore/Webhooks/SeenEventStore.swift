import Foundation

/// Remembers recently seen webhook event ids so that a handler can drop duplicates: providers retry deliveries, and
/// a captured delivery can be replayed while it is still valid.
///
/// Use the Svix message id (`svix-id`) for UseGateway, or the provider payment id plus status for schemes without
/// an id (`"\(paymentID):\(status)"`). The store is in memory, bounded and per process: ids are forgotten after
/// ``timeToLive``, when ``capacity`` is exceeded (oldest first), and on restart, and are not shared between servers.
/// It is a first line of defence, not a record: production handlers must also make processing idempotent in their
/// database (for example a unique constraint on the event id, written in the same transaction as the effect).
///
/// Safe to use from any thread; every operation takes a lock briefly.
public final class SeenEventStore: @unchecked Sendable {
    private struct Entry {
        let id: String
        let expiry: Date
        /// Tells this insertion apart from a later one of the same id after ``SeenEventStore/remove(_:)``.
        let serial: UInt64
    }

    /// The largest number of ids kept.
    public let capacity: Int
    /// How long an id is remembered.
    public let timeToLive: Duration
    private let clock: WaitClock
    private let lock = NSLock()
    /// id → serial of its live entry in `queue`.
    private var live: [String: UInt64] = [:]
    /// Entries in insertion order, which is also expiry order because every entry lives equally long. Entries
    /// before `head` are gone; entries whose serial is not in `live` were removed and are skipped.
    private var queue: [Entry] = []
    private var head = 0
    private var nextSerial: UInt64 = 0

    /// Creates an empty store.
    ///
    /// - Parameters:
    ///   - capacity: The largest number of ids kept; beyond it the oldest is forgotten. Size it above the number of
    ///     deliveries expected within `timeToLive`, or old duplicates slip through.
    ///   - timeToLive: How long an id is remembered. For Svix, anything over the timestamp tolerance
    ///     plus the provider's retry schedule you want covered.
    ///   - clock: The time ids are recorded and expire by; inject a manual one in tests.
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/invalidRequest`` when `capacity` is less than 1 or
    ///   `timeToLive` is not positive.
    public convenience init(
        capacity: Int = SeenEventStore.defaultCapacity,
        timeToLive: Duration = SeenEventStore.defaultTimeToLive,
        clock: WaitClock = .system
    ) throws {
        guard capacity >= 1 else {
            throw PaymentError.invalidRequest("A seen-event store needs a capacity of at least 1.")
        }
        guard timeToLive > .zero else {
            throw PaymentError.invalidRequest("A seen-event store needs a positive time to live.")
        }
        self.init(checkedCapacity: capacity, timeToLive: timeToLive, clock: clock)
    }

    /// The capacity a store has unless told otherwise: 100,000 ids.
    public static let defaultCapacity = 100_000
    /// How long a store remembers an id unless told otherwise: 24 hours.
    public static let defaultTimeToLive: Duration = .seconds(24 * 60 * 60)

    /// A store with ``defaultCapacity`` and ``defaultTimeToLive``, which need no checking.
    package static func withDefaults() -> SeenEventStore {
        SeenEventStore(checkedCapacity: defaultCapacity, timeToLive: defaultTimeToLive, clock: .system)
    }

    private init(checkedCapacity: Int, timeToLive: Duration, clock: WaitClock) {
        self.capacity = checkedCapacity
        self.timeToLive = timeToLive
        self.clock = clock
    }

    /// Records `id` and returns true if it was not already remembered; returns false for a duplicate (whose
    /// expiry is not extended).
    public func insert(_ id: String) -> Bool {
        let time = clock.now()
        lock.lock()
        defer { lock.unlock() }
        removeExpired(at: time)
        if live[id] != nil { return false }
        while live.count >= capacity, head < queue.count {
            forget(queue[head])
            head += 1
        }
        nextSerial &+= 1
        live[id] = nextSerial
        queue.append(Entry(id: id, expiry: time.addingTimeInterval(timeToLive.timeInterval), serial: nextSerial))
        compactIfNeeded()
        return true
    }

    /// Records `id`, or throws if it was already remembered.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected`` with reason
    ///   ``WebhookRejectionReason/duplicate``.
    public func insertOrThrow(_ id: String) throws {
        guard insert(id) else {
            throw PaymentError.webhookRejected(.duplicate, "Event \(id) was already processed.")
        }
    }

    /// True when `id` is remembered and has not expired.
    public func contains(_ id: String) -> Bool {
        let time = clock.now()
        lock.lock()
        defer { lock.unlock() }
        removeExpired(at: time)
        return live[id] != nil
    }

    /// Forgets `id`, so that a redelivery is processed again; call it when handling the event failed.
    public func remove(_ id: String) {
        lock.lock()
        defer { lock.unlock() }
        // The queue entry stays until it reaches the head or the next compaction; its serial no longer matches.
        live[id] = nil
    }

    /// The number of ids remembered and not yet expired.
    public var count: Int {
        let time = clock.now()
        lock.lock()
        defer { lock.unlock() }
        removeExpired(at: time)
        return live.count
    }

    private func removeExpired(at time: Date) {
        while head < queue.count, queue[head].expiry <= time {
            forget(queue[head])
            head += 1
        }
    }

    private func forget(_ entry: Entry) {
        if live[entry.id] == entry.serial { live[entry.id] = nil }
    }

    /// Drops the consumed prefix once it is half the array, and the entries of removed ids once they outnumber
    /// the live ones, so that memory stays proportional to ``capacity`` whatever the pattern of calls.
    private func compactIfNeeded() {
        if queue.count - head > 2 * live.count + 16 {
            queue = queue[head...].filter { live[$0.id] == $0.serial }
            head = 0
        } else if head > 0, head * 2 >= queue.count {
            queue.removeFirst(head)
            head = 0
        }
    }
}
