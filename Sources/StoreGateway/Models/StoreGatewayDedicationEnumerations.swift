import CryptoPayCore

/// Where a dedicated address comes from (`address_alloc`), kept open. The provider's default is ``new``.
public enum StoreGatewayAddressAllocation: OpenEnumeration {
    /// `NEW`: a newly generated address.
    case new
    /// `POOL`: an address taken from the store's pool.
    case pool
    /// A value the document does not list, as sent.
    case unknown(String)

    /// The documented values.
    public static let documented: [StoreGatewayAddressAllocation] = [.new, .pool]

    /// The wire spelling (`NEW`).
    public var rawValue: String {
        switch self {
        case .new: "NEW"
        case .pool: "POOL"
        case .unknown(let raw): raw
        }
    }
}

/// How a dedicated address is used (`dedicate_type`), kept open. The provider's default is ``uses``.
public enum StoreGatewayDedicationType: OpenEnumeration {
    /// `USES`: every incoming transfer to the address becomes a payment for the client, for all time.
    case uses
    /// `ASSIGN`: the address is only reserved; pass its `dedicate_id` to a payment to use it for that payment.
    case assign
    /// A value the document does not list, as sent.
    case unknown(String)

    /// The documented values.
    public static let documented: [StoreGatewayDedicationType] = [.uses, .assign]

    /// The wire spelling (`USES`).
    public var rawValue: String {
        switch self {
        case .uses: "USES"
        case .assign: "ASSIGN"
        case .unknown(let raw): raw
        }
    }
}
