import Foundation
import TestKit
import XCTest

@testable import UseGateway

/// UseGateway's resources are plain nested structs, as in the other four modules: a type's name is its own, not a
/// generic resource behind a typealias.
final class ResourceShapeTests: XCTestCase {
    func testEveryResourceIsANestedStructOfItsOwnName() throws {
        let client = try UseGatewayClient(apiKey: "ug_shape_key")

        let names = [
            String(describing: type(of: client.payments)), String(describing: type(of: client.invoices)),
            String(describing: type(of: client.deposits)), String(describing: type(of: client.p2p)),
            String(describing: type(of: client.withdrawalRequests)), String(describing: type(of: client.rates)),
        ]

        XCTAssertEqual(names, ["Payments", "Invoices", "Deposits", "P2P", "WithdrawalRequests", "Rates"])
    }
}
