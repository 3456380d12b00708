import XCTest

@testable import OneXGate

final class ModuleTests: XCTestCase {
    func testModuleReexportsCore() {
        XCTAssertEqual(ProviderID.useGateway.rawValue, "usegateway")
    }
}
