import Foundation
import Testing
@testable import Questionnaire

/// Which modules are departments and which are answered by everybody, and in what order they
/// are listed, come from the module files: no code names a department.
@Suite struct DepartmentsAsDataTests {
    @Test func aModuleSaysWhetherItIsSharedAndWhereItGoes() throws {
        let plain = try #require(parse(validModuleYAML).module)
        #expect(!plain.shared && plain.order == nil)
        let marked = try #require(parse(validModule(inserting: "shared: true\norder: 15", beforeLine: 4)).module)
        #expect(marked.shared && marked.order == 15)
    }

    @Test func wrongValuesAreErrorsWithTheirLine() throws {
        let shared = try #require(parse(validModule(inserting: "shared: maybe", beforeLine: 4)).diagnostics.first)
        #expect(shared.line == 4 && shared.problem.contains("shared must be true or false"))
        for bad in ["0", "2.5", "10000", "first"] {
            let order = try #require(parse(validModule(inserting: "order: \(bad)", beforeLine: 4)).diagnostics.first)
            #expect(order.line == 4, "order: \(bad)")
        }
    }

    @Test func theStandardSelectionFollowsTheFiles() {
        func module(_ id: String, order: Int?, shared: Bool = false) -> QuestionnaireModule {
            QuestionnaireModule(id: id, version: "1", languages: [.english], title: LocalizedText([.english: id]),
                                intro: LocalizedText([.english: id]), dimensions: [], shared: shared, order: order)
        }
        let catalog = ModuleCatalog(modules: [module("zeta", order: nil), module("shared", order: 90, shared: true),
                                              module("alpha", order: nil), module("stores", order: 50), module("it", order: 20)])
        #expect(catalog.standardSelection.moduleIDs == ["it", "stores", "shared", "alpha", "zeta"])
        #expect(catalog.standardSelection.shared == ["shared"])
    }

    @Test func theShippedModulesKeepTheirOrderAndTheirSharedModule() {
        let catalog = ModuleLoader.load(paths: [packageRoot.appendingPathComponent("Modules").path]).catalog
        #expect(catalog.standardSelection.moduleIDs == ["ecommerce", "it", "customer-service", "logistics", "stores", "omnichannel"])
        #expect(catalog.standardSelection.shared == ["omnichannel"])
    }
}
