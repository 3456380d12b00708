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

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let plain = try container.decodeIfPresent(StoreGatewayStatus.self, forKey: .status)
        let typed = try container.decodeIfPresent(StoreGatewayStatus.self, forKey: .statusType)
        let plainName = try container.decodeIfPresent(String.self, forKey: .statusName)
        let typedName = try container.decodeIfPresent(String.self, forKey: .statusTypeName)
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
