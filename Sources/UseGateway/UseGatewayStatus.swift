import CryptoPayCore
import Foundation

/// How one kind of UseGateway resource spells its statuses, and what each means in the unified `PaymentStatus`.
///
/// Statuses may carry a detail in parentheses (`Unresolved (Underpaid)`); the table matches the part before it, and
/// the whole text stays in `ProviderStatus.raw`. Anything the document does not name becomes
/// `PaymentStatus.unknown(_:)`.
public struct UseGatewayStatusTable: Sendable {
    /// The documented spellings (matched ignoring case) and their unified statuses.
    public let entries: [String: PaymentStatus]

    /// Payments: Opened, Completed, Expired, Unresolved, Resolved, Closed.
    public static let payment = UseGatewayStatusTable(entries: [
        "Opened": .pending, "Completed": .paid, "Expired": .expired,
        "Unresolved": .needsReview, "Resolved": .resolved, "Closed": .cancelled,
    ])

    /// Invoices: the table's Created and the examples' Opened (the same state: not yet viewed), Viewed, Renewed,
    /// Paid, Expired, Unresolved, Resolved, Closed.
    public static let invoice = UseGatewayStatusTable(entries: [
        "Created": .created, "Opened": .created, "Viewed": .pending, "Renewed": .pending, "Paid": .paid,
        "Expired": .expired, "Unresolved": .needsReview, "Resolved": .resolved, "Closed": .cancelled,
    ])

    /// Deposits: Created, Replenished, Unresolved, Resolved, Closed.
    public static let deposit = UseGatewayStatusTable(entries: [
        "Created": .pending, "Replenished": .paid, "Unresolved": .needsReview, "Resolved": .resolved,
        "Closed": .cancelled,
    ])

    /// Withdrawal requests: Received, Approved, Declined (also the table's misspelling `Declcined`).
    public static let withdrawalRequest = UseGatewayStatusTable(entries: [
        "Received": .pending, "Approved": .paid, "Declined": .failed, "Declcined": .failed,
    ])

    /// The unified status of a raw status text, keeping the text.
    public func status(for raw: String) -> ProviderStatus {
        let mapped = ProviderStatus(raw: Self.split(raw).base, table: entries)
        if case .unknown = mapped.status { return ProviderStatus(.unknown(raw), raw: raw) }
        return ProviderStatus(mapped.status, raw: raw)
    }

    /// `Unresolved (Underpaid)` → (`Unresolved`, `Underpaid`); text without parentheses has no detail.
    static func split(_ raw: String) -> (base: String, detail: String?) {
        let text = raw.trimmingSpaces()
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return (text, nil) }
        let base = text[..<open].trimmingSpaces()
        let detail = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingSpaces()
        return (base, detail.isEmpty ? nil : detail)
    }
}

/// Why UseGateway marked a payment, invoice or deposit unresolved, from the status's parenthesised detail.
///
/// The document shows only `Underpaid`; the other cases are the usual reasons of this kind of API, and anything
/// else is kept as ``unknown(_:)``.
public enum UseGatewayUnresolvedReason: Hashable, Sendable {
    /// Less than the price arrived.
    case underpaid
    /// More than the price arrived.
    case overpaid
    /// The transaction arrived after the payment expired.
    case delayed
    /// More than one transaction arrived.
    case multiple
    /// A detail the document does not describe, as sent.
    case unknown(String)

    /// Reads the detail text, ignoring case.
    public init(detail: String) {
        switch detail.lowercased() {
        case "underpaid": self = .underpaid
        case "overpaid": self = .overpaid
        case "delayed": self = .delayed
        case "multiple": self = .multiple
        default: self = .unknown(detail)
        }
    }
}

/// A resource whose current status is the last entry of its timeline.
public protocol UseGatewayStatusReporting {
    /// The table that maps this resource's statuses.
    static var statusTable: UseGatewayStatusTable { get }
    /// The entry that holds the current status, `nil` when the resource has none.
    var currentStatusEntry: UseGatewayTimelineEntry? { get }
}

extension UseGatewayStatusReporting {
    /// The current status, mapped and with the provider's spelling; `nil` when the resource has no status yet.
    public var status: ProviderStatus? {
        currentStatusEntry.map { Self.statusTable.status(for: $0.status) }
    }

    /// Why the resource is unresolved, when its current status is `Unresolved (…)`.
    public var unresolvedReason: UseGatewayUnresolvedReason? {
        currentStatusEntry?.unresolvedReason
    }
}
