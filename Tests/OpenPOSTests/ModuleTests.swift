import XCTest

@testable import OpenPOS

final class ModuleTests: XCTestCase {
    func testModuleReexportsCore() {
        XCTAssertEqual(ProviderID.useGateway.rawValue, "usegateway")
    }
}
