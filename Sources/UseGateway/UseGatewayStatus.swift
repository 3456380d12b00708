import CryptoPayCore
import Foundation

/// A UseGateway status: payments, invoices, deposits and withdrawal requests each have their own type, because the
/// document gives the same word different meanings for each (`Opened` is a live payment but an invoice not yet
/// viewed).
///
/// A status may carry a detail in parentheses (`Unresolved (Underpaid)`): the unified status is looked up by the
/// part before it, and `rawValue` keeps the whole text. Anything the document does not name
/// becomes `PaymentStatus.unknown(_:)` with the whole text.
public protocol UseGatewayStatus: ProviderStatus {}

extension UseGatewayStatus {
    /// UseGateway's document is not consistent about case: a status matches whatever its case.
    public static var matchesIgnoringCase: Bool { true }

    /// The unified status of the text before any parenthesised detail, `PaymentStatus.unknown(_:)` with the whole
    /// text when the document does not name it.
    public static func paymentStatus(for rawValue: String) -> PaymentStatus {
        documentedPaymentStatus(for: UseGatewayStatusText.split(rawValue).base) ?? .unknown(rawValue)
    }

    /// Why the resource is unresolved, when the status is `Unresolved (…)`; `nil` for any other status or a bare
    /// `Unresolved`.
    public var unresolvedReason: UseGatewayUnresolvedReason? {
        UseGatewayStatusText.unresolvedReason(rawValue)
    }
}

/// Reads the parts of a UseGateway status text.
enum UseGatewayStatusText {
    /// `Unresolved (Underpaid)` → (`Unresolved`, `Underpaid`); text without parentheses has no detail.
    static func split(_ raw: String) -> (base: String, detail: String?) {
        let text = raw.trimmingSpaces()
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return (text, nil) }
        let base = text[..<open].trimmingSpaces()
        let detail = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingSpaces()
        return (base, detail.isEmpty ? nil : detail)
    }

    /// The reason of an `Unresolved (…)` text; `nil` for any other text or a bare `Unresolved`.
    static func unresolvedReason(_ raw: String) -> UseGatewayUnresolvedReason? {
        let parts = split(raw)
        guard parts.base.lowercased() == "unresolved", let detail = parts.detail else { return nil }
        return UseGatewayUnresolvedReason(detail: detail)
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
    /// The type of this resource's statuses.
    associatedtype Status: UseGatewayStatus
    /// The entry that holds the current status, `nil` when the resource has none.
    var currentStatusEntry: UseGatewayTimelineEntry? { get }
}

extension UseGatewayStatusReporting {
    /// The current status as sent, with its unified status; `nil` when the resource has no status yet.
    public var status: Status? {
        currentStatusEntry.map { Status(rawValue: $0.status) }
    }

    /// Why the resource is unresolved, when its current status is `Unresolved (…)`.
    public var unresolvedReason: UseGatewayUnresolvedReason? {
        currentStatusEntry?.unresolvedReason
    }
}
