import ArgumentParser
import BikePDCACore

extension BikePDCA {
    struct Violations: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the bicycle violation codes with their 2026 blue-ticket penalties.")

        func run() throws {
            Console.out("code\tname_ja\tname_en\tblue_penalty_yen")
            for type in ViolationType.catalogue {
                Console.out(
                    "\(type.code)\t\(type.nameJA)\t\(type.nameEN)\t\(type.bluePenaltyYen.map(String.init) ?? "-")")
            }
        }
    }
}
