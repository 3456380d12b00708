/// The parameters every POS API call accepts besides its own: a point of service other than the client's, a
/// locale and a user.
public struct OpenPOSCallOptions: Hashable, Sendable {
    /// The point of service for this call instead of the client's `posID`.
    public var posID: String?
    /// The locale for the provider's texts (`locale`).
    public var locale: String?
    /// The user to assign the payment to (`user`).
    public var user: String?

    /// Creates options; everything is optional.
    public init(posID: String? = nil, locale: String? = nil, user: String? = nil) {
        self.posID = posID
        self.locale = locale
        self.user = user
    }

    /// No options: the client's point of service, no locale, no user.
    public static let none = OpenPOSCallOptions()
}
