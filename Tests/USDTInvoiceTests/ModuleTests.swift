import XCTest

@testable import USDTInvoice

final class ModuleTests: XCTestCase {
    func testModuleReexportsCore() {
        XCTAssertEqual(ProviderID.useGateway.rawValue, "usegateway")
    }
}
