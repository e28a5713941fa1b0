// libFuzzer target: the readers of user files (CSV and its encodings, whole datasets, mapping profiles, GeoJSON);
// the first input byte picks the reader. Built only by Fuzz/build.sh (BIKEPDCA_FUZZ=1).
import Foundation
import FuzzEntryPoints

private let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "bikepdca-fuzz-\(ProcessInfo.processInfo.processIdentifier)")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImporters(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntryPoints.importers(Data(bytes: data, count: size), directory: directory)
    return 0
}

// SwiftPM links an executable target's entry point as `<Target>_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("ImportersFuzz_main")
public func importersFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzImporters)
}
