// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CryptoPay",
    platforms: [.macOS(.v13), .iOS(.v16)],
    products: [
        .library(name: "CryptoPayCore", targets: ["CryptoPayCore"]),
        .library(name: "UseGateway", targets: ["UseGateway"]),
        .library(name: "CryptoPayTesting", targets: ["CryptoPayTesting"]),
        .executable(name: "cryptopay-benchmarks", targets: ["CryptoPayBenchmarks"]),
    ],
    targets: [
        .target(name: "CryptoPayCore"),
        .target(name: "UseGateway", dependencies: ["CryptoPayCore"]),
        .target(name: "CryptoPayTesting", dependencies: ["CryptoPayCore"]),
        .executableTarget(
            name: "CryptoPayBenchmarks",
            dependencies: ["CryptoPayCore"],
            path: "Benchmarks"
        ),
        .testTarget(name: "CryptoPayCoreTests", dependencies: ["CryptoPayCore", "CryptoPayTesting"]),
        .testTarget(name: "UseGatewayTests", dependencies: ["UseGateway", "CryptoPayTesting"]),
    ],
    swiftLanguageModes: [.v6]
)
