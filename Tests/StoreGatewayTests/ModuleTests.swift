import XCTest

@testable import StoreGateway

final class ModuleTests: XCTestCase {
    func testModuleReexportsCore() {
        XCTAssertEqual(ProviderID.useGateway.rawValue, "usegateway")
    }
}
