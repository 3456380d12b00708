/// An HTTP request method.
public struct RequestMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method name as sent on the wire, upper case.
    public let rawValue: String

    /// Creates a method from its wire name; the name is upper-cased.
    public init(rawValue: String) {
        self.rawValue = rawValue.uppercased()
    }

    /// `GET`.
    public static let get = RequestMethod(rawValue: "GET")
    /// `POST`.
    public static let post = RequestMethod(rawValue: "POST")
    /// `PUT`.
    public static let put = RequestMethod(rawValue: "PUT")
    /// `PATCH`.
    public static let patch = RequestMethod(rawValue: "PATCH")
    /// `DELETE`.
    public static let delete = RequestMethod(rawValue: "DELETE")
    /// `HEAD`.
    public static let head = RequestMethod(rawValue: "HEAD")

    /// True for methods that only read (`GET`, `HEAD`, `OPTIONS`): the default idempotency of an operation sent
    /// with this method, which an operation that changes state with a `GET` overrides.
    ///
    /// `PUT` and `DELETE` are idempotent in HTTP's definition, but payment providers do not all honour that, so the
    /// library treats them like `POST`.
    public var isSafe: Bool {
        rawValue == "GET" || rawValue == "HEAD" || rawValue == "OPTIONS"
    }

    /// The method name.
    public var description: String { rawValue }
}
