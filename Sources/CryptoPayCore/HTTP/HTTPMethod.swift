/// An HTTP request method.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method name as sent on the wire, upper case.
    public let rawValue: String

    /// Creates a method from its wire name; the name is upper-cased.
    public init(rawValue: String) {
        self.rawValue = rawValue.uppercased()
    }

    /// `GET`.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `POST`.
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT`.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `PATCH`.
    public static let patch = HTTPMethod(rawValue: "PATCH")
    /// `DELETE`.
    public static let delete = HTTPMethod(rawValue: "DELETE")
    /// `HEAD`.
    public static let head = HTTPMethod(rawValue: "HEAD")

    /// True for methods that only read (`GET`, `HEAD`, `OPTIONS`), which may be resent after any transient failure.
    ///
    /// `PUT` and `DELETE` are idempotent in HTTP's definition, but payment providers do not all honour that, so the
    /// library treats them like `POST`.
    public var isSafe: Bool {
        rawValue == "GET" || rawValue == "HEAD" || rawValue == "OPTIONS"
    }

    /// The method name.
    public var description: String { rawValue }
}
