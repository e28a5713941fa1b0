// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "BikePDCA",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bikepdca", targets: ["bikepdca"]),
        .library(name: "BikePDCACore", targets: ["BikePDCACore"]),
        .library(name: "Importers", targets: ["Importers"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Analytics", targets: ["Analytics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // libcsv (Debian `libcsv-dev`): every CSV byte this project reads goes through it.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .target(name: "BikePDCACore"),
        .target(
            name: "Importers",
            dependencies: [
                "BikePDCACore",
                "CLibCSV",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Store",
            dependencies: ["BikePDCACore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "Analytics", dependencies: ["BikePDCACore"]),
        .target(name: "SampleGenerator", dependencies: ["BikePDCACore"]),
        .executableTarget(
            name: "bikepdca",
            dependencies: [
                "BikePDCACore", "Importers", "Store", "Analytics", "SampleGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BikePDCACoreTests", dependencies: ["BikePDCACore"]),
        .testTarget(
            name: "ImportersTests",
            dependencies: ["Importers", "BikePDCACore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Importers", "BikePDCACore"]),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "BikePDCACore"]),
        .testTarget(
            name: "CLITests",
            dependencies: ["bikepdca", "Importers", "Store", "SampleGenerator", "BikePDCACore"]
        ),
    ]
)

// Settings applied to every target of this package, in one place.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
