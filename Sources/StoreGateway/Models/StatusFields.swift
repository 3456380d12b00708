import CryptoPayCore
import Foundation

/// An object's status pair. The document spells it `status`/`status_name` in most examples and
/// `status_type`/`status_type_name` in its tables; either is read, and the spelling read is written back.
struct StatusFields: Hashable, Sendable, Codable {
    var code: StoreGatewayStatus?
    var name: String?
    var spelledAsType: Bool

    private enum CodingKeys: String, CodingKey {
        case status
        case statusName = "status_name"
        case statusType = "status_type"
        case statusTypeName = "status_type_name"
    }

    /// The four keys as keys of the container of the object that holds them.
    struct Keys<Key: CodingKey> {
        var status: Key
        var statusName: Key
        var statusType: Key
        var statusTypeName: Key
    }

    init(from decoder: any Decoder) throws {
        try self.init(
            in: try decoder.container(keyedBy: CodingKeys.self),
            keys: Keys(
                status: .status, statusName: .statusName, statusType: .statusType, statusTypeName: .statusTypeName)
        )
    }

    /// Reads the pair from the container of the object that holds it, already open: opening an object again makes
    /// `JSONDecoder` index all its keys again.
    init<Key: CodingKey>(in container: KeyedDecodingContainer<Key>, keys: Keys<Key>) throws {
        let plain = try container.decodeIfPresent(StoreGatewayStatus.self, forKey: keys.status)
        let typed = try container.decodeIfPresent(StoreGatewayStatus.self, forKey: keys.statusType)
        let plainName = try container.decodeIfPresent(String.self, forKey: keys.statusName)
        let typedName = try container.decodeIfPresent(String.self, forKey: keys.statusTypeName)
        spelledAsType = plain == nil && (typed != nil || typedName != nil)
        code = plain ?? typed
        name = spelledAsType ? typedName : plainName ?? typedName
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(code, forKey: spelledAsType ? .statusType : .status)
        try container.encodeIfPresent(name, forKey: spelledAsType ? .statusTypeName : .statusName)
    }
}
