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
        .library(name: "Rendering", targets: ["Rendering"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Workflows", targets: ["Workflows"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // libcsv (Debian `libcsv-dev`): every CSV byte this project reads goes through it.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .target(name: "BikePDCACore"),
        .target(name: "CSVSupport", dependencies: ["CLibCSV"]),
        .target(name: "Geo", dependencies: ["BikePDCACore"]),
        .target(
            name: "Importers",
            dependencies: ["BikePDCACore", "CSVSupport", "Geo", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Store",
            dependencies: [
                "BikePDCACore", "Geo", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "Analytics", dependencies: ["BikePDCACore", "Geo"]),
        .target(name: "SampleGenerator", dependencies: ["BikePDCACore", "CSVSupport"]),
        // Renders report documents: self-contained HTML (inline SVG, escaping by construction) and Excel-safe CSV.
        .target(name: "Rendering", dependencies: ["BikePDCACore", "Geo", "CSVSupport"]),
        // Turns analysis results into report documents (zone, station, prefecture, compare, index): all wording.
        .target(name: "Reports", dependencies: ["BikePDCACore", "Analytics", "Rendering"]),
        // Where the stages meet: the import pipelines, the analysis loader, a report run. Every front end calls it.
        .target(
            name: "Workflows",
            dependencies: [
                "BikePDCACore", "CSVSupport", "Geo", "Importers", "Store", "Analytics", "Rendering", "Reports",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The browser app (`bikepdca serve`): routes, pages, sessions, CSRF, uploads, the import queue. It calls
        // Workflows exactly as the CLI does and computes nothing of its own.
        .target(
            name: "Server",
            dependencies: [
                "BikePDCACore", "Importers", "Store", "Rendering", "Reports", "Workflows",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The command line: parses flags, calls Workflows, prints.
        .executableTarget(
            name: "bikepdca",
            dependencies: [
                "BikePDCACore", "CSVSupport", "Importers", "Store", "Analytics", "Rendering", "Reports", "Workflows",
                "SampleGenerator", "Server", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BikePDCACoreTests", dependencies: ["BikePDCACore"]),
        .testTarget(name: "CSVSupportTests", dependencies: ["CSVSupport", "TestFolders"]),
        .testTarget(name: "GeoTests", dependencies: ["Geo", "BikePDCACore"]),
        .testTarget(
            name: "SampleGeneratorTests",
            dependencies: ["SampleGenerator", "BikePDCACore", "Importers", "Workflows", "Store", "TestFolders"]),
        .testTarget(name: "ImportersTests", dependencies: ["Importers", "BikePDCACore", "TestFolders"]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "BikePDCACore", "TestFolders", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "NPATests",
            dependencies: [
                "Importers", "Store", "Geo", "BikePDCACore", "CSVSupport", "TestFolders",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "WorkflowsTests",
            dependencies: [
                "Workflows", "Importers", "Analytics", "Rendering", "Reports", "Store", "BikePDCACore", "TestFolders",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "BikePDCACore", "Geo"]),
        .testTarget(
            name: "AnalyticsEndToEndTests",
            dependencies: [
                "Analytics", "Workflows", "Store", "Importers", "BikePDCACore", "SampleGenerator", "TestSupport",
            ]
        ),
        .testTarget(
            name: "RenderingTests", dependencies: ["Rendering", "BikePDCACore", "Geo", "CSVSupport", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Store", "Workflows", "BikePDCACore", "TestSupport", "TestFolders",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            // The real-browser test's Selenium script, run by ServerBrowserTests.
            exclude: ["browser_test.py"]
        ),
        .testTarget(name: "CLITests", dependencies: ["bikepdca", "SampleGenerator", "TestFolders", "TestSupport"]),
        // Test helpers shared by test targets: the sample prefecture in a fresh store, headless Chromium.
        .target(
            name: "TestSupport",
            dependencies: ["Workflows", "Store", "Importers", "SampleGenerator", "BikePDCACore", "TestFolders"],
            path: "Tests/TestSupport"),
        // Temporary folders of a test process, removed when it exits.
        .target(name: "TestFolders", path: "Tests/TestFolders"),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "bikepdca", "Reports", "Rendering", "Workflows", "Analytics", "TestSupport", "Store", "BikePDCACore",
                "CSVSupport",
            ],
            exclude: ["Snapshots"]),
    ]
)

// Settings applied to every target of this package, in one place.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.unsafeFlags(["-warnings-as-errors"]))
    target.swiftSettings = settings
}

// Fuzz targets (libFuzzer): the executables are declared only for Fuzz/build.sh, which sets BIKEPDCA_FUZZ=1 and
// builds with -sanitize=fuzzer in its own scratch folder; what they run on each input is a small library that the
// regression tests also replay the corpus through.
package.targets.append(
    .target(
        name: "FuzzEntryPoints", dependencies: ["BikePDCACore", "CSVSupport", "Geo", "Importers", "Rendering"],
        path: "Fuzz/EntryPoints"))
package.targets.append(
    .testTarget(
        name: "FuzzRegressionTests", dependencies: ["FuzzEntryPoints"]))
if Context.environment["BIKEPDCA_FUZZ"] == "1" {
    for name in ["CSVFuzz", "DatesFuzz", "ProfileFuzz", "GeoJSONFuzz", "FileNameFuzz"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["FuzzEntryPoints"], path: "Fuzz/\(name)"))
    }
}
