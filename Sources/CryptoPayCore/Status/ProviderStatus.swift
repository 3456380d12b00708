import Foundation

/// A provider's status in one shape: the text exactly as the provider sent it, and what it means in the unified
/// ``PaymentStatus``.
///
/// Each provider module has one type that adopts this (`USDTInvoiceStatus`, `OneXGateStatus`, …) with a static
/// value per documented status, listed in ``documented``; decoding, encoding, ``init(rawValue:)`` and the lookup
/// come from here, so every provider reads its statuses the same way. Keep ``rawValue`` for logs and support: it
/// carries detail the unified status cannot (`Unresolved (Underpaid)`). Where the provider's document makes the
/// meaning depend on more than the text (amounts received, a confirmation flag), the model builds the value with
/// ``init(rawValue:paymentStatus:)`` and says so; compare ``rawValue`` to match the provider's text alone.
public protocol ProviderStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible
where RawValue == String {
    /// The statuses the provider's document names, each with its unified status.
    static var documented: [Self] { get }

    /// True when a status text matches a documented one whatever its case and surrounding spaces, for providers
    /// whose documents are not consistent about either; false (the default) when only the exact spelling matches.
    static var matchesIgnoringCase: Bool { get }

    /// The unified status of a status text. The default looks the text up in ``documented`` (see
    /// ``documentedPaymentStatus(for:)``) and is ``PaymentStatus/unknown(_:)`` with the text otherwise.
    static func paymentStatus(for rawValue: String) -> PaymentStatus

    /// Pairs the provider's text with the unified status it stands for.
    init(rawValue: String, paymentStatus: PaymentStatus)

    /// Reads a status text, never failing: a status the document does not name is kept (as `OptionSet` narrows
    /// `RawRepresentable`'s failable initializer).
    init(rawValue: String)

    /// The status exactly as the provider sent it.
    var rawValue: String { get }

    /// The unified status.
    var paymentStatus: PaymentStatus { get }
}

// The members below are `@inlinable` so that each provider's status type gets them specialized in its own module, as
// `OpenEnumeration`'s are: a status is read in every decoded payment, and the generic path cost 5 % of a POS call.
extension ProviderStatus {
    /// Reads a status text; the unified status comes from ``paymentStatus(for:)``, so a status the document does
    /// not name is ``PaymentStatus/unknown(_:)`` and never fails.
    @inlinable
    public init(rawValue: String) {
        self.init(rawValue: rawValue, paymentStatus: Self.paymentStatus(for: rawValue))
    }

    /// The documented status's unified status, or ``PaymentStatus/unknown(_:)`` with the text.
    @inlinable
    public static func paymentStatus(for rawValue: String) -> PaymentStatus {
        documentedPaymentStatus(for: rawValue) ?? .unknown(rawValue)
    }

    /// Only the exact spelling matches a documented status.
    public static var matchesIgnoringCase: Bool { false }

    /// The unified status of the documented status spelled `text`, `nil` when the document names none. Matching
    /// ignores case and surrounding spaces when ``matchesIgnoringCase`` says so.
    @inlinable
    public static func documentedPaymentStatus(for text: String) -> PaymentStatus? {
        // Providers nearly always send the documented spelling: compare exactly first, and only then ignoring case.
        if let exact = documented.first(where: { $0.rawValue == text }) { return exact.paymentStatus }
        guard matchesIgnoringCase else { return nil }
        let key = text.trimmingSpaces().lowercased()
        return documented.first { $0.rawValue.lowercased() == key }?.paymentStatus
    }

    /// Decodes the status text.
    ///
    /// - Throws: `DecodingError` when the value is not a string.
    @inlinable
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the status text exactly as it was read.
    ///
    /// - Throws: whatever the encoder throws.
    @inlinable
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Equal when both the text and the unified status are: `RawRepresentable`'s own `==` would compare the text
    /// alone, and call a Store Gateway payment expired by its `CANCEL` code equal to one cancelled by hand.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue == rhs.rawValue && lhs.paymentStatus == rhs.paymentStatus
    }

    /// Hashes the text and the unified status, as ``==(_:_:)`` compares them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
        hasher.combine(paymentStatus)
    }

    /// `paid (Completed)`: the unified status, then the provider's text.
    public var description: String { "\(paymentStatus) (\(rawValue))" }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (`CharacterSet.whitespaces`), as
    /// `trimmingCharacters(in: .whitespaces)` returns it, but without going through `NSString` when there is
    /// nothing to trim, which is nearly always.
    @usableFromInline
    package func trimmingSpaces() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        let spaces = CharacterSet.whitespaces
        if !spaces.contains(first), !spaces.contains(last) { return String(self) }
        return trimmingCharacters(in: spaces)
    }
}
