import Foundation

/// The mapping profiles offered on the upload form (`serve --mapping-folder DIR`): the regular files of that one
/// folder named `*.yaml`, `*.yml` or `*.json`, by name. A request names a profile; the name is looked up in this
/// list and only the list's own path is used, so no path from a request ever reaches the file system.
struct MappingProfiles: Sendable {
    /// The folder, or `nil` when the app offers no profiles.
    let folder: String?

    /// The profiles' file names, sorted.
    func names() -> [String] {
        guard let folder else { return [] }
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter { name in
            guard Self.isProfileName(name) else { return false }
            let path = (folder as NSString).appendingPathComponent(name)
            // Not followed: a symbolic link is no regular file here.
            let type = (try? manager.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            return type == .typeRegular
        }.sorted()
    }

    /// The path of the listed profile `name`, or `nil` when there is no such profile.
    func path(of name: String) -> String? {
        guard let folder, names().contains(name) else { return nil }
        return (folder as NSString).appendingPathComponent(name)
    }

    /// A profile's file name: letters, digits, `-`, `_` and `.`, not starting with `.`, at most 100 characters,
    /// ending in `.yaml`, `.yml` or `.json`.
    static func isProfileName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 100, !name.hasPrefix("."),
            name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json")
        else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" || scalar == "."
        }
    }
}
