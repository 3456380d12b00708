/// One payment lifecycle shared by every provider.
///
/// Each provider status in the documents maps to exactly one case; ``ProviderStatus`` keeps the provider's own
/// spelling beside it. A status no document names decodes as ``unknown(_:)`` rather than failing, so a provider
/// adding a status never breaks a merchant's webhook handler.
///
/// Each case has one meaning for every provider, decided by what the payer can do and what has arrived, never by
/// the provider's word for it. The same word can therefore map to different cases: UseGateway's `Opened` is
/// ``pending`` for a payment (its address and timer are live) but ``created`` for an invoice (its timer starts only
/// when the payer opens the page). The provider modules' status tables follow these definitions:
///
/// | case | means |
/// | --- | --- |
/// | ``created`` | exists; the payer has no live payment details yet (no address, or a timer not started) |
/// | ``pending`` | the payer can pay (address or page live), nothing has been received |
/// | ``processing`` | a transaction was seen and is confirming, or is below the required confirmations |
/// | ``partiallyPaid`` | less than requested arrived and the payment is still open for the rest |
/// | ``paid`` | the requested amount arrived and is confirmed |
/// | ``overpaid`` | more than requested arrived and is confirmed, where the provider says so |
/// | ``expired`` | the time ran out with nothing or too little received |
/// | ``cancelled`` | stopped on purpose by the merchant, the payer or the provider before completion |
/// | ``failed`` | the provider rejected or could not process it |
/// | ``refunded`` | funds were returned to the payer |
/// | ``needsReview`` | the provider could not settle it (wrong amount, late payment); the merchant decides |
/// | ``resolved`` | the merchant settled a payment that needed review |
///
/// ## When a wait ends
///
/// Every wait in the library — the provider modules' `waitForFinalStatus` / `waitForConfirmation` and
/// `PaymentProvider.waitForFinalStatus` — stops at the first status whose ``endsWait`` is true: a final status
/// (``isFinal``), or one that waits for the merchant (``needsMerchantAction``: ``partiallyPaid``, ``needsReview``).
/// Polling on through those would only burn the timeout: nothing changes until the merchant accepts, refunds,
/// resolves or asks the payer for the rest (1xGate's document leaves a partly paid payment to the merchant, the
/// POS API's underpaid one waits for AcceptPayment or RefundPayment). To give the payer time to send the rest, wait
/// again after deciding so.
public enum PaymentStatus: Hashable, Sendable, CustomStringConvertible {
    /// Exists, but the payer has not been given live payment details yet (an invoice not yet viewed).
    case created
    /// The payer can pay (address or hosted page live); nothing has been received.
    case pending
    /// A transaction was seen and is confirming.
    case processing
    /// Less than the requested amount arrived, and the payment is still open for the rest.
    case partiallyPaid
    /// The requested amount arrived and is confirmed.
    case paid
    /// More than the requested amount arrived and is confirmed, where the provider reports it.
    case overpaid
    /// The time ran out with nothing or too little received.
    case expired
    /// Stopped on purpose by the merchant, the payer or the provider before completion.
    case cancelled
    /// The provider rejected the payment or could not process it.
    case failed
    /// The funds were returned to the payer.
    case refunded
    /// The provider could not settle the payment automatically (wrong amount, late payment); the merchant must
    /// decide.
    case needsReview
    /// The merchant resolved a payment that needed review.
    case resolved
    /// A status no document describes, with the provider's spelling.
    case unknown(String)

    /// True when the payment can no longer change by itself (paid, overpaid, expired, cancelled, failed,
    /// refunded, resolved). ``needsReview`` is not final: it waits for the merchant.
    public var isFinal: Bool {
        switch self {
        case .paid, .overpaid, .expired, .cancelled, .failed, .refunded, .resolved: true
        default: false
        }
    }

    /// True when nothing more happens until the merchant decides: less than requested arrived (``partiallyPaid``:
    /// accept it, refund it, or ask the payer for the rest) or the provider could not settle it (``needsReview``).
    public var needsMerchantAction: Bool {
        self == .partiallyPaid || self == .needsReview
    }

    /// True when a wait for the outcome should return this status: it is final (``isFinal``) or it waits for the
    /// merchant (``needsMerchantAction``). The one rule every wait in the library uses.
    public var endsWait: Bool {
        isFinal || needsMerchantAction
    }

    /// True when the money requested has arrived (``paid`` or ``overpaid``).
    public var isPaid: Bool {
        self == .paid || self == .overpaid
    }

    /// The case name (`partiallyPaid`), or `unknown(<raw>)`.
    public var description: String {
        switch self {
        case .created: "created"
        case .pending: "pending"
        case .processing: "processing"
        case .partiallyPaid: "partiallyPaid"
        case .paid: "paid"
        case .overpaid: "overpaid"
        case .expired: "expired"
        case .cancelled: "cancelled"
        case .failed: "failed"
        case .refunded: "refunded"
        case .needsReview: "needsReview"
        case .resolved: "resolved"
        case .unknown(let raw): "unknown(\(raw))"
        }
    }
}
