import ArgumentParser

extension BikePDCA {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the database (or bring an older one up to date).")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let opened = try store.openForWriting()
            try BikePDCA.assignZonesAfterImport(opened)
            Console.out("Database ready: \(opened.path)")
            Console.out("Next: bikepdca import stations FILE, then zones, enforcement, accidents, activities, plans.")
        }
    }
}
