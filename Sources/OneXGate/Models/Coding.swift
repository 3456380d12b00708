import CryptoPayCore
import Foundation

extension KeyedDecodingContainer {
    /// A status text read through ``OneXGateStatus``.
    ///
    /// - Throws: `DecodingError` naming the field when the status is missing or not a string.
    func decodeStatus(forKey key: Key) throws -> ProviderStatus {
        OneXGateStatus.status(for: try decode(String.self, forKey: key))
    }
}
