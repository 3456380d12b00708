// swift-tools-version:6.0
import PackageDescription

let providers = ["StoreGateway", "USDTInvoice", "OneXGate", "OpenPOS"]

let package = Package(
    name: "CryptoPay",
    platforms: [.macOS(.v13), .iOS(.v16)],
    products: [
        .library(name: "CryptoPayCore", targets: ["CryptoPayCore"]),
        .library(name: "UseGateway", targets: ["UseGateway"]),
        .library(name: "StoreGateway", targets: ["StoreGateway"]),
        .library(name: "USDTInvoice", targets: ["USDTInvoice"]),
        .library(name: "OneXGate", targets: ["OneXGate"]),
        .library(name: "OpenPOS", targets: ["OpenPOS"]),
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
    ]
        + providers.flatMap { name -> [Target] in
            [
                .target(name: name, dependencies: ["CryptoPayCore"]),
                .testTarget(name: "\(name)Tests", dependencies: [.target(name: name), "CryptoPayTesting"]),
            ]
        },
    swiftLanguageModes: [.v6]
)
