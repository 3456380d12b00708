import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension TransportFailure {
    /// Classifies a URL-loading error by its `NSURLErrorDomain` code; errors of any other domain become
    /// ``other(code:)`` with their own code.
    ///
    /// TLS failures are codes -1200 to -1207. On Linux, FoundationNetworking reports a TLS certificate problem as
    /// code `-1` (`NSURLErrorUnknown`) rather than one of those, so `-1` is read as a TLS failure too.
    public init(urlError error: any Error) {
        let nsError = error as NSError
        guard nsError.domain == NSURLErrorDomain else {
            self = .other(code: nsError.code)
            return
        }
        switch nsError.code {
        case NSURLErrorCannotConnectToHost:
            self = .connectionRefused
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed:
            self = .hostNotFound
        case NSURLErrorTimedOut:
            self = .timedOut
        case NSURLErrorNotConnectedToInternet:
            self = .notConnected
        case NSURLErrorNetworkConnectionLost:
            self = .connectionLost
        case NSURLErrorUnknown, Self.secureConnectionCodes:
            self = .secureConnectionFailed
        default:
            self = .other(code: nsError.code)
        }
    }

    // Written as numbers because the two sources disagree: `URLError.Code` (and Apple's platforms) use -1200...-1206,
    // while swift-corelibs-foundation's `NSURLError…` constants for the same errors are -1201...-1207.
    private static let secureConnectionCodes = -1207 ... -1200
}
